import Foundation
import Platform
import SQLKit
import _CryptoExtras

/// The RSA 2048 keys that sign ID tokens with RS256 (the OpenID Connect default), stored sealed like the P-256 keys.
extension SigningKeyRepository {
    /// Every stored RSA key by id (as DER), and the id of the newest; creates the first key when there is none.
    public func loadOrCreateRSA() async throws -> (keys: [String: Data], current: String) {
        var (keys, current) = try await self.loadRSA()
        if current == nil {
            let (kid, sealed) = try self.newRSAKey()
            try await self.insertFirst(into: "identity_rsa_signing_keys", kid: kid, sealed: sealed)
            (keys, current) = try await self.loadRSA()
        }
        guard let current else { throw SigningKeyMissing() }
        return (keys, current)
    }

    /// Stores a new RSA 2048 key, which becomes the current RS256 key.
    public func createRSA() async throws {
        let (kid, sealed) = try self.newRSAKey()
        try await self.database.withConnection { sql in
            try await sql.insert(into: "identity_rsa_signing_keys").columns("kid", "private_key_enc", "created_at")
                .values(SQLBind(kid), SQLBind(sealed), SQLBind(AccountRepository.now())).run()
        }
    }

    /// A new RSA 2048 key, sealed, with its id.
    private func newRSAKey() throws -> (kid: String, sealed: Data) {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        return (Self.kid(prefix: "r"), Data(self.cipher.seal(key.derRepresentation.base64EncodedString())))
    }

    private func loadRSA() async throws -> ([String: Data], String?) {
        let rows = try await self.database.withConnection { sql in
            try await sql.select().columns("kid", "private_key_enc").from("identity_rsa_signing_keys")
                .orderBy("created_at").orderBy("kid").all()
        }
        var keys: [String: Data] = [:]
        var current: String?
        for row in rows {
            let kid = try row.decode(column: "kid", as: String.self)
            let sealed = try row.decode(column: "private_key_enc", as: Data.self)
            guard let der = Data(base64Encoded: try self.cipher.open(Array(sealed))) else { continue }
            keys[kid] = der
            current = kid
        }
        return (keys, current)
    }
}
