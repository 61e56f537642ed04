import App
import Foundation
import HTTPTypes
import HummingbirdTesting
import Livability
import NIOCore
import Platform
import TestSupport
import Testing

@testable import Identity

@Suite("Household-level gaps stay with officials")
struct MapPrivacyTests {
    @Test(
        "the community map draws gap rings only for an official with livability.view on the community",
        arguments: TestBackend.available)
    func gapRings(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: LivabilityFixture.prepare) { client, database in
            let identity = IdentityService(
                database: database, cipher: try TestApp.cipher, hasher: PasswordHasher(cost: 4))
            let sessions = ConsoleSessionRepository(database: database)
            func session(_ username: String) async throws -> String {
                let account = try #require(try await identity.accounts.find(signInName: username))
                return try await sessions.open(accountID: account.id)
            }
            let uri = "/communities/\(LivabilityFixture.communityB)/map?category=school&lang=en"
            let map = { (cookie: String?) async throws -> String in
                let headers: HTTPFields = cookie.map { [.cookie: "cc_session=\($0)"] } ?? [:]
                return String(buffer: try await client.execute(uri: uri, method: .get, headers: headers).body)
            }
            let anonymous = try await map(nil)
            #expect(anonymous.contains("<svg class=\"life-map\""))
            #expect(!anonymous.contains("class=\"gap\"") && !anonymous.contains("households lack"))
            #expect(!anonymous.contains("class=\"ring\""))
            // Another community's worker may not see B's households; B's worker and the city officer may.
            let other = try await map(try await session("worker.a"))
            #expect(!other.contains("class=\"gap\""))
            for official in ["worker.b", "city"] {
                let html = try await map(try await session(official))
                #expect(html.contains("class=\"gap\""), "\(official)")
                #expect(html.contains("households lack within 15 min"), "\(official)")
            }
            // The anonymous map drawn after an official's (cached per audience) still shows none.
            #expect(!(try await map(nil)).contains("class=\"gap\""))
        }
    }
}
