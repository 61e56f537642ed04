import App
import Foundation
import Identity
import Platform
import SQLKit
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

    @Test(
        "two nodes starting on a new database at once store one first key of each kind, and all sign with it",
        arguments: TestBackend.available)
    func firstKeysOnce(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let cipher = PersonalDataCipher.ephemeral()
            let nodes = (0..<2).map { _ in
                TokenAuthority(keys: SigningKeyRepository(database: database, cipher: cipher), issuer: "test")
            }
            let principal = Principal(subject: "s", role: .resident, scope: nil, level: 1)
            let tokens = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<40 {
                    group.addTask { try await nodes[index % 2].signer().sign(principal) }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            for node in nodes {
                let signer = try await node.signer()
                #expect(signer.jwks.keys.filter { $0.kty == "EC" }.count == 1)
                #expect(signer.jwks.keys.filter { $0.kty == "RSA" }.count == 1)
                for token in tokens { #expect(signer.principal(from: token) == principal) }
            }
            let stored = try await database.withConnection { sql in
                (
                    try await sql.select().column("kid").from("identity_signing_keys").all().count,
                    try await sql.select().column("kid").from("identity_rsa_signing_keys").all().count
                )
            }
            #expect(stored.0 == 1 && stored.1 == 1)
        }
    }
}
