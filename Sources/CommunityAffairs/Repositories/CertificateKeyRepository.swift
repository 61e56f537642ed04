import Crypto
import Foundation
import Platform
import SQLKit

/// The Ed25519 keys that sign certificates, kept in the database with the private half sealed by the platform
/// cipher, so every node signs with the same key. Keys are never deleted: a rotated key still verifies the
/// certificates it signed.
public struct CertificateKeyRepository: Sendable {
    let database: Database
    let cipher: PersonalDataCipher

    public init(database: Database, cipher: PersonalDataCipher) {
        self.database = database
        self.cipher = cipher
    }

    /// A stored key.
    public struct StoredKey: Sendable {
        public let kid: String
        /// The raw 32-byte Ed25519 public key.
        public let publicKey: Data
        public let createdAt: Int64
        /// The raw private half, opened.
        let privateKey: Data
    }

    /// Every key, oldest first (the last is current).
    func all() async throws -> [StoredKey] {
        let rows = try await self.database.withConnection { sql in
            try await sql.select().columns("kid", "public_key", "private_key_enc", "created_at")
                .from("ca_certificate_keys").orderBy("created_at").orderBy("kid").all()
        }
        return try rows.map { row in
            let sealed = try row.decode(column: "private_key_enc", as: Data.self)
            return StoredKey(
                kid: try row.decode(column: "kid", as: String.self),
                publicKey: try row.decode(column: "public_key", as: Data.self),
                createdAt: try row.decode(column: "created_at", as: Int64.self),
                privateKey: Data(base64Encoded: try self.cipher.open(Array(sealed))) ?? Data())
        }
    }

    /// Stores a new key, which becomes the current one; `onlyIfNone` makes it the first key only when there is
    /// none yet (nodes starting together store exactly one: the check and the insert hold the write lock).
    @discardableResult
    func create(onlyIfNone: Bool = false) async throws -> String {
        let key = Curve25519.Signing.PrivateKey()
        let now = CityClock.now()
        let suffix = (0..<4).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        // Milliseconds first, so keys made within one second still sort (and become current) in order.
        let kid = "cert-\(Int64(Date().timeIntervalSince1970 * 1000))-\(suffix)"
        let sealed = Data(self.cipher.seal(key.rawRepresentation.base64EncodedString()))
        let publicKey = key.publicKey.rawRepresentation
        return try await self.database.transaction { sql in
            if onlyIfNone {
                if self.database.kind == .postgres {
                    try await sql.raw("SELECT pg_advisory_xact_lock(727281)").run()
                }
                if let existing = try await sql.select().column("kid").from("ca_certificate_keys")
                    .orderBy("created_at", .descending).limit(1).first(decodingColumn: "kid", as: String.self)
                {
                    return existing
                }
            }
            try await sql.insert(into: "ca_certificate_keys")
                .columns("kid", "public_key", "private_key_enc", "created_at")
                .values(SQLBind(kid), SQLBind(publicKey), SQLBind(sealed), SQLBind(now)).run()
            return kid
        }
    }
}
