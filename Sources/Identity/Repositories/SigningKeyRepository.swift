import Crypto
import Foundation
import Platform
import SQLKit

/// The P-256 keys that sign access tokens, kept in the database (sealed with the personal-data cipher) so that
/// every node signs with the same key and tokens survive restarts.
public struct SigningKeyRepository: Sendable {
    let database: Database
    let cipher: PersonalDataCipher

    public init(database: Database, cipher: PersonalDataCipher) {
        self.database = database
        self.cipher = cipher
    }

    /// Every stored key by id, and the id of the newest; creates the first key when there is none.
    public func loadOrCreate() async throws -> (keys: [String: P256.Signing.PrivateKey], current: String) {
        var (keys, current) = try await self.load()
        if current == nil {
            let (kid, sealed) = self.newKey()
            try await self.insertFirst(into: "identity_signing_keys", kid: kid, sealed: sealed)
            (keys, current) = try await self.load()
        }
        guard let current else { throw SigningKeyMissing() }
        return (keys, current)
    }

    /// Stores a new key, which becomes the current one.
    public func create() async throws {
        let (kid, sealed) = self.newKey()
        try await self.database.withConnection { sql in
            try await sql.insert(into: "identity_signing_keys").columns("kid", "private_key_enc", "created_at")
                .values(SQLBind(kid), SQLBind(sealed), SQLBind(AccountRepository.now())).run()
        }
    }

    /// A new P-256 key, sealed, with its id.
    private func newKey() -> (kid: String, sealed: Data) {
        let sealed = Data(self.cipher.seal(P256.Signing.PrivateKey().rawRepresentation.base64EncodedString()))
        return (Self.kid(prefix: "k"), sealed)
    }

    /// A key id: milliseconds first, so that keys made within one second still sort (and become current) in order.
    static func kid(prefix: String) -> String {
        "\(prefix)\(Int64(Date().timeIntervalSince1970 * 1000))-\(RandomToken.make(bytes: 3))"
    }

    /// Stores the first key of `table` unless one is already there.
    ///
    /// Nodes starting together on a new database would otherwise each make a first key and sign with different
    /// ones. The check and the insert run in one transaction that every node takes in turn (PostgreSQL: an
    /// advisory lock; SQLite: the write lock), so exactly one first key is stored and every node loads it.
    func insertFirst(into table: String, kid: String, sealed: Data) async throws {
        try await self.database.transaction { sql in
            if self.database.kind == .postgres {
                try await sql.raw("SELECT pg_advisory_xact_lock(727275)").run()
            }
            let existing = try await sql.select().column("kid").from(table).limit(1).all()
            guard existing.isEmpty else { return }
            try await sql.insert(into: table).columns("kid", "private_key_enc", "created_at")
                .values(SQLBind(kid), SQLBind(sealed), SQLBind(AccountRepository.now())).run()
        }
    }

    private func load() async throws -> ([String: P256.Signing.PrivateKey], String?) {
        let rows = try await self.database.withConnection { sql in
            try await sql.select().columns("kid", "private_key_enc").from("identity_signing_keys")
                .orderBy("created_at").orderBy("kid").all()
        }
        var keys: [String: P256.Signing.PrivateKey] = [:]
        var current: String?
        for row in rows {
            let kid = try row.decode(column: "kid", as: String.self)
            let sealed = try row.decode(column: "private_key_enc", as: Data.self)
            guard let raw = Data(base64Encoded: try self.cipher.open(Array(sealed))) else { continue }
            keys[kid] = try P256.Signing.PrivateKey(rawRepresentation: raw)
            current = kid
        }
        return (keys, current)
    }
}

/// The signing key table stayed empty even after creating a key (the database refused the insert).
struct SigningKeyMissing: Error {}
