import Foundation
import Platform
import SQLKit

/// Volunteers, activities and shifts: SQL only. Methods that take `sql` run inside the caller's transaction.
public struct VolunteerRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The volunteer record of an account, nil when the resident has not opted in.
    public func volunteer(_ accountID: String, on sql: (any SQLDatabase)? = nil) async throws -> Volunteer? {
        let read: @Sendable (any SQLDatabase) async throws -> Volunteer? = { sql in
            try await sql.select()
                .columns(
                    "account_id", "display_name", "community_code", "skills", "availability", "joined_at",
                    "verified_minutes"
                )
                .from("society_volunteers").where("account_id", .equal, accountID).first()
                .map(Self.volunteer(from:))
        }
        if let sql { return try await read(sql) }
        return try await self.database.withConnection(read)
    }

    /// Inserts or updates a volunteer's profile; returns true when the volunteer is new.
    func save(_ volunteer: Volunteer, on sql: any SQLDatabase) async throws -> Bool {
        let skills = volunteer.skills.joined(separator: ",")
        let existing = try await self.volunteer(volunteer.accountID, on: sql)
        if existing != nil {
            try await sql.update("society_volunteers").set("skills", to: skills)
                .set("availability", to: volunteer.availability).set("community_code", to: volunteer.communityCode)
                .set("display_name", to: volunteer.displayName)
                .where("account_id", .equal, volunteer.accountID).run()
            return false
        }
        try await sql.insert(into: "society_volunteers")
            .columns(
                "account_id", "display_name", "community_code", "skills", "availability", "joined_at",
                "verified_minutes", "touched_at"
            )
            .values(
                SQLBind(volunteer.accountID), SQLBind(volunteer.displayName), SQLBind(volunteer.communityCode),
                SQLBind(skills), SQLBind(volunteer.availability), SQLBind(volunteer.joinedAt), SQLBind(0),
                SQLBind(volunteer.joinedAt)
            ).run()
        return true
    }

    /// Takes the volunteer's row lock (PostgreSQL) so one volunteer's sign-ups run one at a time; false when the
    /// account is no volunteer.
    func lock(_ accountID: String, at time: Int64, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE society_volunteers SET touched_at = \(bind: time) WHERE account_id = \(bind: accountID)
            RETURNING account_id
            """
        ).first() != nil
    }

    /// Adds verified minutes to the volunteer's total; returns the total before and after.
    func addVerified(_ accountID: String, minutes: Int, on sql: any SQLDatabase) async throws -> (Int64, Int64) {
        let row = try await sql.raw(
            """
            UPDATE society_volunteers SET verified_minutes = verified_minutes + \(bind: minutes)
            WHERE account_id = \(bind: accountID) RETURNING verified_minutes
            """
        ).first()
        let after = try row?.decode(column: "verified_minutes", as: Int64.self) ?? Int64(minutes)
        return (after - Int64(minutes), after)
    }

    /// Records a recognition once; true when it is new.
    func recognize(_ accountID: String, hours: Int, at time: Int64, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            INSERT INTO society_recognitions (account_id, hours, awarded_at)
            VALUES (\(bind: accountID), \(bind: hours), \(bind: time))
            ON CONFLICT (account_id, hours) DO NOTHING RETURNING hours
            """
        ).first() != nil
    }

    /// The milestones a volunteer has reached, lowest first.
    public func recognitions(_ accountID: String) async throws -> [(hours: Int, awardedAt: Int64)] {
        try await self.database.withConnection { sql in
            try await sql.select().columns("hours", "awarded_at").from("society_recognitions")
                .where("account_id", .equal, accountID).orderBy("hours").all()
                .map {
                    (try $0.decode(column: "hours", as: Int.self), try $0.decode(column: "awarded_at", as: Int64.self))
                }
        }
    }

    static func volunteer(from row: any SQLRow) throws -> Volunteer {
        Volunteer(
            accountID: try row.decode(column: "account_id", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            communityCode: try row.decode(column: "community_code", as: String.self),
            skills: SocietyText.list(try row.decode(column: "skills", as: String.self)),
            availability: try row.decode(column: "availability", as: String.self),
            joinedAt: try row.decode(column: "joined_at", as: Int64.self),
            verifiedMinutes: try row.decode(column: "verified_minutes", as: Int64.self))
    }
}

/// Small text helpers of the society context.
enum SocietyText {
    /// A comma-separated list, trimmed, without empty items.
    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == "，" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The subtree range of a division prefix: codes are fixed-width digits, so `[prefix, prefix + ":")` holds it.
    static func range(_ prefix: String) -> (String, String) { (prefix, prefix + ":") }

    /// `YYYY-MM` in city time.
    static func month(_ unix: Int64) -> String { String(CityClock.localDate(unix).prefix(7)) }
}
