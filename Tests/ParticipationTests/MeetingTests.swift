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

@Suite("Participation: council meetings")
struct MeetingTests {
    /// A clock the test moves.
    final class TestClock: Sendable {
        let now = Mutex<Int64>(1_800_000_000)

        func advance(_ seconds: Int64) { self.now.withLock { $0 += seconds } }
    }

    @Test(
        "an official calls a meeting, residents register, attendance makes the quorum, decisions carry, minutes publish",
        arguments: TestBackend.available)
    func lifecycle(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            try await ParticipationFixture.divisions(database)
            try await ParticipationFixture.enrol(
                database, residents: 1...6, householdOf: { $0 }, community: ParticipationFixture.communityA,
                address: { "1栋\($0)号" })
            try await ParticipationFixture.enrol(
                database, residents: 7...7, householdOf: { $0 }, community: ParticipationFixture.communityB,
                address: { "1栋\($0)号" })
            let cipher = try TestApp.cipher
            let register = RegisterRepository(database: database)
            let eligibility = EligibilityChecker(
                registration: ResidentRegistration(
                    accounts: AccountRepository(database: database, cipher: cipher), register: register, cipher: cipher),
                register: register, bodies: BodyRepository(database: database))
            let clock = TestClock()
            let service = MeetingService(
                database: database, eligibility: eligibility, outbox: EventOutbox(database: database),
                now: { clock.now.withLock { $0 } })
            let proposals = ProposalService(
                database: database, eligibility: eligibility, now: { clock.now.withLock { $0 } })
            let community = ParticipationFixture.communityA
            let outcome = ProposalTests.outcome
            let resident = ProposalTests.resident
            let proposal = try await proposals.propose(
                community: community,
                request: .init(title: "院坝加装休闲座椅", body: "3栋前院坝没有座椅，老人休息不便，建议加装六张。", place: "3栋前院坝", costFen: 1_200_000),
                by: resident(1))
            let worker = Principal(subject: "w", role: .communityWorker, scope: community, level: 3)
            let outsider = Principal(
                subject: "b", role: .communityWorker, scope: ParticipationFixture.communityB, level: 3)
            let start = CityClock.localDateTime(clock.now.withLock { $0 } + 86_400)
            let request = MeetingService.NewMeeting(
                title: "十二月居民议事会", startsAt: start, place: "社区活动室", quorum: 4,
                items: [.init(proposalId: proposal.id), .init(title: "春节邻里活动安排")])

            // Only an official of the community calls it, in the future, with this community's proposals.
            #expect(
                await outcome { _ = try await service.call(community: community, request, by: outsider) } == "forbidden"
            )
            #expect(
                await outcome { _ = try await service.call(community: community, request, by: resident(1)) }
                    == "forbidden")
            let past = MeetingService.NewMeeting(
                title: request.title, startsAt: "2020-01-01 10:00", place: request.place, quorum: 4,
                items: request.items)
            #expect(
                await outcome { _ = try await service.call(community: community, past, by: worker) } == "invalid_field")
            let foreign = MeetingService.NewMeeting(
                title: request.title, startsAt: start, place: request.place, quorum: 4,
                items: [.init(proposalId: "nope")])
            #expect(
                await outcome { _ = try await service.call(community: community, foreign, by: worker) }
                    == "invalid_field")
            let meeting = try await service.call(community: community, request, by: worker)
            #expect(meeting.items.map(\.title) == ["院坝加装休闲座椅", "春节邻里活动安排"])

            // Residents of the community register, at once and some twice; others are refused.
            #expect(
                await outcome { _ = try await service.register(meeting.id, attending: true, by: resident(7)) }
                    == "not_resident_of_community")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 1...5 {
                    group.addTask {
                        _ = try await service.register(meeting.id, attending: true, by: resident(n))
                        if n.isMultiple(of: 2) {
                            _ = try await service.register(meeting.id, attending: true, by: resident(n))
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await service.meeting(meeting.id).registered == 5)
            #expect(try await service.register(meeting.id, attending: false, by: resident(5)).registered == 4)

            // Attendance only once it has started; below the quorum nothing can be decided.
            #expect(
                await outcome { _ = try await service.recordAttendance(meeting.id, present: 5, by: worker) }
                    == "meeting_not_started")
            clock.advance(86_400 + 60)
            _ = try await service.recordAttendance(meeting.id, present: 3, by: worker)
            let decision = MeetingService.Decision(
                decision: "同意加装六张座椅，由社区微基金出资", votesFor: 3, votesAgainst: 0, votesAbstain: 0)
            #expect(
                await outcome { _ = try await service.decide(meeting.id, position: 1, decision, by: worker) }
                    == "quorum_not_met")
            #expect(
                await outcome { _ = try await service.register(meeting.id, attending: true, by: resident(6)) }
                    == "meeting_not_planned")
            _ = try await service.recordAttendance(meeting.id, present: 5, by: worker)

            // Decisions with the votes cast: no more votes than present, one decision per item.
            let tooMany = MeetingService.Decision(decision: "同意", votesFor: 4, votesAgainst: 2, votesAbstain: 0)
            #expect(
                await outcome { _ = try await service.decide(meeting.id, position: 1, tooMany, by: worker) }
                    == "invalid_field")
            #expect(
                await outcome { _ = try await service.decide(meeting.id, position: 1, decision, by: outsider) }
                    == "forbidden")
            let decided = try await service.decide(meeting.id, position: 1, decision, by: worker)
            #expect(decided.items[0].passed == true && decided.items[0].votesFor == 3)
            #expect(
                await outcome { _ = try await service.decide(meeting.id, position: 1, decision, by: worker) }
                    == "meeting_decided")
            #expect(
                await outcome { _ = try await service.recordAttendance(meeting.id, present: 9, by: worker) }
                    == "meeting_decided")
            #expect(
                await outcome { _ = try await service.publish(meeting.id, minutes: "会议纪要：……………………", by: worker) }
                    == "meeting_undecided")
            let split = MeetingService.Decision(decision: "暂缓，改为下月再议", votesFor: 2, votesAgainst: 2, votesAbstain: 1)
            #expect(try await service.decide(meeting.id, position: 2, split, by: worker).items[1].passed == false)
            let published = try await service.publish(meeting.id, minutes: "出席五人，议题一通过，议题二暂缓。", by: worker)
            #expect(published.status == .published && published.minutes?.hasPrefix("出席五人") == true)
            #expect(
                await outcome { _ = try await service.publish(meeting.id, minutes: "再发布一次会议纪要的内容", by: worker) }
                    == "meeting_not_held")

            // Each decision is one event on the outbox, passed or rejected.
            let topics = try await database.withConnection { sql in
                try await sql.raw("SELECT topic FROM platform_events ORDER BY topic").all(
                    decodingColumn: "topic", as: String.self)
            }
            #expect(topics == [ParticipationEvents.decisionPassed, ParticipationEvents.decisionRejected])
        }
    }
}
