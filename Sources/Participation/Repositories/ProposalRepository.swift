import Foundation
import Platform
import SQLKit

/// Stores proposals and their supports (a support is also the supporter's subscription to the answer).
public struct ProposalRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let select = """
        SELECT p.id, p.community_code, p.title, p.body, p.place, p.cost_fen, p.support_threshold, p.status,
        p.answer_reason, p.merged_into, p.created_at,
        (SELECT COUNT(*) FROM participation_supports s WHERE s.proposal_id = p.id) AS supports
        FROM participation_proposals p
        """

    /// Adds a proposal.
    public func insert(_ proposal: Proposal, author: String) async throws {
        try await self.database.withConnection { sql in
            try await sql.insert(into: "participation_proposals")
                .columns(
                    "id", "community_code", "title", "body", "place", "cost_fen", "author_id", "support_threshold",
                    "status", "created_at"
                )
                .values(
                    SQLBind(proposal.id), SQLBind(proposal.communityCode), SQLBind(proposal.title),
                    SQLBind(proposal.body), SQLBind(proposal.place), SQLBind(proposal.costFen), SQLBind(author),
                    SQLBind(proposal.supportThreshold), SQLBind(proposal.status.rawValue), SQLBind(proposal.createdAt)
                ).run()
        }
    }

    /// One proposal, nil when unknown.
    public func find(_ id: String, on sql: (any SQLDatabase)? = nil) async throws -> Proposal? {
        if let sql {
            return try await sql.raw("\(unsafeRaw: Self.select) WHERE p.id = \(bind: id)").first().map(Self.proposal)
        }
        return try await self.database.withConnection { try await self.find(id, on: $0) }
    }

    /// The proposals of a community, newest first, optionally of one status.
    public func proposals(community: String, status: Proposal.Status?, limit: Int = 100) async throws -> [Proposal] {
        try await self.database.withConnection { sql in
            if let status {
                return try await sql.raw(
                    """
                    \(unsafeRaw: Self.select) WHERE p.community_code = \(bind: community) AND p.status = \(bind: status.rawValue)
                    ORDER BY p.id DESC LIMIT \(bind: limit)
                    """
                ).all().map(Self.proposal)
            }
            return try await sql.raw(
                "\(unsafeRaw: Self.select) WHERE p.community_code = \(bind: community) ORDER BY p.id DESC LIMIT \(bind: limit)"
            ).all().map(Self.proposal)
        }
    }

    /// Adds a support (supporting twice changes nothing).
    public func support(_ id: String, account: String, at time: Int64, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "participation_supports").columns("proposal_id", "account_id", "created_at")
            .values(SQLBind(id), SQLBind(account), SQLBind(time))
            .ignoringConflicts(with: ["proposal_id", "account_id"]).run()
    }

    /// Removes a support.
    public func withdrawSupport(_ id: String, account: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "participation_supports").where("proposal_id", .equal, id)
            .where("account_id", .equal, account).run()
    }

    /// Puts an open proposal on the agenda when its supports reach the threshold.
    public func promoteIfReached(_ id: String, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE participation_proposals SET status = 'on_agenda'
            WHERE id = \(bind: id) AND status = 'open'
            AND (SELECT COUNT(*) FROM participation_supports s WHERE s.proposal_id = \(bind: id)) >= support_threshold
            """
        ).run()
    }

    /// Records the council's answer when the proposal is still unanswered; false otherwise.
    public func answer(
        _ id: String, status: Proposal.Status, reason: String?, mergedInto: String?, by official: String,
        at time: Int64, on sql: any SQLDatabase
    ) async throws -> Bool {
        guard let before = try await self.find(id, on: sql), !before.status.isAnswered else { return false }
        try await sql.update("participation_proposals").set("status", to: SQLBind(status.rawValue))
            .set("answer_reason", to: SQLBind(reason)).set("merged_into", to: SQLBind(mergedInto))
            .set("answered_by", to: SQLBind(official)).set("answered_at", to: SQLBind(time))
            .where("id", .equal, id).where("status", .in, ["open", "on_agenda"]).run()
        return true
    }

    /// The author and supporters of a proposal (who follow it).
    public func followers(_ id: String, on sql: any SQLDatabase) async throws -> [String] {
        let author = try await sql.select().column("author_id").from("participation_proposals")
            .where("id", .equal, id).all(decodingColumn: "author_id", as: String.self)
        let supporters = try await sql.select().column("account_id").from("participation_supports")
            .where("proposal_id", .equal, id).all(decodingColumn: "account_id", as: String.self)
        return Array(Set(author + supporters)).sorted()
    }

    /// Proposals on the agenda inside a scope (the council's queue).
    public func agendaCount(communityPrefix: String) async throws -> Int {
        try await self.database.withConnection { sql in
            try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM participation_proposals
                WHERE status = 'on_agenda' AND community_code LIKE \(bind: communityPrefix + "%")
                """
            ).first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    static func proposal(_ row: any SQLRow) throws -> Proposal {
        Proposal(
            id: try row.decode(column: "id", as: String.self),
            communityCode: try row.decode(column: "community_code", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            place: try row.decode(column: "place", as: String.self),
            costFen: try row.decode(column: "cost_fen", as: Int64.self),
            supportThreshold: try row.decode(column: "support_threshold", as: Int.self),
            status: Proposal.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            supports: try row.decode(column: "supports", as: Int.self),
            answerReason: try row.decode(column: "answer_reason", as: String?.self),
            mergedInto: try row.decode(column: "merged_into", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self))
    }
}
