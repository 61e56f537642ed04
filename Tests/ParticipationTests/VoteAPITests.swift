import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Participation
import Platform
import SQLKit
import TestSupport
import Testing

/// A vote as a client decodes it.
struct VoteDetailJSON: Decodable {
    let vote: VoteView
    let standing: StandingJSON
}

/// A vote's standing as a client decodes it.
struct StandingJSON: Decodable {
    let phase: String
    let onlineBallots: Int
    let tally: VoteTally?
}

/// A token answer.
struct IssuedJSON: Decodable {
    let blindSignature: String
}

/// A receipt.
struct ReceiptJSON: Decodable, Equatable {
    let voteID: String
    let tokenHash: String
    let choices: [Int]
}

/// A page of published ballots.
struct BallotPageJSON: Decodable {
    let items: [ReceiptJSON]
    let nextCursor: String?
}

extension TestClientProtocol {
    /// Requests, unblinds and returns a token for `vote` as the holder of `token`.
    func ballotToken(_ vote: VoteView, token: String) async throws -> BallotClient.Token {
        let request = try BallotClient.TokenRequest(voteID: vote.id, publicKeyPEM: vote.publicKey)
        let response = try await self.send(
            .post, "/api/v1/participation/votes/\(vote.id)/tokens",
            json: #"{"blindedMessage":"\#(Base64URL.encode(request.blindedMessage))"}"#, token: token)
        #expect(response.status == .ok, "\(String(buffer: response.body))")
        let issued = try response.json(IssuedJSON.self)
        return try request.finalize(blindSignature: try #require(Base64URL.decode(issued.blindSignature)))
    }

    /// Casts a ballot without credentials.
    func cast(_ vote: VoteView, _ token: BallotClient.Token, choices: [Int]) async throws -> TestResponse {
        try await self.send(
            .post, "/api/v1/participation/votes/\(vote.id)/ballots",
            json: """
                {"message":"\(Base64URL.encode(token.message))","signature":"\(Base64URL.encode(token.signature))",\
                "choices":\(choices)}
                """)
    }
}

@Suite("Participation: votes and secret ballots")
struct VoteAPITests {
    @Test("officials create votes in their scope only; bad input writes nothing", arguments: TestBackend.available)
    func create(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: ParticipationFixture.prepare) { client, database in
            let workerA = try await client.token("worker.a", official: true)
            let workerB = try await client.token("worker.b", official: true)
            let street = try await client.token("street", official: true)
            let resident = try await client.token(ParticipationFixture.phone(1))
            let uri = "/api/v1/participation/communities/\(ParticipationFixture.communityA)/votes"
            let body = ParticipationFixture.voteJSON()

            #expect(try await client.send(.post, uri, json: body).status == .unauthorized)
            #expect(try await client.send(.post, uri, json: body, token: resident).problemCode == "forbidden")
            #expect(try await client.send(.post, uri, json: body, token: workerB).problemCode == "forbidden")
            for bad in [
                ParticipationFixture.voteJSON(closesIn: -120),
                ParticipationFixture.voteJSON(quorum: 101),
                ParticipationFixture.voteJSON(kind: "single"),
                ParticipationFixture.voteJSON(
                    kind: "approval", extra: #","options":[{"zh":"甲","en":"A"},{"zh":"乙","en":"B"}],"maxChoices":3"#),
                ParticipationFixture.voteJSON(
                    extra:
                        #","eligibility":{"minimumLevel":7,"residentOfCommunity":true,"householdHead":false,"buildings":[],"councilMember":false}"#
                ),
            ] {
                let refused = try await client.send(.post, uri, json: bad, token: workerA)
                #expect(refused.status == .badRequest && refused.problemCode == "invalid_field", "\(bad)")
            }
            let count = try await database.withConnection { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM participation_votes").first(
                    decodingColumn: "n", as: Int.self)
            }
            #expect(count == 0)

            let created = try await client.send(.post, uri, json: body, token: workerA)
            #expect(created.status == .created)
            let vote = try created.json(VoteView.self)
            #expect(vote.options.count == 3 && vote.eligibleCount == 3 && vote.phase == .open)
            #expect(vote.publicKey.contains("BEGIN PUBLIC KEY"))
            let household = try await client.send(
                .post, uri, json: ParticipationFixture.voteJSON(unit: "household"), token: street)
            #expect(try household.json(VoteView.self).eligibleCount == 2)
            let list = try await client.send(.get, uri)
            #expect(list.status == .ok)
        }
    }

    @Test(
        "token once per voter, cast without an account, receipt, reuse and forgery refused",
        arguments: TestBackend.available)
    func castAndCheck(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: ParticipationFixture.prepare) { client, database in
            let worker = try await client.token("worker.a", official: true)
            let vote = try await client.send(
                .post, "/api/v1/participation/communities/\(ParticipationFixture.communityA)/votes",
                json: ParticipationFixture.voteJSON(), token: worker
            ).json(VoteView.self)
            let one = try await client.token(ParticipationFixture.phone(1))
            let four = try await client.token(ParticipationFixture.phone(4))
            let five = try await client.token(ParticipationFixture.phone(5))
            let base = "/api/v1/participation/votes/\(vote.id)"

            let eligible = try await client.send(.get, "\(base)/eligibility", token: one).json(EligibilityAnswer.self)
            #expect(eligible.eligible && eligible.conditions.count == 2)
            let other = try await client.send(.get, "\(base)/eligibility", token: four).json(EligibilityAnswer.self)
            #expect(!other.eligible && other.code == "not_resident_of_community")
            let low = try await client.send(.get, "\(base)/eligibility", token: five).json(EligibilityAnswer.self)
            #expect(!low.eligible && low.code == "level_required" && low.reason?.en.contains("/me") == true)

            // Refused token requests name their reason and record nothing.
            let request = try BallotClient.TokenRequest(voteID: vote.id, publicKeyPEM: vote.publicKey)
            let blinded = #"{"blindedMessage":"\#(Base64URL.encode(request.blindedMessage))"}"#
            #expect(try await client.send(.post, "\(base)/tokens", json: blinded).problemCode == "unauthenticated")
            #expect(
                try await client.send(.post, "\(base)/tokens", json: blinded, token: four).problemCode
                    == "not_resident_of_community")
            #expect(
                try await client.send(.post, "\(base)/tokens", json: blinded, token: five).problemCode
                    == "level_required")
            #expect(
                try await client.send(.post, "\(base)/tokens", json: blinded, token: worker).problemCode
                    == "residents_only")
            let short = try await client.send(.post, "\(base)/tokens", json: #"{"blindedMessage":"AAAA"}"#, token: one)
            #expect(short.status == .badRequest && short.problemCode == "invalid_field")

            let first = try await client.send(.post, "\(base)/tokens", json: blinded, token: one)
            #expect(first.status == .ok)
            let again = try await client.send(.post, "\(base)/tokens", json: blinded, token: one)
            #expect(String(buffer: again.body) == String(buffer: first.body))
            let token = try request.finalize(
                blindSignature: try #require(Base64URL.decode(try first.json(IssuedJSON.self).blindSignature)))
            let second = try BallotClient.TokenRequest(voteID: vote.id, publicKeyPEM: vote.publicKey)
            let refused = try await client.send(
                .post, "\(base)/tokens", json: #"{"blindedMessage":"\#(Base64URL.encode(second.blindedMessage))"}"#,
                token: one)
            #expect(refused.status == .conflict && refused.problemCode == "token_already_issued")

            #expect(try await client.cast(vote, token, choices: [0, 1]).problemCode == "invalid_choice")
            #expect(try await client.cast(vote, token, choices: [3]).problemCode == "invalid_choice")
            let cast = try await client.cast(vote, token, choices: [0])
            #expect(cast.status == .created)
            let receipt = try cast.json(ReceiptJSON.self)
            #expect(receipt.tokenHash == token.hash && receipt.choices == [0])
            #expect(try await client.cast(vote, token, choices: [1]).problemCode == "token_already_used")
            let forged = BallotClient.Token(message: token.message, signature: Data(token.signature.reversed()))
            #expect(try await client.cast(vote, forged, choices: [1]).problemCode == "invalid_token")
            var altered = token.message
            altered[altered.count - 1] ^= 1
            #expect(
                try await client.cast(
                    vote, BallotClient.Token(message: altered, signature: token.signature), choices: [1]
                )
                .problemCode == "invalid_token")
            let checked = try await client.send(.get, "\(base)/ballots/\(token.hash)").json(ReceiptJSON.self)
            #expect(checked == receipt)
            #expect(
                try await client.send(.get, "\(base)/ballots/\(String(repeating: "0", count: 64))").status == .notFound)

            // While open: turnout, no counts, no published list.
            let open = try await client.send(.get, base).json(VoteDetailJSON.self)
            #expect(open.standing.phase == "open" && open.standing.onlineBallots == 1 && open.standing.tally == nil)
            #expect(try await client.send(.get, "\(base)/ballots").problemCode == "vote_still_open")

            // The server's clock closes the vote.
            try await database.withConnection { sql in
                try await sql.update("participation_votes").set(
                    "closes_at", to: SQLBind(Int64(Date().timeIntervalSince1970) - 1)
                )
                .where("id", .equal, vote.id).run()
            }
            let three = try await client.token(ParticipationFixture.phone(3))
            let lateRequest = try BallotClient.TokenRequest(voteID: vote.id, publicKeyPEM: vote.publicKey)
            let lateToken = try await client.send(
                .post, "\(base)/tokens",
                json: #"{"blindedMessage":"\#(Base64URL.encode(lateRequest.blindedMessage))"}"#,
                token: three)
            #expect(lateToken.problemCode == "vote_closed")
            #expect(try await client.cast(vote, token, choices: [0]).problemCode == "vote_closed")
            let closed = try await client.send(.get, base).json(VoteDetailJSON.self)
            #expect(closed.standing.tally?.counts == [1, 0, 0] && closed.standing.tally?.turnout == 1)
            let published = try await client.send(.get, "\(base)/ballots").json(BallotPageJSON.self)
            #expect(published.items == [receipt])
        }
    }
}
