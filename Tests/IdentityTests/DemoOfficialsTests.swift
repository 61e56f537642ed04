import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import Platform
import Territory
import TestSupport
import Testing

@Suite("Demo officials")
struct DemoOfficialsTests {
    @Test(
        "the demo creates one official per level, idempotently, and they can sign in", arguments: TestBackend.available)
    func demo(backend: TestBackend) async throws {
        let prepare: @Sendable (Database) async throws -> Void = { database in
            try await IdentityFixture.prepare(database)
            let service = IdentityService(
                database: database, cipher: try TestApp.cipher, hasher: PasswordHasher(cost: 4))
            let divisions = DivisionRepository(database: database)
            let first = try await DemoOfficials.seed(service: service, divisions: divisions)
            let again = try await DemoOfficials.seed(service: service, divisions: divisions)
            #expect(first.map(\.username) == again.map(\.username))
            #expect(Set(first.map(\.role)).count == 7)
            #expect(first.first { $0.role == .communityWorker }?.scope == IdentityFixture.communityA)
        }
        try await TestApp.with(backend, prepare: prepare) { client in
            for entry in DemoOfficials.entries(community: IdentityFixture.communityA) {
                let otp = String(format: "%06d", TOTPTestCode.now(DemoOfficials.totpSecret))
                let response = try await client.signIn(entry.username, password: DemoOfficials.password, otp: otp)
                #expect(response.status == .ok, "\(entry.username)")
            }
        }
    }
}
