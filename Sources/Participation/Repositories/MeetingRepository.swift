import Foundation
import Platform
import SQLKit

/// Stores council meetings, their agenda items with decisions, and residents' registrations. Writes take the
/// caller's transaction; a meeting row is locked (`FOR UPDATE` on PostgreSQL) before a change that depends on it.
public struct MeetingRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Adds a planned meeting with its agenda.
    func insert(_ meeting: CouncilMeeting, by official: String, at time: Int64, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "participation_meetings")
            .columns(
                "id", "community_code", "title", "starts_at", "place", "quorum", "status", "created_by", "created_at"
            )
            .values(
                SQLBind(meeting.id), SQLBind(meeting.communityCode), SQLBind(meeting.title), SQLBind(meeting.startsAt),
                SQLBind(meeting.place), SQLBind(meeting.quorum), SQLBind(meeting.status.rawValue), SQLBind(official),
                SQLBind(time)
            ).run()
        for item in meeting.items {
            try await sql.insert(into: "participation_meeting_items")
                .columns("meeting_id", "position", "proposal_id", "title")
                .values(SQLBind(meeting.id), SQLBind(item.position), SQLBind(item.proposalID), SQLBind(item.title))
                .run()
        }
    }

    /// One meeting with its agenda; with `lock`, its row is locked for the caller's transaction.
    func find(_ id: String, lock: Bool = false, on sql: any SQLDatabase) async throws -> CouncilMeeting? {
        let forUpdate = lock && self.database.kind == .postgres ? " FOR UPDATE" : ""
        guard
            let row = try await sql.raw(
                """
                SELECT id, community_code, title, starts_at, place, quorum, status, registered, present, minutes
                FROM participation_meetings WHERE id = \(bind: id)\(unsafeRaw: forUpdate)
                """
            ).first()
        else { return nil }
        let items = try await sql.raw(
            """
            SELECT position, proposal_id, title, decision, votes_for, votes_against, votes_abstain, passed
            FROM participation_meeting_items WHERE meeting_id = \(bind: id) ORDER BY position
            """
        ).all().map(Self.item)
        return try Self.meeting(row, items: items)
    }

    /// One meeting, nil when unknown.
    public func find(_ id: String) async throws -> CouncilMeeting? {
        try await self.database.withConnection { try await self.find(id, on: $0) }
    }

    /// The meetings of a community, latest start first (agendas left out: fetch one meeting for its items).
    public func meetings(community: String, limit: Int = 50) async throws -> [CouncilMeeting] {
        try await self.database.withConnection { sql in
            try await sql.raw(
                """
                SELECT id, community_code, title, starts_at, place, quorum, status, registered, present, minutes
                FROM participation_meetings WHERE community_code = \(bind: community)
                ORDER BY starts_at DESC, id DESC LIMIT \(bind: limit)
                """
            ).all().map { try Self.meeting($0, items: []) }
        }
    }

    /// Planned meetings under a division prefix (the console's count of what waits).
    public func plannedCount(communityPrefix: String) async throws -> Int {
        try await self.database.withConnection { sql in
            try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM participation_meetings
                WHERE community_code LIKE \(bind: communityPrefix + "%") AND status IN ('planned', 'held')
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Registers `account`; returns false when it was registered already.
    func register(_ id: String, account: String, at time: Int64, on sql: any SQLDatabase) async throws -> Bool {
        let exists = try await sql.raw(
            """
            SELECT 1 AS x FROM participation_meeting_registrations WHERE meeting_id = \(bind: id)
            AND account_id = \(bind: account)
            """
        ).first()
        guard exists == nil else { return false }
        try await sql.insert(into: "participation_meeting_registrations").columns(
            "meeting_id", "account_id", "created_at"
        )
        .values(SQLBind(id), SQLBind(account), SQLBind(time)).run()
        try await sql.raw("UPDATE participation_meetings SET registered = registered + 1 WHERE id = \(bind: id)").run()
        return true
    }

    /// Withdraws `account`'s registration; returns false when there was none.
    func unregister(_ id: String, account: String, on sql: any SQLDatabase) async throws -> Bool {
        let removed = try await sql.raw(
            """
            DELETE FROM participation_meeting_registrations WHERE meeting_id = \(bind: id)
            AND account_id = \(bind: account) RETURNING account_id
            """
        ).all()
        guard !removed.isEmpty else { return false }
        try await sql.raw("UPDATE participation_meetings SET registered = registered - 1 WHERE id = \(bind: id)").run()
        return true
    }

    /// Whether `account` registered for the meeting.
    public func isRegistered(_ id: String, account: String) async throws -> Bool {
        try await self.database.withConnection { sql in
            try await sql.raw(
                """
                SELECT 1 AS x FROM participation_meeting_registrations WHERE meeting_id = \(bind: id)
                AND account_id = \(bind: account)
                """
            ).first() != nil
        }
    }

    /// Records the attendance: the meeting is held.
    func recordAttendance(_ id: String, present: Int, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            "UPDATE participation_meetings SET present = \(bind: present), status = 'held' WHERE id = \(bind: id)"
        ).run()
    }

    /// Records an item's decision.
    func recordDecision(
        _ id: String, item: CouncilMeeting.Item, by official: String, at time: Int64, on sql: any SQLDatabase
    ) async throws {
        try await sql.raw(
            """
            UPDATE participation_meeting_items SET decision = \(bind: item.decision), votes_for = \(bind: item.votesFor),
            votes_against = \(bind: item.votesAgainst), votes_abstain = \(bind: item.votesAbstain),
            passed = \(bind: item.passed.map { $0 ? 1 : 0 }), decided_by = \(bind: official), decided_at = \(bind: time)
            WHERE meeting_id = \(bind: id) AND position = \(bind: item.position)
            """
        ).run()
    }

    /// Publishes the minutes: final.
    func publish(_ id: String, minutes: String, at time: Int64, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE participation_meetings SET minutes = \(bind: minutes), status = 'published', published_at = \(bind: time)
            WHERE id = \(bind: id)
            """
        ).run()
    }

    static func meeting(_ row: any SQLRow, items: [CouncilMeeting.Item]) throws -> CouncilMeeting {
        let startsAt = try row.decode(column: "starts_at", as: Int64.self)
        return CouncilMeeting(
            id: try row.decode(column: "id", as: String.self),
            communityCode: try row.decode(column: "community_code", as: String.self),
            title: try row.decode(column: "title", as: String.self), startsAt: startsAt,
            startsAtLocal: CityClock.localDateTime(startsAt), place: try row.decode(column: "place", as: String.self),
            quorum: try row.decode(column: "quorum", as: Int.self),
            status: CouncilMeeting.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .planned,
            registered: try row.decode(column: "registered", as: Int.self),
            present: try row.decode(column: "present", as: Int?.self),
            minutes: try row.decode(column: "minutes", as: String?.self), items: items)
    }

    static func item(_ row: any SQLRow) throws -> CouncilMeeting.Item {
        CouncilMeeting.Item(
            position: try row.decode(column: "position", as: Int.self),
            proposalID: try row.decode(column: "proposal_id", as: String?.self),
            title: try row.decode(column: "title", as: String.self),
            decision: try row.decode(column: "decision", as: String?.self),
            votesFor: try row.decode(column: "votes_for", as: Int?.self),
            votesAgainst: try row.decode(column: "votes_against", as: Int?.self),
            votesAbstain: try row.decode(column: "votes_abstain", as: Int?.self),
            passed: try row.decode(column: "passed", as: Int?.self).map { $0 == 1 })
    }
}
