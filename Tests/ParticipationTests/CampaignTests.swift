import App
import Foundation
import Identity
import Participation
import Platform
import Population
import SQLKit
import TestSupport
import Testing

@Suite("Participation: consent campaigns")
struct CampaignTests {
    static let households = 120

    static func service(_ database: Database, clock: TestClock) throws -> CampaignService {
        let cipher = try TestApp.cipher
        let register = RegisterRepository(database: database)
        let eligibility = EligibilityChecker(
            registration: ResidentRegistration(
                accounts: AccountRepository(database: database, cipher: cipher), register: register, cipher: cipher),
            register: register, bodies: BodyRepository(database: database))
        return CampaignService(
            database: database, eligibility: eligibility, register: register, outbox: EventOutbox(database: database),
            now: { clock.now })
    }

    static func outcome(_ body: () async throws -> Void) async -> String {
        do {
            try await body()
            return "ok"
        } catch let problem as Problem { return problem.code } catch { return "error:\(error)" }
    }

    @Test(
        "sign and withdraw races never put the count off by one; the deadline fixes the outcome once",
        arguments: TestBackend.available)
    func races(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            try await ParticipationFixture.divisions(database)
            // Households 1…120 with two residents each (the first is the head), in buildings 1栋 and 2栋; 121…130 in 3栋.
            try await ParticipationFixture.enrol(
                database, residents: 1...(2 * Self.households + 20), householdOf: { ($0 + 1) / 2 },
                community: ParticipationFixture.communityA,
                address: { $0 <= Self.households ? "\($0 % 2 + 1)栋\($0)号" : "3栋\($0)号" })
            let clock = TestClock()
            let service = try Self.service(database, clock: clock)
            let official = Principal(
                subject: "official-a", role: .communityWorker, scope: ParticipationFixture.communityA, level: 3)
            let request = CampaignService.NewCampaign(
                titleZh: "老旧院落模拟搬迁", titleEn: "Old courtyard consent", description: "", buildings: ["1栋", "2栋"],
                thresholdPercent: 95, opensAt: CityClock.rfc3339(clock.now - 10),
                deadline: CityClock.rfc3339(clock.now + 3600))
            let outsider = Principal(subject: "resident-1", role: .resident, scope: nil, level: 2)
            #expect(
                await Self.outcome {
                    _ = try await service.create(
                        community: ParticipationFixture.communityA, request: request, by: outsider)
                } == "forbidden")
            let other = Principal(
                subject: "b", role: .communityWorker, scope: ParticipationFixture.communityB, level: 3)
            #expect(
                await Self.outcome {
                    _ = try await service.create(
                        community: ParticipationFixture.communityA, request: request, by: other)
                } == "forbidden")
            let campaign = try await service.create(
                community: ParticipationFixture.communityA, request: request, by: official)
            #expect(campaign.households == Self.households)

            func head(_ household: Int) -> Principal {
                Principal(subject: "resident-\(2 * household - 1)", role: .resident, scope: nil, level: 2)
            }
            // A member who is not the head, and a head of a household outside the buildings.
            let member = Principal(subject: "resident-2", role: .resident, scope: nil, level: 2)
            #expect(
                await Self.outcome { _ = try await service.sign(campaign.id, signed: true, principal: member) }
                    == "household_head_required")
            #expect(
                await Self.outcome {
                    _ = try await service.sign(campaign.id, signed: true, principal: head(Self.households + 1))
                } == "building_required")

            // Every head signs twice at once, withdraws, and heads of even households sign again.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for household in 1...Self.households {
                    group.addTask {
                        async let first = service.sign(campaign.id, signed: true, principal: head(household))
                        async let second = service.sign(campaign.id, signed: true, principal: head(household))
                        _ = try await (first, second)
                        _ = try await service.sign(campaign.id, signed: false, principal: head(household))
                        if household % 2 == 0 {
                            _ = try await service.sign(campaign.id, signed: true, principal: head(household))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let progress = try await service.progress(campaign.id)
            #expect(progress.signed == Self.households / 2 && !progress.reached)
            #expect(progress.missing == (95 * Self.households + 99) / 100 - Self.households / 2)

            clock.advance(3600)
            #expect(
                await Self.outcome { _ = try await service.sign(campaign.id, signed: true, principal: head(1)) }
                    == "campaign_closed")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 { group.addTask { try await service.decideDue() } }
                try await group.waitForAll()
            }
            let final = try await service.progress(campaign.id)
            #expect(final.campaign.state == "failed" && final.signed == Self.households / 2)
            let outbox = EventOutbox(database: database)
            let failed = try await outbox.events(topic: ParticipationEvents.campaignFailed)
            let succeeded = try await outbox.events(topic: ParticipationEvents.campaignSucceeded)
            #expect(failed.count == 1 && succeeded.isEmpty)
            #expect(try failed[0].decode(CampaignOutcome.self).signed == Self.households / 2)
        }
    }

    @Test("a campaign that reaches its threshold succeeds, with one event", arguments: TestBackend.available)
    func success(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            try await ParticipationFixture.divisions(database)
            try await ParticipationFixture.enrol(
                database, residents: 1...20, householdOf: { $0 }, community: ParticipationFixture.communityA,
                address: { "5栋\($0)号" })
            let clock = TestClock()
            let service = try Self.service(database, clock: clock)
            let campaign = try await service.create(
                community: ParticipationFixture.communityA,
                request: CampaignService.NewCampaign(
                    titleZh: "模拟搬迁", titleEn: "Consent", description: "", buildings: ["5栋"], thresholdPercent: 95,
                    opensAt: CityClock.rfc3339(clock.now), deadline: CityClock.rfc3339(clock.now + 60)),
                by: Principal(subject: "o", role: .streetOfficer, scope: "510104003", level: 3))
            for n in 1...19 {
                _ = try await service.sign(
                    campaign.id, signed: true,
                    principal: Principal(subject: "resident-\(n)", role: .resident, scope: nil, level: 2))
            }
            #expect(try await service.progress(campaign.id).reached)
            clock.advance(61)
            #expect(try await service.progress(campaign.id).campaign.state == "succeeded")
            try await service.decideDue()
            #expect(
                try await EventOutbox(database: database).events(topic: ParticipationEvents.campaignSucceeded).count
                    == 1)
        }
    }
}
