import Foundation
import Platform
import SQLKit

extension AccountRepository {
    /// Failures in a row that lock an account.
    static let lockThreshold = 5
    /// How long a locked account stays locked, in seconds.
    static let lockDuration: Int64 = 900

    /// Counts a failed sign-in; the fifth in a row locks the account for ``lockDuration``.
    func recordFailure(accountID: String) async throws {
        try await self.database.transaction { sql in
            let failures =
                try await sql.select().column("failed_attempts").from("identity_accounts")
                .where("id", .equal, accountID).for(.update).first(decodingColumn: "failed_attempts", as: Int.self)
                ?? 0
            let count = failures + 1
            let lockedUntil = count >= Self.lockThreshold ? Self.now() + Self.lockDuration : 0
            try await sql.update("identity_accounts")
                .set("failed_attempts", to: count >= Self.lockThreshold ? 0 : count)
                .set("locked_until", to: lockedUntil)
                .where("id", .equal, accountID).run()
        }
    }

    /// Sets a new password hash, unlocks the account and revokes its refresh tokens (a reset ends other sign-ins).
    func setPassword(accountID: String, hash: String) async throws {
        try await self.database.transaction { sql in
            try await sql.update("identity_accounts").set("password_hash", to: hash).set("failed_attempts", to: 0)
                .set("locked_until", to: 0).where("id", .equal, accountID).run()
            try await sql.update("identity_refresh_tokens").set("revoked", to: 1).where("account_id", .equal, accountID)
                .run()
        }
    }

    /// Clears the failure count after a successful sign-in.
    func recordSuccess(accountID: String) async throws {
        try await self.database.withConnection { sql in
            try await sql.update("identity_accounts").set("failed_attempts", to: 0).set("locked_until", to: 0)
                .where("id", .equal, accountID).run()
        }
    }

    /// Records that `step`'s TOTP code was used; false when this or a later step was used already (a replay).
    /// One conditional update, so two concurrent sign-ins with the same code cannot both win.
    func claimTOTPStep(accountID: String, step: Int64) async throws -> Bool {
        try await self.database.withConnection { sql in
            try await sql.update("identity_accounts").set("totp_last_step", to: step)
                .where("id", .equal, accountID).where("totp_last_step", .lessThan, step)
                .returning("id").first() != nil
        }
    }

    /// Sets a resident's assurance level (and community, once known).
    /// The change is announced in the same transaction to every node's account cache (see ``RevocationList``).
    func setLevel(accountID: String, level: Int, communityCode: String?) async throws {
        try await self.database.transaction { sql in
            try await sql.update("identity_accounts").set("level", to: level)
                .set("community_code", to: communityCode).where("id", .equal, accountID).run()
            try await RevocationList.announceChange(of: accountID, on: sql)
        }
        self.cache.remove(accountID)
    }

    /// Residents whose community lies inside `scope`, ordered by id; `after` is the last id of the previous page.
    /// "Starts with the scope's prefix" is a range (`prefix` ≤ code < `prefix:`, `:` sorting right after `9`), so
    /// both engines can use the community index.
    public func residents(inside scope: String, after: String?, limit: Int) async throws -> (
        items: [Account], more: Bool
    ) {
        let prefix = Authorization.scopePrefix(scope)
        let rows = try await self.database.withConnection { sql in
            let query = sql.select().columns(AccountRow.columns).from("identity_accounts")
                .where("role", .equal, Role.resident.rawValue)
                .where("community_code", .greaterThanOrEqual, prefix).where("community_code", .lessThan, prefix + ":")
            if let after { query.where("id", .greaterThan, after) }
            return try await query.orderBy("id").limit(limit + 1).all().map(AccountRow.decode)
        }
        let accounts = try rows.prefix(limit).map { try $0.account(self.cipher) }
        return (accounts, rows.count > limit)
    }

    /// Residents at level 2 inside `scope`, waiting for an in-person confirmation.
    public func verificationQueue(inside scope: String, limit: Int) async throws -> [Account] {
        let prefix = Authorization.scopePrefix(scope)
        let rows = try await self.database.withConnection { sql in
            try await sql.select().columns(AccountRow.columns).from("identity_accounts")
                .where("role", .equal, Role.resident.rawValue).where("level", .equal, 2)
                .where("community_code", .greaterThanOrEqual, prefix).where("community_code", .lessThan, prefix + ":")
                .orderBy("id").limit(limit).all().map(AccountRow.decode)
        }
        return try rows.map { try $0.account(self.cipher) }
    }
}

extension AccountRepository {
    /// How many residents inside `scope` wait for an in-person confirmation (the console's queue badge).
    public func verificationQueueCount(inside scope: String) async throws -> Int {
        let prefix = Authorization.scopePrefix(scope)
        return try await self.database.withConnection { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("identity_accounts")
                .where("role", .equal, Role.resident.rawValue).where("level", .equal, 2)
                .where("community_code", .greaterThanOrEqual, prefix).where("community_code", .lessThan, prefix + ":")
                .first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }
}
