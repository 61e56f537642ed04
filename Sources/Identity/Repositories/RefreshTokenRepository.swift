import Crypto
import Foundation
import Platform
import SQLKit

/// Rotating refresh tokens, stored only as SHA-256 hashes and grouped in families (one per sign-in).
///
/// Each use returns a new token of the same family and retires the old one; presenting a retired token again means
/// it was copied, so the whole family is revoked.
public struct RefreshTokenRepository: Sendable {
    /// Refresh token lifetime in seconds (30 days).
    public static let lifetime: Int64 = 30 * 24 * 3600
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The outcome of presenting a refresh token.
    enum Rotation: Sendable {
        /// The token was good: here is its successor, the account, and the client and scope it was issued to
        /// (nil for the platform's own apps).
        case rotated(token: String, accountID: String, clientID: String?, scope: String?)
        /// The token had been used before: its family is now revoked.
        case reused(accountID: String)
        /// Unknown, expired or revoked.
        case invalid
    }

    /// Starts a new family for `accountID` (issued to `clientID` for `scope`) and returns its first token.
    func issue(accountID: String, clientID: String? = nil, scope: String? = nil) async throws -> String {
        try await self.issueFamily(accountID: accountID, clientID: clientID, scope: scope).token
    }

    /// Like ``issue(accountID:clientID:scope:)``, also returning the family id (to revoke it later as a whole).
    func issueFamily(
        accountID: String, clientID: String? = nil, scope: String? = nil
    ) async throws -> (token: String, family: String) {
        let family = UUID().uuidString.lowercased()
        let token = try await self.database.withConnection { sql in
            try await self.insert(family: family, accountID: accountID, clientID: clientID, scope: scope, on: sql)
        }
        return (token, family)
    }

    /// Revokes every token of `family`.
    /// Revokes a family; returns its account, nil when no token of the family exists.
    @discardableResult
    func revoke(family: String) async throws -> String? {
        try await self.database.withConnection { sql in
            try await Self.revoke(family: family, on: sql)
            return try await sql.select().column("account_id").from("identity_refresh_tokens")
                .where("family_id", .equal, family).first(decodingColumn: "account_id", as: String.self)
        }
    }

    /// Retires `token` and returns its successor, or revokes the family when the token is replayed. A token issued to
    /// another client than `clientID` (nil: the platform's own apps) is invalid here and left untouched.
    func rotate(_ token: String, clientID expected: String?) async throws -> Rotation {
        let hash = Self.hash(token)
        return try await self.database.transaction { sql in
            // Plain SQL on this path (every refresh grant): SQLKit's builders cost more than the statements.
            let lock = sql.dialect.name == "postgresql" ? " FOR UPDATE" : ""
            guard
                let row = try await sql.raw(
                    """
                    SELECT family_id, account_id, expires_at, used, revoked, client_id, scope \
                    FROM identity_refresh_tokens WHERE token_hash = \(bind: hash)\(unsafeRaw: lock)
                    """
                ).first()
            else { return .invalid }
            let clientID = try row.decode(column: "client_id", as: String?.self)
            guard clientID == expected else { return .invalid }
            let family = try row.decode(column: "family_id", as: String.self)
            let accountID = try row.decode(column: "account_id", as: String.self)
            if try row.decode(column: "revoked", as: Int.self) != 0 { return .invalid }
            if try row.decode(column: "used", as: Int.self) != 0 {
                try await Self.revoke(family: family, on: sql)
                return .reused(accountID: accountID)
            }
            guard try row.decode(column: "expires_at", as: Int64.self) > AccountRepository.now() else {
                return .invalid
            }
            try await sql.raw("UPDATE identity_refresh_tokens SET used = 1 WHERE token_hash = \(bind: hash)").run()
            let scope = try row.decode(column: "scope", as: String?.self)
            let next = try await self.insert(
                family: family, accountID: accountID, clientID: clientID, scope: scope, on: sql)
            return .rotated(token: next, accountID: accountID, clientID: clientID, scope: scope)
        }
    }

    /// Revokes the family of `token` (sign-out) when it was issued to `clientID` (nil: the platform's own apps);
    /// returns the account it belonged to, nil for an unknown token or another client's.
    func revokeFamily(of token: String, clientID: String? = nil) async throws -> String? {
        try await self.database.transaction { sql in
            guard
                let row = try await sql.select().columns("family_id", "account_id", "client_id")
                    .from("identity_refresh_tokens").where("token_hash", .equal, Self.hash(token)).first(),
                try row.decode(column: "client_id", as: String?.self) == clientID
            else { return nil }
            try await Self.revoke(family: try row.decode(column: "family_id", as: String.self), on: sql)
            return try row.decode(column: "account_id", as: String.self)
        }
    }

    private static func revoke(family: String, on sql: any SQLDatabase) async throws {
        try await sql.update("identity_refresh_tokens").set("revoked", to: 1).where("family_id", .equal, family).run()
    }

    private func insert(
        family: String, accountID: String, clientID: String?, scope: String?, on sql: any SQLDatabase
    ) async throws -> String {
        let token = RandomToken.make()
        try await sql.raw(
            """
            INSERT INTO identity_refresh_tokens (token_hash, family_id, account_id, expires_at, client_id, scope) \
            VALUES (\(bind: Self.hash(token)), \(bind: family), \(bind: accountID), \
            \(bind: AccountRepository.now() + Self.lifetime), \(bind: clientID), \(bind: scope))
            """
        ).run()
        return token
    }

    /// Tokens are 256 random bits, so a plain SHA-256 is enough to make a stolen table useless.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hexString
    }
}
