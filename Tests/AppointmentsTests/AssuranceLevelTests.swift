import App
import Appointments
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Platform
import SQLKit
import TestSupport
import Testing

@Suite("Appointments respect the service's assurance level")
struct AssuranceLevelTests {
    /// The standard fixture with resident 3 at level 1 (registered, not matched to the register).
    static func oneLowResident(_ database: Database) async throws {
        try await AppointmentFixture.standard(database)
        try await database.withConnection { sql in
            try await sql.update("identity_accounts").set("level", to: 1).where("id", .equal, "resident-3").run()
        }
    }

    @Test(
        "a level-1 resident cannot book a level-2 service; the problem names the level needed",
        arguments: TestBackend.available)
    func levelTooLow(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: Self.oneLowResident) { client in
            let low = try await client.token(AppointmentFixture.phone(3))
            for slot in ["slot-h0", "slot-c0"] {
                let refused = try await client.send(.post, "/api/v1/slots/\(slot)/bookings", token: low)
                #expect(refused.status == .forbidden)
                #expect(refused.problemCode == "assurance_level_required")
                let problem = try #require(
                    try JSONSerialization.jsonObject(with: Data(buffer: refused.body)) as? [String: Any])
                #expect(problem["requiredLevel"] as? String == "2")
                #expect(problem["currentLevel"] as? String == "1")
                #expect((problem["detail"] as? String)?.contains("L2") == true)
            }
            let high = try await client.token(AppointmentFixture.phone(1))
            #expect(try await client.send(.post, "/api/v1/slots/slot-h0/bookings", token: high).status == .created)
        }
    }
}
