import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Participation
import Platform
import SQLKit
import TestSupport
import Testing

@Suite("Participation: paper ballots and certification")
struct PaperBallotTests {
    @Test(
        "two officials enter paper ballots alike; counted with online ones; certified once with an event",
        arguments: TestBackend.available)
    func doubleEntry(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: ParticipationFixture.prepare) { client, database in
            let workerA = try await client.token("worker.a", official: true)
            let workerA2 = try await client.token("worker.a2", official: true)
            let workerB = try await client.token("worker.b", official: true)
            let street = try await client.token("street", official: true)
            let vote = try await client.send(
                .post, "/api/v1/participation/communities/\(ParticipationFixture.communityA)/votes",
                json: ParticipationFixture.voteJSON(quorum: 60), token: workerA
            ).json(VoteView.self)
            let base = "/api/v1/participation/votes/\(vote.id)"
            // Resident 1 votes online.
            let one = try await client.token(ParticipationFixture.phone(1))
            let token = try await client.ballotToken(vote, token: one)
            #expect(try await client.cast(vote, token, choices: [0]).status == .created)

            let batch = #"{"station":"1栋大厅","counts":[1,0,0],"ballots":1,"voters":[3]}"#
            #expect(
                try await client.send(.post, "\(base)/paper-batches", json: batch, token: workerB).problemCode
                    == "forbidden")
            #expect(
                try await client.send(.post, "\(base)/paper-batches", json: batch, token: one).problemCode
                    == "forbidden")
            let foreign = #"{"station":"1栋大厅","counts":[1,0,0],"ballots":1,"voters":[4]}"#
            #expect(
                try await client.send(.post, "\(base)/paper-batches", json: foreign, token: workerA).problemCode
                    == "invalid_field")
            let tooMany = #"{"station":"1栋大厅","counts":[2,0,0],"ballots":1,"voters":[3]}"#
            #expect(
                try await client.send(.post, "\(base)/paper-batches", json: tooMany, token: workerA).problemCode
                    == "invalid_field")
            // A roll naming an online voter is refused at confirmation.
            let online = #"{"station":"2栋","counts":[0,1,0],"ballots":1,"voters":[1]}"#
            #expect(
                try await client.send(.post, "\(base)/paper-batches", json: online, token: workerA).status == .created)
            #expect(
                try await client.send(.post, "\(base)/paper-batches", json: online, token: workerA2).problemCode
                    == "paper_voter_voted_online")

            let first = try await client.send(.post, "\(base)/paper-batches", json: batch, token: workerA)
            #expect(first.status == .created)
            #expect(try first.json(PaperBatch.self).status == .pending)
            #expect(
                try await client.send(.post, "\(base)/paper-batches", json: batch, token: workerA).problemCode
                    == "second_entry_same_official")
            let differing = #"{"station":"1栋大厅","counts":[0,1,0],"ballots":1,"voters":[3]}"#
            #expect(
                try await client.send(.post, "\(base)/paper-batches", json: differing, token: workerA2).problemCode
                    == "paper_entries_disagree")
            // Discarded: both enter again.
            #expect(
                try await client.send(.post, "\(base)/paper-batches", json: batch, token: workerA2).status == .created)
            let confirmed = try await client.send(.post, "\(base)/paper-batches", json: batch, token: street)
            #expect(confirmed.status == .ok)
            #expect(try confirmed.json(PaperBatch.self).status == .confirmed)
            #expect(
                try await client.send(.post, "\(base)/paper-batches", json: batch, token: workerA).problemCode
                    == "paper_batch_confirmed")

            // Resident 3 voted on paper: no online token any more.
            let three = try await client.token(ParticipationFixture.phone(3))
            let request = try BallotClient.TokenRequest(voteID: vote.id, publicKeyPEM: vote.publicKey)
            let refused = try await client.send(
                .post, "\(base)/tokens", json: #"{"blindedMessage":"\#(Base64URL.encode(request.blindedMessage))"}"#,
                token: three)
            #expect(refused.problemCode == "voted_on_paper")

            #expect(try await client.send(.post, "\(base)/certify", token: workerA).problemCode == "vote_still_open")
            try await database.withConnection { sql in
                try await sql.update("participation_votes")
                    .set("closes_at", to: SQLBind(Int64(Date().timeIntervalSince1970) - 1)).where("id", .equal, vote.id)
                    .run()
            }
            // The station "2栋" still waits for an agreeing second entry.
            #expect(
                try await client.send(.post, "\(base)/certify", token: workerA).problemCode == "paper_ballots_pending")
            try await database.withConnection { sql in
                try await sql.delete(from: "participation_paper_batches").where("station", .equal, "2栋").run()
            }
            #expect(try await client.send(.post, "\(base)/certify", token: workerB).problemCode == "forbidden")
            let certified = try await client.send(.post, "\(base)/certify", token: workerA)
            #expect(certified.status == .ok)
            let tally = try certified.json(VoteTally.self)
            #expect(tally.counts == [2, 0, 0] && tally.onlineBallots == 1 && tally.paperVoters == 1)
            #expect(tally.turnout == 2 && tally.eligible == 3 && tally.quorumMet && tally.passed)
            #expect(try await client.send(.post, "\(base)/certify", token: workerA).problemCode == "vote_certified")
            let events = try await EventOutbox(database: database).events(topic: ParticipationEvents.decisionPassed)
            #expect(events.count == 1)
            let payload = try events[0].decode(DecisionPassed.self)
            #expect(payload.voteID == vote.id && payload.counts == [2, 0, 0] && payload.winningOption == 0)
        }
    }
}
