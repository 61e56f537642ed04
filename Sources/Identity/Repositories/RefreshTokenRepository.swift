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
        /// The token was good: here is its successor and the account it belongs to.
        case rotated(token: String, accountID: String)
        /// The token had been used before: its family is now revoked.
        case reused(accountID: String)
        /// Unknown, expired or revoked.
        case invalid
    }

    /// Starts a new family for `accountID` and returns its first token.
    func issue(accountID: String) async throws -> String {
        try await self.database.withConnection { sql in
            try await self.insert(family: UUID().uuidString.lowercased(), accountID: accountID, on: sql)
        }
    }

    /// Retires `token` and returns its successor, or revokes the family when the token is replayed.
    func rotate(_ token: String) async throws -> Rotation {
        let hash = Self.hash(token)
        return try await self.database.transaction { sql in
            guard
                let row = try await sql.select().columns("family_id", "account_id", "expires_at", "used", "revoked")
                    .from("identity_refresh_tokens").where("token_hash", .equal, hash).for(.update).first()
            else { return .invalid }
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
            try await sql.update("identity_refresh_tokens").set("used", to: 1).where("token_hash", .equal, hash).run()
            let next = try await self.insert(family: family, accountID: accountID, on: sql)
            return .rotated(token: next, accountID: accountID)
        }
    }

    /// Revokes the family of `token` (sign-out); returns the account it belonged to, nil for an unknown token.
    func revokeFamily(of token: String) async throws -> String? {
        try await self.database.transaction { sql in
            guard
                let row = try await sql.select().columns("family_id", "account_id").from("identity_refresh_tokens")
                    .where("token_hash", .equal, Self.hash(token)).first()
            else { return nil }
            try await Self.revoke(family: try row.decode(column: "family_id", as: String.self), on: sql)
            return try row.decode(column: "account_id", as: String.self)
        }
    }

    private static func revoke(family: String, on sql: any SQLDatabase) async throws {
        try await sql.update("identity_refresh_tokens").set("revoked", to: 1).where("family_id", .equal, family).run()
    }

    private func insert(family: String, accountID: String, on sql: any SQLDatabase) async throws -> String {
        let token = RandomToken.make()
        try await sql.insert(into: "identity_refresh_tokens")
            .columns("token_hash", "family_id", "account_id", "expires_at")
            .values(
                SQLBind(Self.hash(token)), SQLBind(family), SQLBind(accountID),
                SQLBind(AccountRepository.now() + Self.lifetime)
            ).run()
        return token
    }

    /// Tokens are 256 random bits, so a plain SHA-256 is enough to make a stolen table useless.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
