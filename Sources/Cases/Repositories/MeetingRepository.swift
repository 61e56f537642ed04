import Platform
import SQLKit

/// Joint meetings and their agenda items.
public struct MeetingRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Inserts a meeting with its agenda (in the caller's transaction).
    func insert(_ meeting: JointMeeting, createdBy: String, at now: Int64, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "cases_meetings")
            .columns(
                "id", "division_code", "level", "title", "held_on", "status", "minutes", "created_by", "created_at"
            )
            .values(
                SQLBind(meeting.id), SQLBind(meeting.divisionCode), SQLBind(meeting.level), SQLBind(meeting.title),
                SQLBind(meeting.heldOn), SQLBind(meeting.status), SQLBind(meeting.minutes), SQLBind(createdBy),
                SQLBind(now)
            ).run()
        for item in meeting.items {
            try await sql.insert(into: "cases_meeting_items").columns("meeting_id", "case_id")
                .values(SQLBind(meeting.id), SQLBind(item.caseId)).run()
        }
    }

    /// The meeting with its items (and each case's current status).
    public func find(_ id: String) async throws -> JointMeeting? {
        try await self.database.withConnection { sql in
            guard
                let row = try await sql.select()
                    .columns("id", "division_code", "level", "title", "held_on", "status", "minutes")
                    .from("cases_meetings").where("id", .equal, id).first()
            else { return nil }
            var meeting = try Self.meeting(row)
            meeting.items = try await sql.select()
                .columns(
                    SQLColumn("case_id", table: "i"), SQLColumn("department_id", table: "i"),
                    SQLColumn("office", table: "i"), SQLColumn("deadline_on", table: "i"),
                    SQLColumn("decision", table: "i"), SQLColumn("status", table: "c")
                )
                .from(SQLAlias(SQLIdentifier("cases_meeting_items"), as: SQLIdentifier("i")))
                .join(
                    SQLAlias(SQLIdentifier("cases"), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                    on: SQLColumn("id", table: "c"), .equal, SQLColumn("case_id", table: "i")
                )
                .where(SQLColumn("meeting_id", table: "i"), .equal, SQLBind(id)).orderBy(
                    SQLColumn("case_id", table: "i")
                )
                .all()
                .map { row in
                    JointMeeting.Item(
                        caseId: try row.decode(column: "case_id", as: String.self),
                        departmentId: try row.decode(column: "department_id", as: String?.self),
                        office: try row.decode(column: "office", as: String?.self),
                        deadline: try row.decode(column: "deadline_on", as: String?.self),
                        decision: try row.decode(column: "decision", as: String?.self),
                        caseStatus: try row.decode(column: "status", as: String?.self))
                }
            return meeting
        }
    }

    /// Meetings under a division prefix (newest first); only published ones when `publishedOnly`.
    public func list(under prefix: String, publishedOnly: Bool, limit: Int) async throws -> [JointMeeting] {
        try await self.database.withConnection { sql in
            let select = sql.select().columns("id", "division_code", "level", "title", "held_on", "status", "minutes")
                .from("cases_meetings").where("division_code", .like, CaseRepository.like(prefix))
            if publishedOnly { select.where("status", .equal, "published") }
            return try await select.orderBy("held_on", .descending).orderBy("id", .descending).limit(limit).all()
                .map(Self.meeting)
        }
    }

    static func meeting(_ row: any SQLRow) throws -> JointMeeting {
        JointMeeting(
            id: try row.decode(column: "id", as: String.self),
            divisionCode: try row.decode(column: "division_code", as: String.self),
            level: try row.decode(column: "level", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            heldOn: try row.decode(column: "held_on", as: String.self),
            status: try row.decode(column: "status", as: String.self),
            minutes: try row.decode(column: "minutes", as: String.self), items: [])
    }

    /// Records a decision on an item of a planned meeting; returns whether the item existed and was open.
    func decide(
        meeting: String, caseID: String, department: String?, office: String?, deadline: String, decision: String,
        at now: Int64, on sql: any SQLDatabase
    ) async throws -> Bool {
        let planned = try await sql.select().column("id").from("cases_meetings").where("id", .equal, meeting)
            .where("status", .equal, "planned").first()
        guard planned != nil else { return false }
        return try await sql.update("cases_meeting_items").set("department_id", to: department)
            .set("office", to: office).set("deadline_on", to: deadline).set("decision", to: decision)
            .set("decided_at", to: now).where("meeting_id", .equal, meeting).where("case_id", .equal, caseID)
            .returning("case_id").first() != nil
    }

    /// Publishes the minutes of a planned meeting; returns whether it was planned.
    public func publish(_ id: String, minutes: String, at now: Int64) async throws -> Bool {
        try await self.database.withConnection { sql in
            try await sql.update("cases_meetings").set("status", to: "published").set("minutes", to: minutes)
                .set("published_at", to: now).where("id", .equal, id).where("status", .equal, "planned")
                .returning("id").first() != nil
        }
    }
}
