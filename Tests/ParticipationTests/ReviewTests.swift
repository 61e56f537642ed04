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

@Suite("Participation: supervisory reviews")
struct ReviewTests {
    @Test(
        "only a sitting member of the community's committee flags and publishes; a finding is published once",
        arguments: TestBackend.available)
    func flagAndPublish(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            try await ParticipationFixture.divisions(database)
            let community = ParticipationFixture.communityA
            let bodies = BodyRepository(database: database)
            let today = CityClock.localDate(CityClock.now())
            // A sitting committee with resident 1, and last term's with resident 2.
            try await database.withConnection { sql in
                for (id, start, end, member, account) in [
                    ("committee-a", "2024-01-01", "2099-12-31", "m1", "resident-1"),
                    ("committee-old", "2020-01-01", "2020-12-31", "m2", "resident-2"),
                ] {
                    try await sql.raw(
                        """
                        INSERT INTO participation_bodies (id, community_code, kind, name_zh, name_en, term_start,
                        term_end, chosen_how, created_at) VALUES (\(bind: id), \(bind: community), 'committee', '监委会',
                        'Committee', \(bind: start), \(bind: end), '居民会议选举', 0)
                        """
                    ).run()
                    try await sql.raw(
                        """
                        INSERT INTO participation_members (id, body_id, name, position, account_id, created_at)
                        VALUES (\(bind: member), \(bind: id), '李监督', 'member', \(bind: account), 0)
                        """
                    ).run()
                }
            }
            #expect(today > "2020-12-31")

            let clock = MeetingTests.TestClock()
            let meetings = MeetingService(
                database: database,
                eligibility: EligibilityChecker(
                    registration: ResidentRegistration(
                        accounts: AccountRepository(database: database, cipher: try TestApp.cipher),
                        register: RegisterRepository(database: database), cipher: try TestApp.cipher),
                    register: RegisterRepository(database: database), bodies: bodies),
                outbox: EventOutbox(database: database), now: { clock.now.withLock { $0 } })
            let worker = Principal(subject: "w", role: .communityWorker, scope: community, level: 3)
            let meeting = try await meetings.call(
                community: community,
                .init(
                    title: "十二月居民议事会", startsAt: CityClock.localDateTime(clock.now.withLock { $0 } + 86_400),
                    place: "活动室", quorum: 3, items: [.init(title: "院坝照明")]),
                by: worker)

            let service = ReviewService(database: database)
            let flag = ReviewService.Flag(subjectKind: .meeting, subjectId: meeting.id, reason: "会议通知张贴时间不足三天")
            let outcome = ProposalTests.outcome
            #expect(await outcome { _ = try await service.flag(flag, by: nil) } == "unauthenticated")
            #expect(
                await outcome { _ = try await service.flag(flag, by: ProposalTests.resident(3)) }
                    == "committee_member_required")
            #expect(
                await outcome { _ = try await service.flag(flag, by: ProposalTests.resident(2)) }
                    == "committee_member_required")
            #expect(await outcome { _ = try await service.flag(flag, by: worker) } == "committee_member_required")
            let missing = ReviewService.Flag(subjectKind: .vote, subjectId: "nope", reason: "理由充分的说明")
            #expect(
                await outcome { _ = try await service.flag(missing, by: ProposalTests.resident(1)) } == "vote_not_found"
            )
            let short = ReviewService.Flag(subjectKind: .meeting, subjectId: meeting.id, reason: "短")
            #expect(
                await outcome { _ = try await service.flag(short, by: ProposalTests.resident(1)) } == "invalid_field")

            let review = try await service.flag(flag, by: ProposalTests.resident(1))
            #expect(review.subjectTitle == "十二月居民议事会" && review.finding == nil)
            #expect(
                await outcome {
                    _ = try await service.publish(review.id, finding: "经核查属实，已要求改正", by: ProposalTests.resident(3))
                }
                    == "committee_member_required")
            let published = try await service.publish(
                review.id, finding: "经核查属实，社区已承诺今后提前七天张贴通知。", by: ProposalTests.resident(1))
            #expect(published.finding?.hasPrefix("经核查属实") == true && published.publishedAt != nil)
            #expect(
                await outcome {
                    _ = try await service.publish(review.id, finding: "再次发布的意见内容", by: ProposalTests.resident(1))
                }
                    == "review_published")
            #expect(try await service.reviews.reviews(community: community).map(\.id) == [review.id])
        }
    }
}
