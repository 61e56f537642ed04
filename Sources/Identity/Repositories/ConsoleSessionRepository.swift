import Foundation
import Platform
import SQLKit

/// Server-side sessions of the console: the cookie carries a random token, the table its SHA-256 hash, the
/// account and the session's CSRF token.
public struct ConsoleSessionRepository: Sendable {
    /// Sessions last eight hours (a working day).
    public static let lifetime: Int64 = 8 * 3600
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A live session.
    struct Session: Sendable {
        let accountID: String
        let csrf: String
    }

    /// Opens a session; returns the cookie token.
    func open(accountID: String) async throws -> String {
        let token = RandomToken.make()
        try await self.database.withConnection { sql in
            try await sql.insert(into: "identity_console_sessions")
                .columns("token_hash", "account_id", "csrf", "expires_at")
                .values(
                    SQLBind(RefreshTokenRepository.hash(token)), SQLBind(accountID), SQLBind(RandomToken.make()),
                    SQLBind(AccountRepository.now() + Self.lifetime)
                ).run()
        }
        return token
    }

    /// The live session of a cookie token.
    func find(_ token: String) async throws -> Session? {
        try await self.database.withConnection { sql in
            guard
                let row = try await sql.select().columns("account_id", "csrf").from("identity_console_sessions")
                    .where("token_hash", .equal, RefreshTokenRepository.hash(token))
                    .where("expires_at", .greaterThan, AccountRepository.now()).first()
            else { return nil }
            return Session(
                accountID: try row.decode(column: "account_id", as: String.self),
                csrf: try row.decode(column: "csrf", as: String.self))
        }
    }

    /// Ends a session.
    func close(_ token: String) async throws {
        try await self.database.withConnection { sql in
            try await sql.delete(from: "identity_console_sessions")
                .where("token_hash", .equal, RefreshTokenRepository.hash(token)).run()
        }
    }
}
