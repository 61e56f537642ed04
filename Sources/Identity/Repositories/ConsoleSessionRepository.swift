import Crypto
import Foundation
import Platform
import SQLKit

/// Server-side sessions of the console: the cookie carries a random token, the table its SHA-256 hash and the
/// account. The session's CSRF token is derived from the cookie token (``csrf(for:)``), so it needs no storage and
/// cannot be known without the cookie.
///
/// The site's sessions (`cc_session`) and the console's (`cc_console`, opened only after an official's TOTP
/// sign-in) share the table but not the key: a console session is stored under the hash of its token with a
/// `console|` prefix, so a site session's token presented as the console cookie finds nothing.
public struct ConsoleSessionRepository: Sendable {
    /// Which cookie a session belongs to.
    public enum Kind: Sendable {
        /// The resident site's session (`cc_session`, also the single sign-on session).
        case site
        /// The officials' console session (`cc_console`).
        case console
    }

    /// Sessions last eight hours (a working day).
    public static let lifetime: Int64 = 8 * 3600
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Opens a session; returns the cookie token.
    func open(accountID: String, kind: Kind = .site) async throws -> String {
        let token = RandomToken.make()
        try await self.database.withConnection { sql in
            try await sql.insert(into: "identity_console_sessions")
                .columns("token_hash", "account_id", "expires_at")
                .values(
                    SQLBind(Self.key(token, kind: kind)), SQLBind(accountID),
                    SQLBind(AccountRepository.now() + Self.lifetime)
                ).run()
        }
        return token
    }

    /// The account of a live session's cookie token.
    func find(_ token: String, kind: Kind = .site) async throws -> String? {
        try await self.database.withConnection { sql in
            try await sql.select().column("account_id").from("identity_console_sessions")
                .where("token_hash", .equal, Self.key(token, kind: kind))
                .where("expires_at", .greaterThan, AccountRepository.now())
                .first(decodingColumn: "account_id", as: String.self)
        }
    }

    /// The account of a live session and when it signed in (Unix seconds).
    func details(_ token: String, kind: Kind = .site) async throws -> (accountID: String, authTime: Int64)? {
        try await self.database.withConnection { sql in
            guard
                let row = try await sql.select().columns("account_id", "expires_at").from("identity_console_sessions")
                    .where("token_hash", .equal, Self.key(token, kind: kind))
                    .where("expires_at", .greaterThan, AccountRepository.now()).first()
            else { return nil }
            return (
                try row.decode(column: "account_id", as: String.self),
                try row.decode(column: "expires_at", as: Int64.self) - Self.lifetime
            )
        }
    }

    /// The stored key of a session token: its SHA-256 hash, domain-separated per kind.
    static func key(_ token: String, kind: Kind) -> String {
        switch kind {
        case .site: RefreshTokenRepository.hash(token)
        case .console: RefreshTokenRepository.hash("console|" + token)
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
    func close(_ token: String, kind: Kind = .site) async throws {
        try await self.database.withConnection { sql in
            try await sql.delete(from: "identity_console_sessions")
                .where("token_hash", .equal, Self.key(token, kind: kind)).run()
        }
    }
}
