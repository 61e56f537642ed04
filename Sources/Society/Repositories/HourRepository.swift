import Foundation
import Platform
import SQLKit

/// Reported and reviewed volunteer hours: SQL only.
public struct HourRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "signup_id", "account_id", "activity_id", "community_code", "minutes", "status", "note", "reported_at",
        "reviewed_by", "reviewed_at", "review_note",
    ]

    /// The report of a sign-up, if any.
    func report(signup id: String, on sql: any SQLDatabase) async throws -> HourRecord? {
        try await sql.select().columns(Self.columns).from("society_hours").where("signup_id", .equal, id).first()
            .map(Self.record(from:))
    }

    /// One report (with `sql` inside a transaction).
    public func record(_ id: String, on sql: (any SQLDatabase)? = nil) async throws -> HourRecord? {
        let read: @Sendable (any SQLDatabase) async throws -> HourRecord? = { sql in
            try await sql.select().columns(Self.columns).from("society_hours").where("id", .equal, id).first()
                .map(Self.record(from:))
        }
        if let sql { return try await read(sql) }
        return try await self.database.withConnection(read)
    }

    /// Stores a new report.
    func insert(_ record: HourRecord, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "society_hours").columns(Self.columns)
            .values(
                SQLBind(record.id), SQLBind(record.signupID), SQLBind(record.accountID), SQLBind(record.activityID),
                SQLBind(record.communityCode), SQLBind(record.minutes), SQLBind(record.status.rawValue),
                SQLBind(record.note), SQLBind(record.reportedAt), SQLBind(record.reviewedBy),
                SQLBind(record.reviewedAt), SQLBind(record.reviewNote)
            ).run()
    }

    /// Replaces the minutes of a report still open to change (reported or disputed), back to `reported`; false when
    /// it was reviewed already.
    func amend(_ id: String, minutes: Int, note: String, at time: Int64, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE society_hours SET minutes = \(bind: minutes), note = \(bind: note), reported_at = \(bind: time),
                status = 'reported', reviewed_by = NULL, reviewed_at = NULL
            WHERE id = \(bind: id) AND status IN ('reported', 'disputed') RETURNING id
            """
        ).first() != nil
    }

    /// Moves a `reported` report to `status`; false when someone reviewed it first.
    func review(
        _ id: String, _ status: HourRecord.Status, by reviewer: String, note: String, at time: Int64,
        on sql: any SQLDatabase
    ) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE society_hours SET status = \(bind: status.rawValue), reviewed_by = \(bind: reviewer),
                reviewed_at = \(bind: time), review_note = \(bind: note)
            WHERE id = \(bind: id) AND status = 'reported' RETURNING id
            """
        ).first() != nil
    }

    /// A volunteer's reports, newest first, each with its activity's title.
    public func of(_ account: String, limit: Int = 500) async throws -> [(record: HourRecord, title: String)] {
        try await self.database.withConnection { sql in
            try await sql.raw(
                """
                SELECT h.id, h.signup_id, h.account_id, h.activity_id, h.community_code, h.minutes, h.status, h.note,
                    h.reported_at, h.reviewed_by, h.reviewed_at, h.review_note, a.title
                FROM society_hours h JOIN society_activities a ON a.id = h.activity_id
                WHERE h.account_id = \(bind: account) ORDER BY h.reported_at DESC, h.id LIMIT \(bind: limit)
                """
            ).all()
        }.map { (try Self.record(from: $0), try $0.decode(column: "title", as: String.self)) }
    }

    /// Reports waiting for review on activities of communities inside `prefix` or of the organizations listed,
    /// oldest first, each with its activity's title and the volunteer's name.
    public func waiting(inside prefix: String?, organizations: [String], limit: Int = 200) async throws -> [(
        record: HourRecord, title: String, volunteer: String
    )] {
        guard prefix != nil || !organizations.isEmpty else { return [] }
        let (low, high) = SocietyText.range(prefix ?? "-")
        let organizationList = organizations.isEmpty ? ["-"] : organizations
        return try await self.database.withConnection { sql in
            try await sql.raw(
                """
                SELECT h.id, h.signup_id, h.account_id, h.activity_id, h.community_code, h.minutes, h.status, h.note,
                    h.reported_at, h.reviewed_by, h.reviewed_at, h.review_note, a.title, v.display_name
                FROM society_hours h JOIN society_activities a ON a.id = h.activity_id
                    JOIN society_volunteers v ON v.account_id = h.account_id
                WHERE h.status = 'reported' AND ((a.community_code >= \(bind: low) AND a.community_code < \(bind: high))
                    OR a.organization_id IN (\(binds: organizationList)))
                ORDER BY h.reported_at, h.id LIMIT \(bind: limit)
                """
            ).all()
        }.map {
            (
                try Self.record(from: $0), try $0.decode(column: "title", as: String.self),
                try $0.decode(column: "display_name", as: String.self)
            )
        }
    }

    static func record(from row: any SQLRow) throws -> HourRecord {
        HourRecord(
            id: try row.decode(column: "id", as: String.self),
            signupID: try row.decode(column: "signup_id", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            activityID: try row.decode(column: "activity_id", as: String.self),
            communityCode: try row.decode(column: "community_code", as: String.self),
            minutes: try row.decode(column: "minutes", as: Int.self),
            status: HourRecord.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .reported,
            note: try row.decode(column: "note", as: String.self),
            reportedAt: try row.decode(column: "reported_at", as: Int64.self),
            reviewedBy: try row.decode(column: "reviewed_by", as: String?.self),
            reviewedAt: try row.decode(column: "reviewed_at", as: Int64?.self),
            reviewNote: try row.decode(column: "review_note", as: String?.self))
    }
}
