import Crypto
import Foundation
import Platform
import SQLKit

/// Remembers the response to each `Idempotency-Key`, per account, so a retried request gets the same answer.
///
/// The key row is written in the same transaction as the effect it records: either both exist or neither. A second
/// request with the key while the first is still running waits on the primary key (PostgreSQL) or the write lock
/// (SQLite) and then sees the stored answer.
public struct IdempotencyStore: Sendable {
    /// A stored answer.
    public struct Stored: Sendable, Equatable {
        public let requestHash: String
        public let status: Int
        public let body: String
    }

    /// Checks the header: 1–64 visible ASCII characters.
    public static func validKey(_ key: String?) throws -> String {
        guard let key, (1...64).contains(key.utf8.count), key.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
            throw BillingProblem.keyRequired
        }
        return key
    }

    /// The fingerprint of a request: method, path and body, so the same key with a different request is refused.
    public static func fingerprint(_ parts: String...) -> String {
        SHA256.hash(data: Data(parts.joined(separator: "\n").utf8)).hexString
    }

    static func find(account: String, key: String, on sql: any SQLDatabase) async throws -> Stored? {
        guard
            let row = try await sql.select().columns("request_hash", "status", "body").from("billing_idempotency_keys")
                .where("account_id", .equal, account).where("idem_key", .equal, key).first()
        else { return nil }
        return Stored(
            requestHash: try row.decode(column: "request_hash", as: String.self),
            status: try row.decode(column: "status", as: Int.self),
            body: try row.decode(column: "body", as: String.self))
    }

    static func save(account: String, key: String, _ stored: Stored, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "billing_idempotency_keys")
            .columns("account_id", "idem_key", "request_hash", "status", "body", "created_at")
            .values(
                SQLBind(account), SQLBind(key), SQLBind(stored.requestHash), SQLBind(stored.status),
                SQLBind(stored.body), SQLBind(CityClock.now())
            ).run()
    }

    /// The stored answer for a replay, or `idempotency_key_reused` when the key named another request.
    static func replay(_ stored: Stored, hash: String) throws -> Stored {
        guard stored.requestHash == hash else { throw BillingProblem.keyReused }
        return stored
    }
}
