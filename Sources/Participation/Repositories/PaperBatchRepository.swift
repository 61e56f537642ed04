import Foundation
import Platform
import SQLKit

/// Stores the paper-ballot batches of votes.
public struct PaperBatchRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The batch of a polling station, nil when none was entered.
    public func find(voteID: String, station: String, on sql: any SQLDatabase) async throws -> PaperBatch? {
        try await sql.select()
            .columns("id", "vote_id", "station", "counts", "ballots", "voters", "status", "first_by", "second_by")
            .from("participation_paper_batches").where("vote_id", .equal, voteID).where("station", .equal, station)
            .first().map(Self.batch)
    }

    /// Every batch of a vote, by station.
    public func batches(voteID: String) async throws -> [PaperBatch] {
        try await self.database.withConnection { sql in
            try await sql.select()
                .columns("id", "vote_id", "station", "counts", "ballots", "voters", "status", "first_by", "second_by")
                .from("participation_paper_batches").where("vote_id", .equal, voteID).orderBy("station").all()
                .map(Self.batch)
        }
    }

    /// Adds a first entry.
    public func insertFirst(
        id: String, voteID: String, station: String, counts: [Int], ballots: Int, voters: [Int64], by official: String,
        at time: Int64, on sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "participation_paper_batches")
            .columns(
                "id", "vote_id", "station", "counts", "ballots", "voters", "voter_count", "first_by", "status",
                "created_at"
            )
            .values(
                SQLBind(id), SQLBind(voteID), SQLBind(station), SQLBind(Self.encode(counts)), SQLBind(ballots),
                SQLBind(Self.encode(voters.sorted())), SQLBind(voters.count), SQLBind(official), SQLBind("pending"),
                SQLBind(time)
            ).run()
    }

    /// Confirms a pending batch with its second entry.
    public func confirm(id: String, by official: String, on sql: any SQLDatabase) async throws {
        try await sql.update("participation_paper_batches").set("status", to: SQLBind("confirmed"))
            .set("second_by", to: SQLBind(official)).where("id", .equal, id).where("status", .equal, "pending").run()
    }

    /// Drops a pending batch whose entries disagreed, so both officials enter it again.
    public func discard(id: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "participation_paper_batches").where("id", .equal, id)
            .where("status", .equal, "pending").run()
    }

    /// Records the roll's voters as having voted on paper; false when one of them already received a token.
    public func recordRoll(voteID: String, voterKeys: [String], on sql: any SQLDatabase) async throws -> Bool {
        for chunk in voterKeys.chunked(into: 200) {
            let taken = try await sql.select().column("voter_key").from("participation_issuances")
                .where("vote_id", .equal, voteID).where("voter_key", .in, Array(chunk)).limit(1).first()
            if taken != nil { return false }
        }
        for key in voterKeys {
            try await sql.insert(into: "participation_issuances").columns("vote_id", "voter_key", "channel")
                .values(SQLBind(voteID), SQLBind(key), SQLBind("paper")).run()
        }
        return true
    }

    /// Confirmed paper votes per option (`options` long), ballots and roll voters of a vote.
    public func confirmedTotals(voteID: String, options: Int) async throws -> (counts: [Int], ballots: Int, voters: Int)
    {
        var counts = Array(repeating: 0, count: options)
        var ballots = 0
        var voters = 0
        for batch in try await self.batches(voteID: voteID) where batch.status == .confirmed {
            for (option, n) in batch.counts.enumerated() where option < options { counts[option] += n }
            ballots += batch.ballots
            voters += batch.voters.count
        }
        return (counts, ballots, voters)
    }

    /// Pending batches of votes in these communities (the second-entry queue).
    public func pendingCount(communityPrefix: String) async throws -> Int {
        try await self.database.withConnection { sql in
            try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM participation_paper_batches p
                JOIN participation_votes v ON v.id = p.vote_id
                WHERE p.status = 'pending' AND v.community_code LIKE \(bind: communityPrefix + "%")
                """
            ).first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        String(decoding: (try? JSONEncoder().encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func batch(_ row: any SQLRow) throws -> PaperBatch {
        let decoder = JSONDecoder()
        return PaperBatch(
            id: try row.decode(column: "id", as: String.self),
            voteID: try row.decode(column: "vote_id", as: String.self),
            station: try row.decode(column: "station", as: String.self),
            counts: try decoder.decode([Int].self, from: Data(try row.decode(column: "counts", as: String.self).utf8)),
            ballots: try row.decode(column: "ballots", as: Int.self),
            voters: try decoder.decode(
                [Int64].self, from: Data(try row.decode(column: "voters", as: String.self).utf8)),
            status: PaperBatch.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            firstBy: try row.decode(column: "first_by", as: String.self),
            secondBy: try row.decode(column: "second_by", as: String?.self))
    }
}
