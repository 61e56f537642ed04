import Foundation
import Platform
import SQLKit

/// Authorization codes (single use, 60 seconds, stored hashed), remembered consents and pairwise subjects.
public struct AuthorizationCodeRepository: Sendable {
    /// Codes are valid for one minute.
    static let lifetime: Int64 = 60
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// What a code stands for.
    struct Grant: Sendable {
        let clientID: String
        let accountID: String
        let redirectURI: String
        let scope: String
        let nonce: String?
        let codeChallenge: String
        let authTime: Int64
        /// The provider session the code was issued in (for back-channel logout).
        let sid: String?
    }

    /// Stores a grant and returns its code.
    func issue(_ grant: Grant) async throws -> String {
        let code = RandomToken.make()
        try await self.database.withConnection { sql in
            try await sql.insert(into: "oidc_codes")
                .columns(
                    "code_hash", "client_id", "account_id", "redirect_uri", "scope", "nonce", "code_challenge",
                    "auth_time", "expires_at", "sid"
                )
                .values(
                    SQLBind(RefreshTokenRepository.hash(code)), SQLBind(grant.clientID), SQLBind(grant.accountID),
                    SQLBind(grant.redirectURI), SQLBind(grant.scope), SQLBind(grant.nonce),
                    SQLBind(grant.codeChallenge), SQLBind(grant.authTime),
                    SQLBind(AccountRepository.now() + Self.lifetime), SQLBind(grant.sid)
                ).run()
        }
        return code
    }

    /// What presenting a code gave.
    enum Redemption: Sendable {
        /// First use of a valid code.
        case granted(Grant)
        /// The code was used before: the refresh-token family it was exchanged for, if any, must be revoked.
        case replayed(refreshFamily: String?)
        /// Unknown or expired.
        case invalid
    }

    /// Redeems a code once: the grant when it is unused and unexpired; a second use is reported as a replay.
    func redeem(_ code: String) async throws -> Redemption {
        let hash = RefreshTokenRepository.hash(code)
        return try await self.database.transaction { sql in
            guard
                let row = try await sql.select()
                    .columns(
                        "client_id", "account_id", "redirect_uri", "scope", "nonce", "code_challenge", "auth_time",
                        "expires_at", "used", "sid", "refresh_family"
                    )
                    .from("oidc_codes").where("code_hash", .equal, hash).for(.update).first()
            else { return .invalid }
            guard try row.decode(column: "used", as: Int.self) == 0 else {
                return .replayed(refreshFamily: try row.decode(column: "refresh_family", as: String?.self))
            }
            guard try row.decode(column: "expires_at", as: Int64.self) > AccountRepository.now() else {
                return .invalid
            }
            try await sql.update("oidc_codes").set("used", to: 1).where("code_hash", .equal, hash).run()
            return .granted(
                Grant(
                    clientID: try row.decode(column: "client_id", as: String.self),
                    accountID: try row.decode(column: "account_id", as: String.self),
                    redirectURI: try row.decode(column: "redirect_uri", as: String.self),
                    scope: try row.decode(column: "scope", as: String.self),
                    nonce: try row.decode(column: "nonce", as: String?.self),
                    codeChallenge: try row.decode(column: "code_challenge", as: String.self),
                    authTime: try row.decode(column: "auth_time", as: Int64.self),
                    sid: try row.decode(column: "sid", as: String?.self)))
        }
    }

    /// Remembers the refresh-token family a code was exchanged for.
    func attach(refreshFamily family: String, to code: String) async throws {
        let hash = RefreshTokenRepository.hash(code)
        try await self.database.withConnection { sql in
            try await sql.update("oidc_codes").set("refresh_family", to: family).where("code_hash", .equal, hash).run()
        }
    }

    /// The clients that received a code in the provider session `sid`.
    func clients(inSession sid: String) async throws -> [String] {
        try await self.database.withConnection { sql in
            try await sql.select().distinct().column("client_id").from("oidc_codes").where("sid", .equal, sid)
                .all(decodingColumn: "client_id", as: String.self)
        }
    }

    /// The scopes the account has already consented to for the client.
    func consent(accountID: String, clientID: String) async throws -> Set<String> {
        let scope = try await self.database.withConnection { sql in
            try await sql.select().column("scope").from("oidc_consents").where("account_id", .equal, accountID)
                .where("client_id", .equal, clientID).first(decodingColumn: "scope", as: String.self)
        }
        return Set((scope ?? "").split(separator: " ").map(String.init))
    }

    /// Records consent to `scopes` (replacing an earlier consent).
    func recordConsent(accountID: String, clientID: String, scopes: Set<String>) async throws {
        try await self.database.transaction { sql in
            try await sql.delete(from: "oidc_consents").where("account_id", .equal, accountID)
                .where("client_id", .equal, clientID).run()
            try await sql.insert(into: "oidc_consents").columns("account_id", "client_id", "scope")
                .values(SQLBind(accountID), SQLBind(clientID), SQLBind(scopes.sorted().joined(separator: " "))).run()
        }
    }

    /// Remembers which account a pairwise subject stands for (idempotent).
    func remember(subject: String, sector: String, accountID: String) async throws {
        try await self.database.withConnection { sql in
            let known = try await sql.select().column("account_id").from("oidc_subjects")
                .where("sector", .equal, sector).where("subject", .equal, subject).first()
            if known == nil {
                try? await sql.insert(into: "oidc_subjects").columns("sector", "subject", "account_id")
                    .values(SQLBind(sector), SQLBind(subject), SQLBind(accountID)).run()
            }
        }
    }

    /// The account behind a pairwise subject.
    func account(subject: String, sector: String) async throws -> String? {
        try await self.database.withConnection { sql in
            try await sql.select().column("account_id").from("oidc_subjects").where("sector", .equal, sector)
                .where("subject", .equal, subject).first(decodingColumn: "account_id", as: String.self)
        }
    }
}
