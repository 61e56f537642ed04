import Foundation
import Platform
import SQLKit

/// Stores who received a ballot token (issuances), the anonymous ballots, and the paper-ballot batches.
public struct BallotRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// What an issuance attempt found.
    public enum Issuance: Sendable, Equatable {
        /// The voter had none; this request is recorded.
        case issued
        /// The voter already received a token for this very blinded message (a retry: signing it again is safe).
        case repeated
        /// The voter already received a token for another message.
        case alreadyIssued
        /// The voter is on a confirmed paper roll.
        case votedOnPaper
    }

    /// Records that `voterKey` receives a token for the blinded message with hash `blindedHash`.
    public func issue(voteID: String, voterKey: String, blindedHash: String) async throws -> Issuance {
        do {
            try await self.database.transaction { sql in
                try await sql.insert(into: "participation_issuances")
                    .columns("vote_id", "voter_key", "channel", "blinded_hash")
                    .values(SQLBind(voteID), SQLBind(voterKey), SQLBind("online"), SQLBind(blindedHash)).run()
            }
            return .issued
        } catch let error where Database.isUniqueViolation(error) {
            let row = try await self.database.withConnection { sql in
                try await sql.select().columns("channel", "blinded_hash").from("participation_issuances")
                    .where("vote_id", .equal, voteID).where("voter_key", .equal, voterKey).first()
            }
            guard let row else { throw error }
            if try row.decode(column: "channel", as: String.self) == "paper" { return .votedOnPaper }
            return try row.decode(column: "blinded_hash", as: String?.self) == blindedHash ? .repeated : .alreadyIssued
        }
    }

    /// Stores a ballot; false when its token was used already.
    public func cast(voteID: String, tokenHash: String, choice: String) async throws -> Bool {
        do {
            try await self.database.transaction { sql in
                try await sql.insert(into: "participation_ballots").columns("vote_id", "token_hash", "choice")
                    .values(SQLBind(voteID), SQLBind(tokenHash), SQLBind(choice)).run()
            }
            return true
        } catch let error where Database.isUniqueViolation(error) {
            return false
        }
    }

    /// The choice stored for a token hash, nil when no ballot has it.
    public func ballot(voteID: String, tokenHash: String) async throws -> String? {
        try await self.database.withConnection { sql in
            try await sql.select().column("choice").from("participation_ballots").where("vote_id", .equal, voteID)
                .where("token_hash", .equal, tokenHash).first(decodingColumn: "choice", as: String.self)
        }
    }

    /// Online ballots per canonical choice (one grouped scan).
    public func onlineCounts(voteID: String) async throws -> [String: Int] {
        try await self.database.withConnection { sql in
            try await sql.select().column("choice").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("participation_ballots").where("vote_id", .equal, voteID).groupBy("choice").all()
        }.reduce(into: [:]) { result, row in
            result[try row.decode(column: "choice", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
    }

    /// Online ballots and voters who received a token online (turnout while a vote is open).
    public func onlineTurnout(voteID: String) async throws -> Int {
        try await self.database.withConnection { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("participation_ballots").where("vote_id", .equal, voteID)
                .first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    /// The published ballots in token-hash order after `after`, at most `limit`.
    public func published(voteID: String, after: String?, limit: Int) async throws -> [(
        tokenHash: String, choice: String
    )] {
        try await self.database.withConnection { sql in
            let query = sql.select().columns("token_hash", "choice").from("participation_ballots")
                .where("vote_id", .equal, voteID)
            if let after { query.where("token_hash", .greaterThan, after) }
            return try await query.orderBy("token_hash").limit(limit).all().map {
                (try $0.decode(column: "token_hash", as: String.self), try $0.decode(column: "choice", as: String.self))
            }
        }
    }
}
