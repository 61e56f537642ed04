import App
import Foundation
import Identity
import Participation
import Platform
import Population
import SQLKit
import Synchronization
import TestSupport
import Testing

/// A clock the test moves (the vote's opening and closing follow the service's clock).
final class TestClock: Sendable {
    private let time = Mutex<Int64>(Int64(Date().timeIntervalSince1970))
    var now: Int64 { self.time.withLock { $0 } }
    func advance(_ seconds: Int64) { self.time.withLock { $0 += seconds } }
}

/// The services of the participation context over a test database, with a movable clock.
struct VoteHarness {
    let database: Database
    let clock = TestClock()
    let votes: VoteService

    init(_ database: Database) throws {
        let cipher = try TestApp.cipher
        let platform = PlatformServices(
            database: database, logger: TestDatabase.logger, cipher: cipher, issuer: "http://test",
            secureCookies: false,
            passwordCost: 4, trustForwardedFor: false)
        let register = RegisterRepository(database: database)
        let eligibility = EligibilityChecker(
            registration: ResidentRegistration(
                accounts: AccountRepository(database: database, cipher: cipher), register: register, cipher: cipher),
            register: register, bodies: BodyRepository(database: database))
        let clock = self.clock
        self.database = database
        self.votes = VoteService(platform: platform, eligibility: eligibility, register: register, now: { clock.now })
    }

    static let official = Principal(
        subject: "official-a", role: .communityWorker, scope: ParticipationFixture.communityA, level: 3)

    static func resident(_ n: Int) -> Principal {
        Principal(subject: "resident-\(n)", role: .resident, scope: nil, level: 2)
    }

    func makeVote(unit: Vote.Unit = .person) async throws -> Vote {
        try await self.votes.create(
            community: ParticipationFixture.communityA,
            request: VoteService.NewVote(
                titleZh: "院落改造方案", titleEn: "Courtyard plan", description: "", kind: .single,
                options: [
                    LocalizedText(zh: "方案一", en: "Plan 1"), LocalizedText(zh: "方案二", en: "Plan 2"),
                    LocalizedText(zh: "方案三", en: "Plan 3"),
                ], maxChoices: nil, unit: unit, eligibility: nil, opensAt: CityClock.rfc3339(self.clock.now - 10),
                closesAt: CityClock.rfc3339(self.clock.now + 3600), quorumPercent: 50, threshold: .simpleMajority),
            by: Self.official)
    }

    /// Token issue and unblinding for a resident.
    func token(_ vote: Vote, resident n: Int) async throws -> BallotClient.Token {
        let request = try BallotClient.TokenRequest(voteID: vote.id, publicKeyPEM: vote.publicKeyPEM)
        let issued = try await self.votes.issueToken(
            voteID: vote.id, blindedMessage: Base64URL.encode(request.blindedMessage), principal: Self.resident(n))
        return try request.finalize(blindSignature: Base64URL.decode(issued.blindSignature)!)
    }

    func cast(_ vote: Vote, _ token: BallotClient.Token, choice: Int) async throws -> VoteService.Receipt {
        try await self.votes.cast(
            voteID: vote.id,
            ballot: VoteService.Ballot(
                message: Base64URL.encode(token.message), signature: Base64URL.encode(token.signature),
                choices: [choice]))
    }
}

@Suite("Participation: ballot integrity")
struct BallotRaceTests {
    /// Eligible voters in the race (raise it in the benchmark; 10,000 runs in `Benchmarks/participation`).
    static let voters = 2000
    static let ineligible = 100
    static let forged = 100

    /// What one attempt ended with: "ok:<choice>" or the problem code.
    static func outcome(_ body: () async throws -> String) async -> String {
        do { return try await body() } catch let problem as Problem { return problem.code } catch {
            return "error:\(error)"
        }
    }

