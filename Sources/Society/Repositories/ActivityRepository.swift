import Foundation
import Platform
import SQLKit

/// Activities and their shifts: SQL only.
public struct ActivityRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let activityColumns = [
        "id", "community_code", "organization_id", "title", "description", "place", "lat", "lon", "skills",
        "created_by", "created_at",
    ]
    static let shiftColumns = [
        "id", "activity_id", "kind", "starts_at", "ends_at", "max_minutes", "capacity", "confirmed", "checkin_code",
    ]

    /// Stores an activity with its shifts.
    func insert(_ activity: VolunteerActivity, shifts: [Shift], on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "society_activities").columns(Self.activityColumns)
            .values(
                SQLBind(activity.id), SQLBind(activity.communityCode), SQLBind(activity.organizationID),
                SQLBind(activity.title), SQLBind(activity.description), SQLBind(activity.place), SQLBind(activity.lat),
                SQLBind(activity.lon), SQLBind(activity.skills.joined(separator: ",")), SQLBind(activity.createdBy),
                SQLBind(activity.createdAt)
            ).run()
        for shift in shifts {
            try await sql.insert(into: "society_shifts").columns(Self.shiftColumns)
                .values(
                    SQLBind(shift.id), SQLBind(shift.activityID), SQLBind(shift.kind.rawValue), SQLBind(shift.startsAt),
                    SQLBind(shift.endsAt), SQLBind(shift.maxMinutes), SQLBind(shift.capacity), SQLBind(0),
                    SQLBind(shift.checkinCode)
                ).run()
        }
    }

    /// One activity (with `sql` inside a transaction).
    public func activity(_ id: String, on sql: (any SQLDatabase)? = nil) async throws -> VolunteerActivity? {
        let read: @Sendable (any SQLDatabase) async throws -> VolunteerActivity? = { sql in
            try await sql.select().columns(Self.activityColumns).from("society_activities").where("id", .equal, id)
                .first().map(Self.activity(from:))
        }
        if let sql { return try await read(sql) }
        return try await self.database.withConnection(read)
    }

    /// The activities of communities inside `prefix`, newest first, after the keyset `after` (`created_at|id`).
    public func activities(inside prefix: String, after: String?, limit: Int) async throws -> (
        items: [VolunteerActivity], more: Bool
    ) {
        let (low, high) = SocietyText.range(prefix)
        let rows = try await self.database.withConnection { sql in
            var query = sql.select().columns(Self.activityColumns).from("society_activities")
                .where("community_code", .greaterThanOrEqual, low).where("community_code", .lessThan, high)
            if let after, let bar = after.firstIndex(of: "|"), let time = Int64(after[..<bar]) {
                let id = String(after[after.index(after: bar)...])
                query = query.where {
                    $0.where("created_at", .lessThan, time)
                        .orWhere { $0.where("created_at", .equal, time).where("id", .lessThan, id) }
                }
            }
            return try await query.orderBy("created_at", .descending).orderBy("id", .descending).limit(limit + 1)
                .all()
        }
        let items = try rows.prefix(limit).map(Self.activity(from:))
        return (items, rows.count > limit)
    }

    /// The activities an organization posted, newest first.
    public func activities(organization id: String, limit: Int) async throws -> [VolunteerActivity] {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.activityColumns).from("society_activities")
                .where("organization_id", .equal, id).orderBy("created_at", .descending).limit(limit).all()
        }.map(Self.activity(from:))
    }

    /// The shifts of an activity, earliest first.
    public func shifts(of activityID: String) async throws -> [Shift] {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.shiftColumns).from("society_shifts")
                .where("activity_id", .equal, activityID).orderBy("starts_at").orderBy("id").all()
        }.map(Self.shift(from:))
    }

    /// One shift, read with `sql` when given (inside a transaction).
    public func shift(_ id: String, on sql: (any SQLDatabase)? = nil) async throws -> Shift? {
        let read: @Sendable (any SQLDatabase) async throws -> Shift? = { sql in
            try await sql.select().columns(Self.shiftColumns).from("society_shifts").where("id", .equal, id).first()
                .map(Self.shift(from:))
        }
        if let sql { return try await read(sql) }
        return try await self.database.withConnection(read)
    }

    static func activity(from row: any SQLRow) throws -> VolunteerActivity {
        VolunteerActivity(
            id: try row.decode(column: "id", as: String.self),
            communityCode: try row.decode(column: "community_code", as: String.self),
            organizationID: try row.decode(column: "organization_id", as: String?.self),
            title: try row.decode(column: "title", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            place: try row.decode(column: "place", as: String.self),
            lat: try row.decode(column: "lat", as: Double.self), lon: try row.decode(column: "lon", as: Double.self),
            skills: SocietyText.list(try row.decode(column: "skills", as: String.self)),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    static func shift(from row: any SQLRow) throws -> Shift {
        Shift(
            id: try row.decode(column: "id", as: String.self),
            activityID: try row.decode(column: "activity_id", as: String.self),
            kind: Shift.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .fixed,
            startsAt: try row.decode(column: "starts_at", as: Int64.self),
            endsAt: try row.decode(column: "ends_at", as: Int64.self),
            maxMinutes: try row.decode(column: "max_minutes", as: Int.self),
            capacity: try row.decode(column: "capacity", as: Int.self),
            confirmed: try row.decode(column: "confirmed", as: Int.self),
            checkinCode: try row.decode(column: "checkin_code", as: String.self))
    }
}
