import App
import Foundation
import Identity
import Participation
import Platform
import Population
import SQLKit
import TestSupport
import Testing

@Suite("Participation: proposals")
struct ProposalTests {
    static func outcome(_ body: () async throws -> Void) async -> String {
        do {
            try await body()
            return "ok"
        } catch let problem as Problem { return problem.code } catch { return "error:\(error)" }
    }

    static func resident(_ n: Int) -> Principal {
        Principal(subject: "resident-\(n)", role: .resident, scope: nil, level: 2)
    }

    @Test(
        "supports race to the agenda threshold; the council answers once and followers are notified",
        arguments: TestBackend.available)
    func lifecycle(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            try await ParticipationFixture.divisions(database)
            try await ParticipationFixture.enrol(
                database, residents: 1...30, householdOf: { $0 }, community: ParticipationFixture.communityA,
                address: { "1栋\($0)号" })
            try await ParticipationFixture.enrol(
                database, residents: 31...31, householdOf: { $0 }, community: ParticipationFixture.communityB,
                address: { "1栋\($0)号" })
            let cipher = try TestApp.cipher
            let register = RegisterRepository(database: database)
            let service = ProposalService(
                database: database,
                eligibility: EligibilityChecker(
                    registration: ResidentRegistration(
                        accounts: AccountRepository(database: database, cipher: cipher), register: register,
                        cipher: cipher),
                    register: register, bodies: BodyRepository(database: database)))
            let request = ProposalService.NewProposal(
                title: "院坝加装休闲座椅", body: "3栋前院坝没有座椅，老人休息不便，建议加装六张。", place: "3栋前院坝", costFen: 1_200_000)
            let community = ParticipationFixture.communityA
            #expect(
                await Self.outcome {
                    _ = try await service.propose(community: community, request: request, by: Self.resident(31))
                } == "not_resident_of_community")
            #expect(
                await Self.outcome { _ = try await service.propose(community: community, request: request, by: nil) }
                    == "unauthenticated")
            let bad = ProposalService.NewProposal(title: "短", body: request.body, place: request.place, costFen: -1)
            #expect(
                await Self.outcome {
                    _ = try await service.propose(community: community, request: bad, by: Self.resident(1))
                } == "invalid_field")
            let proposal = try await service.propose(community: community, request: request, by: Self.resident(1))
            let other = try await service.propose(community: community, request: request, by: Self.resident(2))
            #expect(
                await Self.outcome {
                    _ = try await service.support(proposal.id, supporting: true, by: Self.resident(31))
                } == "not_resident_of_community")

            // 25 residents support at once, some twice; the count is exact and the threshold puts it on the agenda.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 2...26 {
                    group.addTask {
                        _ = try await service.support(proposal.id, supporting: true, by: Self.resident(n))
                        if n % 5 == 0 {
                            _ = try await service.support(proposal.id, supporting: true, by: Self.resident(n))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let supported = try await service.proposal(proposal.id)
            #expect(supported.supports == 25 && supported.status == .onAgenda)
            _ = try await service.support(proposal.id, supporting: false, by: Self.resident(26))
            #expect(try await service.proposal(proposal.id).supports == 24)

            let worker = Principal(subject: "w", role: .communityWorker, scope: community, level: 3)
            let outsider = Principal(
                subject: "b", role: .communityWorker, scope: ParticipationFixture.communityB, level: 3)
            let reject = ProposalService.Answer(status: .rejected, reason: nil, mergedInto: nil)
            #expect(
                await Self.outcome { _ = try await service.answer(proposal.id, answer: reject, by: worker) }
                    == "invalid_field")
            #expect(
                await Self.outcome { _ = try await service.answer(proposal.id, answer: reject, by: outsider) }
                    == "forbidden")
            #expect(
                await Self.outcome { _ = try await service.answer(proposal.id, answer: reject, by: Self.resident(1)) }
                    == "forbidden")
            let merge = ProposalService.Answer(status: .merged, reason: "与另一条相同", mergedInto: other.id)
            let answered = try await service.answer(proposal.id, answer: merge, by: worker)
            #expect(answered.status == .merged && answered.mergedInto == other.id)
            #expect(
                await Self.outcome { _ = try await service.answer(proposal.id, answer: merge, by: worker) }
                    == "proposal_answered")
            #expect(
                await Self.outcome {
                    _ = try await service.support(proposal.id, supporting: true, by: Self.resident(27))
                } == "proposal_answered")
            let notified = try await database.withConnection { sql in
                try await sql.raw(
                    "SELECT COUNT(*) AS n FROM notifications WHERE topic = 'participation.proposal.answered'"
                ).first(decodingColumn: "n", as: Int.self)
            }
            #expect(notified == 25)  // the author and the 24 remaining supporters
        }
    }
}
