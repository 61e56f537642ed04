import Platform
import SQLKit

/// Billing's use of the platform's ``IdempotencyKeys`` (scope `billing`): a key's stored result is the answer the
/// first request got (its status and JSON body), replayed as it was.
public enum IdempotencyStore {
    /// A stored answer.
    public struct Stored: Codable, Sendable, Equatable {
        public let requestHash: String
        public let status: Int
        public let body: String
    }

    /// The stored answer's result part.
    struct Answer: Codable {
        let status: Int
        let body: String
    }

    static let scope = "billing"

    static func find(account: String, key: String, on sql: any SQLDatabase) async throws -> Stored? {
        guard let record = try await IdempotencyKeys.find(scope: Self.scope, account: account, key: key, on: sql)
        else { return nil }
        let answer = try record.replay(Answer.self, for: record.requestHash)
        return Stored(requestHash: record.requestHash, status: answer.status, body: answer.body)
    }

    static func save(account: String, key: String, _ stored: Stored, on sql: any SQLDatabase) async throws {
        try await IdempotencyKeys.save(
            scope: Self.scope, account: account, key: key, requestHash: stored.requestHash,
            result: Answer(status: stored.status, body: stored.body), on: sql)
    }

    /// The stored answer for a replay, or `idempotency_key_reused` when the key named another request.
    static func replay(_ stored: Stored, hash: String) throws -> Stored {
        guard stored.requestHash == hash else { throw IdempotencyKeys.reused }
        return stored
    }
}
