import App
import Foundation
import Identity
import Platform
import TestSupport
import Testing

@Suite("Signing keys")
struct KeyRotationTests {
    @Test(
        "rotation adds a key: new tokens carry its id, old tokens still verify, the JWKS lists both",
        arguments: TestBackend.available)
    func rotation(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let authority = TokenAuthority(
                keys: SigningKeyRepository(database: database, cipher: .ephemeral()), issuer: "test")
            let principal = Principal(subject: "s", role: .resident, scope: nil, level: 1)
            let before = try await authority.signer()
            let old = try before.sign(principal)
            let after = try await authority.rotate()
            let new = try after.sign(principal)
            #expect(after.jwks.keys.filter { $0.kty == "EC" }.count == 2)
            #expect(after.principal(from: old) == principal)
            #expect(after.principal(from: new) == principal)
            #expect(before.principal(from: new) == nil, "a node that has not reloaded does not know the new key")
            #expect(before.hasUnknownKey(new))
        }
    }
}
