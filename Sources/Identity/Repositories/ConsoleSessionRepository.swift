import Crypto
import Foundation
import Platform
import SQLKit

/// Server-side sessions of the console: the cookie carries a random token, the table its SHA-256 hash and the
/// account. The session's CSRF token is derived from the cookie token (``csrf(for:)``), so it needs no storage and
/// cannot be known without the cookie.
public struct ConsoleSessionRepository: Sendable {
    /// Sessions last eight hours (a working day).
    public static let lifetime: Int64 = 8 * 3600
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Opens a session; returns the cookie token.
    func open(accountID: String) async throws -> String {
        let token = RandomToken.make()
        try await self.database.withConnection { sql in
            try await sql.insert(into: "identity_console_sessions")
                .columns("token_hash", "account_id", "expires_at")
                .values(
                    SQLBind(RefreshTokenRepository.hash(token)), SQLBind(accountID),
                    SQLBind(AccountRepository.now() + Self.lifetime)
                ).run()
        }
        return token
    }

    /// The account of a live session's cookie token.
    func find(_ token: String) async throws -> String? {
        try await self.database.withConnection { sql in
            try await sql.select().column("account_id").from("identity_console_sessions")
                .where("token_hash", .equal, RefreshTokenRepository.hash(token))
                .where("expires_at", .greaterThan, AccountRepository.now())
                .first(decodingColumn: "account_id", as: String.self)
        }
    }

    /// The account of a live session and when it signed in (Unix seconds).
    func details(_ token: String) async throws -> (accountID: String, authTime: Int64)? {
        try await self.database.withConnection { sql in
            guard
                let row = try await sql.select().columns("account_id", "expires_at").from("identity_console_sessions")
                    .where("token_hash", .equal, RefreshTokenRepository.hash(token))
                    .where("expires_at", .greaterThan, AccountRepository.now()).first()
            else { return nil }
            return (
                try row.decode(column: "account_id", as: String.self),
                try row.decode(column: "expires_at", as: Int64.self) - Self.lifetime
            )
        }
    }

    /// The session id ID tokens carry (`sid`), derived from the cookie token like the CSRF token.
    static func sid(for token: String) -> String {
        String(Base64URL.encode(Array(SHA256.hash(data: Data(("sid|" + token).utf8)))).prefix(22))
    }

    /// The synchronizer token every form of a session carries.
    static func csrf(for token: String) -> String {
        Base64URL.encode(Array(SHA256.hash(data: Data(("csrf|" + token).utf8))))
    }

    /// Ends a session.
    func close(_ token: String) async throws {
        try await self.database.withConnection { sql in
            try await sql.delete(from: "identity_console_sessions")
                .where("token_hash", .equal, RefreshTokenRepository.hash(token)).run()
        }
    }
}
