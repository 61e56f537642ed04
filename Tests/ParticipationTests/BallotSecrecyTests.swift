import App
import Foundation
import Participation
import Platform
import SQLKit
import TestSupport
import Testing

@Suite("Participation: ballot secrecy in the schema")
struct BallotSecrecyTests {
    /// The columns of a table in the current database.
    static func columns(_ table: String, _ database: Database) async throws -> Set<String> {
        try await database.withConnection { sql in
            if database.kind == .sqlite {
                return Set(
                    try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all(
                        decodingColumn: "name", as: String.self))
            }
            return Set(
                try await sql.raw(
                    """
                    SELECT column_name FROM information_schema.columns
                    WHERE table_name = \(bind: table) AND table_schema = current_schema()
                    """
                ).all(decodingColumn: "column_name", as: String.self))
        }
    }

    @Test(
        "a stored ballot has no column, key or row order that leads back to its voter", arguments: TestBackend.available
    )
    func noLink(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            try await ParticipationFixture.divisions(database)
            try await ParticipationFixture.enrol(
                database, residents: 1...60, householdOf: { $0 }, community: ParticipationFixture.communityA,
                address: { "1栋\($0)号" })
            let harness = try VoteHarness(database)
            let vote = try await harness.makeVote()
            var castOrder: [String] = []
            for n in 1...60 {
                let token = try await harness.token(vote, resident: n)
                castOrder.append(try await harness.cast(vote, token, choice: n % 3).tokenHash)
            }
            // Only the vote, the token hash and the choice: no voter, account, time, address or sequence.
            #expect(try await Self.columns("participation_ballots", database) == ["vote_id", "token_hash", "choice"])
            // Who received a token, and nothing that ties it to a token: no time, no token, no signature.
            #expect(
                try await Self.columns("participation_issuances", database)
                    == ["vote_id", "voter_key", "channel", "blinded_hash"])
            let (blinded, hashes) = try await database.withConnection { sql in
                (
                    Set(
                        try await sql.raw("SELECT blinded_hash FROM participation_issuances").all(
                            decodingColumn: "blinded_hash", as: String.self)),
                    Set(
                        try await sql.raw("SELECT token_hash FROM participation_ballots").all(
                            decodingColumn: "token_hash", as: String.self))
                )
            }
            #expect(blinded.count == 60 && hashes.count == 60 && blinded.isDisjoint(with: hashes))
            if backend == .sqlite {
                // No hidden rowid numbering rows in insertion order.
                await #expect(throws: (any Error).self) {
                    try await database.withConnection { sql in
                        try await sql.raw("SELECT rowid FROM participation_ballots").run()
                    }
                }
            }
            harness.clock.advance(3600)
            _ = try await harness.votes.certify(voteID: vote.id, by: VoteHarness.official)
            // Rows come back in token-hash order, whatever the order of casting.
            let natural = try await database.withConnection { sql in
                try await sql.raw("SELECT token_hash FROM participation_ballots").all(
                    decodingColumn: "token_hash", as: String.self)
            }
            #expect(natural == castOrder.sorted() && natural != castOrder)
            let roll = try await database.withConnection { sql in
                try await sql.raw("SELECT voter_key FROM participation_issuances").all(
                    decodingColumn: "voter_key", as: String.self)
            }
            #expect(roll == roll.sorted())
        }
    }
}
