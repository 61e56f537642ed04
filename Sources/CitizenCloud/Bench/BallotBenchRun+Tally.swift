import Foundation
import Logging
import Participation
import Platform
import SQLKit
import Synchronization

extension BallotBenchRun {
    /// Runs `body` with a second connection pool to the benchmark database.
    func withDatabase<R: Sendable>(_ body: @Sendable (Database) async throws -> R) async throws -> R {
        try await CommandSupport.withDatabase(self.database, logger: self.logger, body)
    }

    /// The stored ballots of the tallied vote.
    func storedBallots() async throws -> Int {
        let id = self.tallyVote.id
        return try await self.withDatabase { database in
            try await database.withConnection { sql in
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                    .from("participation_ballots").where("vote_id", .equal, id)
                    .first(decodingColumn: "n", as: Int.self) ?? 0
            }
        }
    }

    /// Seconds to count the tallied vote through the server (`GET /api/v1/participation/votes/{id}` of a closed vote
    /// counts every ballot); the vote is closed first.
    func timeTally() async throws -> Double {
        let id = self.tallyVote.id
        try await self.withDatabase { database in
            try await database.withConnection { sql in
                try await sql.update("participation_votes").set("closes_at", to: SQLBind(CityClock.now() - 1))
                    .where("id", .equal, id).run()
            }
        }
        let start = ContinuousClock.now
        let response = await self.client.send(LoadRequest(path: "/api/v1/participation/votes/\(id)"))
        guard response.status == 200 else { throw CommandFailure("tally answered \(response.status)") }
        return Self.seconds(ContinuousClock.now - start)
    }

    /// Casts the kept-back voters while tallies of the big vote run back to back on one connection; returns the
    /// casting latencies, failures and how many tallies ran.
    func castDuringTally(_ tokens: [String]) async throws -> ([Double], Int, Int) {
        let finished = SharedValue(false)
        let tallies = SharedValue(0)
        let path = "/api/v1/participation/votes/\(self.tallyVote.id)"
        async let tallying: Void = {
            while !finished.withLock({ $0 }) {
                _ = await self.client.send(LoadRequest(path: path))
                tallies.withLock { $0 += 1 }
            }
        }()
        let (_, latencies, failures) = await self.cast(tokens)
        finished.withLock { $0 = true }
        await tallying
        return (latencies, failures, tallies.withLock { $0 })
    }
}

/// A value the benchmark's concurrent workers share.
final class SharedValue<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { self.mutex = Mutex(value) }

    func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R { self.mutex.withLock { body(&$0) } }
}
