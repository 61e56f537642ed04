import Crypto
import Foundation
import HTTPTypes
import SQLKit

/// The platform's one implementation of `Idempotency-Key`: the rules a key must follow, the fingerprint of the
/// request it names, the two problems, and the store that remembers each key's result per account.
///
/// A context calls ``find(scope:account:key:on:)`` and ``save(scope:account:key:requestHash:result:on:)`` inside the
/// transaction of the write the key protects, so the key and its effect exist together or not at all. A second
/// request with the same key while the first still runs waits on the primary key (PostgreSQL) or the write lock
/// (SQLite) and then finds the stored result. What is stored is the use case's result (any `Codable`), not an
/// HTTP answer.
public enum IdempotencyKeys {
    /// The longest key accepted, in visible ASCII characters.
    public static let maximumLength = 100

    /// 400 `idempotency_key_required`: the header is missing or not 1–100 visible ASCII characters.
    public static let required = Problem(
        .badRequest, code: "idempotency_key_required",
        zh: "请求须带 Idempotency-Key 请求头（1–100 个可见字符），重试时使用同一个值。",
        en: "The request needs an Idempotency-Key header of 1–100 visible characters; reuse it on retries.")
    /// 422 `idempotency_key_reused`: the key already named a different request.
    public static let reused = Problem(
        .unprocessableContent, code: "idempotency_key_reused", zh: "该 Idempotency-Key 已用于另一个请求；新的请求请使用新的键。",
        en: "This Idempotency-Key was already used for a different request; use a new key for a new request.")

    /// The key if it is 1–100 visible ASCII characters, else ``required``.
    public static func validated(_ key: String?) throws -> String {
        guard let key, (1...self.maximumLength).contains(key.utf8.count),
            key.utf8.allSatisfy({ $0 > 32 && $0 < 127 })
        else { throw self.required }
        return key
    }

    /// The fingerprint of a request (its method, path and body), so the same key with another request is refused.
    public static func fingerprint(_ parts: String...) -> String {
        SHA256.hash(data: Data(parts.joined(separator: "\n").utf8)).hexString
    }

    /// A stored key: the request it named and the result it produced.
    public struct Record: Sendable, Equatable {
        public let requestHash: String
        public let result: String

        /// The stored result for a request with fingerprint `hash`, or ``IdempotencyKeys/reused``.
        public func replay<Result: Decodable>(_ type: Result.Type, for hash: String) throws -> Result {
            guard self.requestHash == hash else { throw IdempotencyKeys.reused }
            return try JSONDecoder().decode(type, from: Data(self.result.utf8))
        }
    }

    /// The key's record in `scope` (the owning context, e.g. `billing`) for `account`, with `sql`.
    public static func find(
        scope: String, account: String, key: String, on sql: any SQLDatabase
    ) async throws -> Record? {
        guard
            let row = try await sql.select().columns("request_hash", "result").from("platform_idempotency_keys")
                .where("scope", .equal, scope).where("account_id", .equal, account).where("idem_key", .equal, key)
                .first()
        else { return nil }
        return Record(
            requestHash: try row.decode(column: "request_hash", as: String.self),
            result: try row.decode(column: "result", as: String.self))
    }

    /// Records the key with its request's fingerprint and result, inside the caller's transaction.
    public static func save<Result: Encodable>(
        scope: String, account: String, key: String, requestHash: String, result: Result, on sql: any SQLDatabase
    ) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try await sql.insert(into: "platform_idempotency_keys")
            .columns("scope", "account_id", "idem_key", "request_hash", "result", "created_at")
            .values(
                SQLBind(scope), SQLBind(account), SQLBind(key), SQLBind(requestHash),
                SQLBind(String(decoding: try encoder.encode(result), as: UTF8.self)), SQLBind(CityClock.now())
            ).run()
    }

    /// The store's table.
    public static let migrations: [any Migration] = [
        SQLMigration(
            id: "platform.0003.idempotency_keys",
            statements: [
                """
                CREATE TABLE platform_idempotency_keys (
                    scope TEXT NOT NULL,
                    account_id TEXT NOT NULL,
                    idem_key TEXT NOT NULL,
                    request_hash TEXT NOT NULL,
                    result TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (scope, account_id, idem_key)
                )
                """
            ])
    ]
}
