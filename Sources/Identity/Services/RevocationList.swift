import Foundation
import Platform
import SQLKit
import Synchronization

/// Access tokens withdrawn before they expire, shared by every node through `identity_revocations`.
///
/// Access tokens are self-contained (verified without the database), so revoking one means every node must learn of
/// it: a revocation is written to the table and applied to this node's list at once; ``RevocationFeedService`` reads
/// newer rows every second on every node, so another node honours it within about a second. Two kinds: one token
/// (`token`, by `jti`, from `/oauth/revoke` or sign-out) and all of an account's tokens issued up to a moment
/// (`account`: a replayed refresh token or authorization code means theft). Rows and entries are kept only while a
/// token they could match may still be alive (the access-token lifetime), so the list stays small.
///
/// The same feed carries `changed` rows: an account whose cached fields changed, which every node drops from its
/// account cache.
public final class RevocationList: Sendable {
    /// What the list holds, behind one lock.
    struct State {
        var tokens: [String: Int64] = [:]
        var accounts: [String: (notBefore: Int64, expires: Int64)] = [:]
        var lastID: Int64 = 0
        var lastPrune: Int64 = 0
    }

    let database: Database
    private let state = Mutex(State())
    /// The account cache that `changed` rows invalidate.
    let accountCache: ExpiringCache<String, Account>?

    public init(database: Database, accountCache: ExpiringCache<String, Account>? = nil) {
        self.database = database
        self.accountCache = accountCache
    }

    /// Records, inside the caller's transaction, that `accountID`'s cached fields changed.
    static func announceChange(of accountID: String, on sql: any SQLDatabase) async throws {
        let now = Self.now()
        try await sql.insert(into: "identity_revocations").columns("kind", "value", "not_before", "expires_at")
            .values(SQLBind("changed"), SQLBind(accountID), SQLBind(now), SQLBind(now + 120)).run()
    }

    /// Whether an access token of `subject` (an account id) with `jti`, issued at `issuedAt`, was revoked.
    public func isRevoked(subject: String, jti: String, issuedAt: Int64) -> Bool {
        self.state.withLock { state in
            if state.tokens[jti] != nil { return true }
            if let account = state.accounts[subject], issuedAt <= account.notBefore { return true }
            return false
        }
    }

    /// Revokes one token until its expiry.
    public func revoke(jti: String, expires: Int64) async throws {
        try await self.record(kind: "token", value: jti, notBefore: 0, expires: expires)
    }

    /// Revokes every access token of `accountID` issued up to now.
    public func revokeAll(accountID: String) async throws {
        let now = Self.now()
        try await self.record(kind: "account", value: accountID, notBefore: now, expires: now + Self.horizon)
    }

    /// Reads revocations other nodes wrote since the last call; returns how many were new.
    @discardableResult
    public func sync() async throws -> Int {
        let after = self.state.withLock { $0.lastID }
        let now = Self.now()
        let rows = try await self.database.withConnection { sql in
            try await sql.select().columns("id", "kind", "value", "not_before", "expires_at")
                .from("identity_revocations").where("id", .greaterThan, after).where("expires_at", .greaterThan, now)
                .orderBy("id").limit(5000).all()
        }
        var entries: [(id: Int64, kind: String, value: String, notBefore: Int64, expires: Int64)] = []
        for row in rows {
            entries.append(
                (
                    try row.decode(column: "id", as: Int64.self), try row.decode(column: "kind", as: String.self),
                    try row.decode(column: "value", as: String.self),
                    try row.decode(column: "not_before", as: Int64.self),
                    try row.decode(column: "expires_at", as: Int64.self)
                ))
        }
        for entry in entries where entry.kind == "changed" { self.accountCache?.remove(entry.value) }
        let prune = self.state.withLock { state -> Bool in
            for entry in entries {
                Self.apply(
                    kind: entry.kind, value: entry.value, notBefore: entry.notBefore, expires: entry.expires, to: &state
                )
            }
            if let last = entries.last { state.lastID = max(state.lastID, last.id) }
            state.tokens = state.tokens.filter { $0.value > now }
            state.accounts = state.accounts.filter { $0.value.expires > now }
            guard now - state.lastPrune >= 60 else { return false }
            state.lastPrune = now
            return true
        }
        if prune {
            try await self.database.withConnection { sql in
                try await sql.delete(from: "identity_revocations").where("expires_at", .lessThanOrEqual, now).run()
            }
        }
        return entries.count
    }

    private func record(kind: String, value: String, notBefore: Int64, expires: Int64) async throws {
        try await self.database.withConnection { sql in
            try await sql.insert(into: "identity_revocations")
                .columns("kind", "value", "not_before", "expires_at")
                .values(SQLBind(kind), SQLBind(value), SQLBind(notBefore), SQLBind(expires)).run()
        }
        self.state.withLock {
            Self.apply(kind: kind, value: value, notBefore: notBefore, expires: expires, to: &$0)
        }
    }

    private static func apply(kind: String, value: String, notBefore: Int64, expires: Int64, to state: inout State) {
        switch kind {
        case "token":
            state.tokens[value] = max(state.tokens[value] ?? 0, expires)
        case "account":
            let old = state.accounts[value]
            state.accounts[value] = (max(old?.notBefore ?? 0, notBefore), max(old?.expires ?? 0, expires))
        default:
            break
        }
    }

    /// How long an account revocation must be remembered: the longest access-token lifetime, plus clock skew.
    static let horizon: Int64 = TokenSigner.lifetime + 60

    static func now() -> Int64 { CityClock.now() }
}