    @Test(
        "concurrent ballots with duplicates, reused and forged tokens and ineligible voters: each counted once",
        arguments: TestBackend.available)
    func race(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            try await ParticipationFixture.divisions(database)
            try await ParticipationFixture.enrol(
                database, residents: 1...Self.voters, householdOf: { $0 }, community: ParticipationFixture.communityA,
                address: { "\($0 % 40 + 1)栋1单元\($0)号" })
            let outsiders = (Self.voters + 1)...(Self.voters + Self.ineligible)
            try await ParticipationFixture.enrol(
                database, residents: outsiders, householdOf: { $0 }, community: ParticipationFixture.communityB,
                address: { "1栋\($0)号" })
            let harness = try VoteHarness(database)
            let vote = try await harness.makeVote()
            #expect(vote.eligibleCount == Self.voters)

            let outcomes = try await withThrowingTaskGroup(of: [String].self) { group in
                for n in 1...Self.voters {
                    group.addTask {
                        var results: [String] = []
                        let choice = n % 3
                        results.append(
                            await Self.outcome {
                                let token = try await harness.token(vote, resident: n)
                                _ = try await harness.cast(vote, token, choice: choice)
                                if n % 10 == 0 {
                                    // The same token again.
                                    return try await harness.cast(vote, token, choice: (choice + 1) % 3).tokenHash
                                }
                                return "ok:\(choice)"
                            })
                        if n % 10 == 0 {
                            results[0] = results[0] == "token_already_used" ? "ok:\(choice)|reused" : results[0]
                        }
                        if n % 7 == 0 {
                            // A second token for the same person.
                            results.append(
                                await Self.outcome {
                                    _ = try await harness.token(vote, resident: n)
                                    return "issued twice"
                                })
                        }
                        return results
                    }
                }
                for n in outsiders {
                    group.addTask {
                        [
                            await Self.outcome {
                                _ = try await harness.token(vote, resident: n)
                                return "issued"
                            }
                        ]
                    }
                }
                for _ in 0..<Self.forged {
                    group.addTask {
                        var message = Data((0..<32).map { _ in UInt8.random(in: 0...255) })
                        message.append(Data(vote.tokenPrefix.utf8))
                        message.append(Data((0..<32).map { _ in UInt8.random(in: 0...255) }))
                        let signature = Data((0..<256).map { _ in UInt8.random(in: 0...255) })
                        return [
                            await Self.outcome {
                                _ = try await harness.cast(
                                    vote, BallotClient.Token(message: message, signature: signature), choice: 0)
                                return "forged accepted"
                            }
                        ]
                    }
                }
                var all: [String] = []
                for try await results in group { all.append(contentsOf: results) }
                return all
            }
            var byOutcome: [String: Int] = [:]
            for outcome in outcomes {
                byOutcome[outcome.split(separator: "|").first.map(String.init) ?? outcome, default: 0] += 1
            }
            let expected = (0..<3).map { choice in (1...Self.voters).filter { $0 % 3 == choice }.count }
            #expect(
                byOutcome["ok:0"] == expected[0] && byOutcome["ok:1"] == expected[1] && byOutcome["ok:2"] == expected[2]
            )
            #expect(outcomes.filter { $0.hasSuffix("|reused") }.count == Self.voters / 10)
            #expect(byOutcome["token_already_issued"] == Self.voters / 7)
            #expect(byOutcome["not_resident_of_community"] == Self.ineligible)
            #expect(byOutcome["invalid_token"] == Self.forged)
            #expect(
                byOutcome.keys.allSatisfy {
                    $0.hasPrefix("ok:") || $0.hasSuffix("_issued") || $0 == "not_resident_of_community"
                        || $0 == "invalid_token"
                }, "\(byOutcome)")

            // After the deadline every attempt is refused.
            harness.clock.advance(3600)
            let late = await Self.outcome {
                _ = try await harness.token(vote, resident: 1)
                return "issued"
            }
            #expect(late == "vote_closed")

            let tally = try await harness.votes.tally(vote)
            #expect(tally.counts == expected && tally.turnout == Self.voters)
            // Recount from the published list, page by page.
            var recount = [0, 0, 0]
            var after: String?
            var hashes: [String] = []
            while true {
                let page = try await harness.votes.published(voteID: vote.id, after: after, limit: 500)
                for ballot in page { recount[ballot.choices[0]] += 1 }
                hashes.append(contentsOf: page.map(\.tokenHash))
                guard page.count == 500 else { break }
                after = page.last?.tokenHash
            }
            #expect(recount == tally.counts && hashes == hashes.sorted() && Set(hashes).count == Self.voters)
            let stored = try await database.withConnection { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM participation_ballots").first(
                    decodingColumn: "n", as: Int.self)
            }
            #expect(stored == Self.voters)
        }
    }
}
