import Foundation
import Platform
import SQLKit

/// Sign-ups, the waitlist and attendance: SQL only. Every method that changes a shift's places first updates the
/// shift's row, so changes to one shift are serialized (row lock on PostgreSQL, the one writer on SQLite).
public struct SignupRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "shift_id", "account_id", "status", "position", "created_at", "promoted_at", "checked_in_at",
        "checked_out_at",
    ]

    /// The next arrival number on the shift (locks the shift's row until the transaction ends).
    func nextPosition(_ shiftID: String, on sql: any SQLDatabase) async throws -> Int? {
        try await sql.raw(
            """
            UPDATE society_shifts SET waitlist_seq = waitlist_seq + 1 WHERE id = \(bind: shiftID)
            RETURNING waitlist_seq
            """
        ).first()?.decode(column: "waitlist_seq", as: Int.self)
    }

    /// Takes the shift's row lock until the transaction ends, changing nothing.
    func lockShift(_ shiftID: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE society_shifts SET confirmed = confirmed WHERE id = \(bind: shiftID)").run()
    }

    /// Takes a confirmed place if one is free; false when the shift is full.
    func takePlace(_ shiftID: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE society_shifts SET confirmed = confirmed + 1 WHERE id = \(bind: shiftID) AND confirmed < capacity
            RETURNING confirmed
            """
        ).first() != nil
    }

    /// Gives a confirmed place back.
    func releasePlace(_ shiftID: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE society_shifts SET confirmed = confirmed - 1 WHERE id = \(bind: shiftID)").run()
    }

    /// Stores a new sign-up.
    func insert(_ signup: Signup, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "society_signups").columns(Self.columns)
            .values(
                SQLBind(signup.id), SQLBind(signup.shiftID), SQLBind(signup.accountID), SQLBind(signup.status.rawValue),
                SQLBind(signup.position), SQLBind(signup.createdAt), SQLBind(signup.promotedAt),
                SQLBind(signup.checkedInAt), SQLBind(signup.checkedOutAt)
            ).run()
    }

    /// One sign-up (with `sql` inside a transaction).
    public func signup(_ id: String, on sql: (any SQLDatabase)? = nil) async throws -> Signup? {
        let read: @Sendable (any SQLDatabase) async throws -> Signup? = { sql in
            try await sql.select().columns(Self.columns).from("society_signups").where("id", .equal, id).first()
                .map(Self.signup(from:))
        }
        if let sql { return try await read(sql) }
        return try await self.database.withConnection(read)
    }

    /// The volunteer's sign-up on a shift, if any (cancelled ones included).
    func signup(shift shiftID: String, account: String, on sql: any SQLDatabase) async throws -> Signup? {
        try await sql.select().columns(Self.columns).from("society_signups").where("shift_id", .equal, shiftID)
            .where("account_id", .equal, account).first().map(Self.signup(from:))
    }

    /// A fixed shift the volunteer holds (confirmed or waitlisted) that overlaps `[start, end)`.
    func overlapping(account: String, start: Int64, end: Int64, except shiftID: String, on sql: any SQLDatabase)
        async throws -> String?
    {
        try await sql.raw(
            """
            SELECT s.id FROM society_signups g JOIN society_shifts s ON s.id = g.shift_id
            WHERE g.account_id = \(bind: account) AND g.status IN ('confirmed', 'waitlisted') AND s.kind = 'fixed'
                AND s.starts_at < \(bind: end) AND s.ends_at > \(bind: start) AND s.id <> \(bind: shiftID)
            LIMIT 1
            """
        ).first()?.decode(column: "id", as: String.self)
    }

    /// Sets a sign-up's status (and its position when re-joining).
    func setStatus(_ id: String, _ status: Signup.Status, position: Int? = nil, on sql: any SQLDatabase) async throws {
        var update = sql.update("society_signups").set("status", to: status.rawValue)
        if let position { update = update.set("position", to: position).set("promoted_at", to: SQLLiteral.null) }
        try await update.where("id", .equal, id).run()
    }

    /// Promotes the first waitlisted volunteer of the shift when a place is free; returns the promoted sign-up.
    func promoteFirst(_ shiftID: String, at time: Int64, on sql: any SQLDatabase) async throws -> Signup? {
        guard
            let first = try await sql.select().columns(Self.columns).from("society_signups")
                .where("shift_id", .equal, shiftID).where("status", .equal, Signup.Status.waitlisted.rawValue)
                .orderBy("position").limit(1).first().map(Self.signup(from:)),
            try await self.takePlace(shiftID, on: sql)
        else { return nil }
        try await sql.update("society_signups").set("status", to: Signup.Status.confirmed.rawValue)
            .set("promoted_at", to: time).where("id", .equal, first.id).run()
        return first
    }

    /// Records the check-in time.
    func checkIn(_ id: String, at time: Int64, on sql: any SQLDatabase) async throws {
        try await sql.update("society_signups").set("checked_in_at", to: time).where("id", .equal, id).run()
    }

    /// Records the check-out time.
    func checkOut(_ id: String, at time: Int64, on sql: any SQLDatabase) async throws {
        try await sql.update("society_signups").set("checked_out_at", to: time).where("id", .equal, id).run()
    }

    /// The sign-ups of a shift in arrival order.
    public func roster(_ shiftID: String) async throws -> [Signup] {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.columns).from("society_signups").where("shift_id", .equal, shiftID)
                .orderBy("position").all()
        }.map(Self.signup(from:))
    }

    /// The volunteer's live sign-ups (not cancelled), latest shift first.
    public func mine(_ account: String, limit: Int = 100) async throws -> [Signup] {
        try await self.database.withConnection { sql in
            try await sql.raw(
                """
                SELECT g.id, g.shift_id, g.account_id, g.status, g.position, g.created_at, g.promoted_at,
                    g.checked_in_at, g.checked_out_at
                FROM society_signups g JOIN society_shifts s ON s.id = g.shift_id
                WHERE g.account_id = \(bind: account) AND g.status <> 'cancelled'
                ORDER BY s.starts_at DESC, g.id LIMIT \(bind: limit)
                """
            ).all()
        }.map(Self.signup(from:))
    }

    /// Claims up to `limit` confirmed sign-ups whose fixed or window shift starts within `[from, until)` and that had
    /// no reminder: marks them reminded and returns them with their shift's start and activity title. Runs in
    /// the caller's transaction, so a reminder exists exactly when its mark does.
    func claimReminders(from: Int64, until: Int64, at time: Int64, limit: Int, on sql: any SQLDatabase) async throws
        -> [(signup: Signup, startsAt: Int64, title: String)]
    {
        let rows = try await sql.raw(
            """
            SELECT g.id, g.shift_id, g.account_id, g.status, g.position, g.created_at, g.promoted_at,
                g.checked_in_at, g.checked_out_at, s.starts_at, a.title
            FROM society_shifts s JOIN society_signups g ON g.shift_id = s.id
                JOIN society_activities a ON a.id = s.activity_id
            WHERE s.starts_at >= \(bind: from) AND s.starts_at < \(bind: until) AND s.kind <> 'ongoing'
                AND g.status = 'confirmed' AND g.reminded_at IS NULL
            ORDER BY s.starts_at LIMIT \(bind: limit)
            """
        ).all()
        var claimed: [(Signup, Int64, String)] = []
        for row in rows {
            let signup = try Self.signup(from: row)
            let won = try await sql.raw(
                """
                UPDATE society_signups SET reminded_at = \(bind: time)
                WHERE id = \(bind: signup.id) AND reminded_at IS NULL RETURNING id
                """
            ).first()
            if won != nil {
                claimed.append(
                    (
                        signup, try row.decode(column: "starts_at", as: Int64.self),
                        try row.decode(column: "title", as: String.self)
                    ))
            }
        }
        return claimed
    }

    static func signup(from row: any SQLRow) throws -> Signup {
        Signup(
            id: try row.decode(column: "id", as: String.self),
            shiftID: try row.decode(column: "shift_id", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            status: Signup.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .cancelled,
            position: try row.decode(column: "position", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            promotedAt: try row.decode(column: "promoted_at", as: Int64?.self),
            checkedInAt: try row.decode(column: "checked_in_at", as: Int64?.self),
            checkedOutAt: try row.decode(column: "checked_out_at", as: Int64?.self))
    }
}
