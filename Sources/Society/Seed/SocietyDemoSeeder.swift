import Foundation
import Identity
import Platform
import Population
import Territory

/// Demo society data at the report's proportions (11,000 organizations and 160,000 volunteers for the whole
/// city), scaled by the register's size against the city's 21 million residents, spread over the communities:
/// organizations (most verified), volunteers, past activities whose hours were verified (so statistics have
/// months), and upcoming activities in the demo resident's community. Everything goes through the services. Runs
/// once: a second run finds activities and adds nothing.
struct SocietyDemoSeeder: Sendable {
    let platform: PlatformServices
    let volunteering: VolunteerService
    let organizations: OrganizationService
    let divisions: DivisionRepository
    let register: RegisterRepository?
    let accounts: AccountRepository?

    static let officer = Principal(subject: "demo-seed", role: .cityOfficer, scope: "510100", level: 3)

    /// Seeds; returns the number of volunteers created.
    func seed(seed: UInt64) async throws -> Int {
        guard try await self.volunteering.activities.activities(inside: "51", after: nil, limit: 1).items.isEmpty
        else { return 0 }
        let residents = try await self.register?.totals().residents ?? 0
        let scale = Double(residents) / 21_000_000
        let communities = try await self.communities()
        guard !communities.isEmpty else { return 0 }
        let now = CityClock.now()
        var random = SeedRandom(state: seed)
        let organizationCount = max(3, Int((11_000 * scale).rounded()))
        for index in 0..<organizationCount {
            try await self.organization(
                index, community: communities[index * communities.count / organizationCount], random: &random)
        }
        let volunteerCount = max(24, Int((160_000 * scale).rounded()))
        var byCommunity: [String: [String]] = [:]
        for index in 0..<volunteerCount {
            let community = communities[Int(random.next() % UInt64(communities.count))]
            let subject = "demo-volunteer-\(index)"
            _ = try await self.volunteering.optIn(
                Principal(subject: subject, role: .resident, scope: nil, level: 2),
                .init(
                    communityCode: community, skills: [["助老", "理发"], ["外语"], ["急救", "巡逻"], []][index % 4],
                    availability: index % 2 == 0 ? "周末" : "工作日晚上"))
            byCommunity[community, default: []].append(subject)
        }
        // Six past months of activities in the communities with volunteers, hours verified at the time.
        for (offset, (community, subjects)) in byCommunity.sorted(by: { $0.key < $1.key }).enumerated() {
            for month in 0..<6 where (offset + month) % 2 == 0 {
                let start = now - Int64(month * 30 + 3) * 86_400 - Int64(offset % 7) * 3600
                try await self.past(community: community, volunteers: subjects, start: start)
            }
        }
        try await self.upcoming(now: now, fallback: communities[0])
        return volunteerCount
    }

    /// The communities of the city, in code order.
    func communities() async throws -> [String] {
        var codes: [String] = []
        var after: String? = nil
        repeat {
            let page = try await self.divisions.list(.init(level: .community), after: after, limit: 1000)
            codes += page.items.map(\.code)
            after = page.more ? page.items.last?.code : nil
        } while after != nil
        return codes
    }

    /// Registers one organization with a valid credit code; nine in ten are verified.
    func organization(_ index: Int, community: String, random: inout SeedRandom) async throws {
        let kind = Organization.Kind.allCases[index % 3]
        let areas = [["养老服务", "助餐"], ["青少年", "四点半课堂"], ["环境保护"], ["文化体育"], ["法律援助", "调解"]][index % 5]
        var code: String? = nil
        if kind != .communitySelfOrganization {
            // Registration authority 5 (civil affairs), type 2, the seat's district, a 9-character organization code.
            let body = "52" + String(community.prefix(6)) + String(format: "MJ%07d", Int(random.next() % 9_999_999))
            code = CreditCode.complete(body)
        }
        let names = ["邻里", "同心", "芙蓉", "锦城", "和美", "善治"]
        let suffix = [
            Organization.Kind.socialOrganization: "服务中心", .socialEnterprise: "社会企业", .communitySelfOrganization: "志愿队",
        ]
        let manager = Principal(subject: "demo-org-manager-\(index)", role: .resident, scope: nil, level: 2)
        let organization = try await self.organizations.register(
            .init(
                kind: kind.rawValue, name: "\(names[index % names.count])\(areas[0])\(suffix[kind] ?? "")\(index + 1)号",
                creditCode: code, legalRepresentative: "负责人\(index + 1)", serviceAreas: areas,
                communityCode: community, communitiesServed: [community]), by: manager)
        if index % 10 != 9 {
            _ = try await self.organizations.decide(organization.id, verify: true, reason: nil, by: Self.officer)
        }
    }

    /// A finished activity in `community`: every volunteer signs up, checks hours in, the community verifies them.
    func past(community: String, volunteers: [String], start: Int64) async throws {
        let before = self.volunteering.at(start - 86_400)
        let (_, shifts) = try await before.post(
            ActivityPlan(
                communityCode: community, title: "社区环境清洁日", description: "清理楼道与绿地，工具由社区提供。",
                place: "社区广场", lat: 30.657, lon: 104.066, skills: [],
                shifts: [ShiftPlan(kind: .fixed, startsAt: start, endsAt: start + 3 * 3600, capacity: volunteers.count)]
            ),
            by: Self.officer)
        let after = self.volunteering.at(start + 4 * 3600)
        for subject in volunteers {
            let principal = Principal(subject: subject, role: .resident, scope: nil, level: 2)
            guard let signup = try? await before.signUp(principal, shift: shifts[0].id) else { continue }
            let record = try await after.reportHours(principal, signup: signup.id, minutes: 150, note: "")
            _ = try await after.review(Self.officer, hours: record.id, verify: true, note: "")
        }
    }

    /// Upcoming activities in the demo resident's community (or the first one), and the resident as a volunteer.
    func upcoming(now: Int64, fallback: String) async throws {
        let resident = try await self.accounts?.find(signInName: "13800138000")
        let community = resident?.communityCode ?? fallback
        let tomorrow = (CityClock.startOfDay(CityClock.localDate(now)) ?? now) + 86_400 + 9 * 3600
        _ = try await self.volunteering.post(
            ActivityPlan(
                communityCode: community, title: "为独居老人送餐", description: "社区食堂出餐，志愿者分片送到老人家中。",
                place: "社区长者食堂", lat: 30.6571, lon: 104.0806, skills: ["助老"],
                shifts: [
                    ShiftPlan(kind: .fixed, startsAt: tomorrow + 2 * 3600, endsAt: tomorrow + 4 * 3600, capacity: 6),
                    ShiftPlan(kind: .fixed, startsAt: tomorrow + 8 * 3600, endsAt: tomorrow + 10 * 3600, capacity: 6),
                ]), by: Self.officer)
        _ = try await self.volunteering.post(
            ActivityPlan(
                communityCode: community, title: "社区图书角值守", description: "一周内任选时间值守两小时。",
                place: "社区党群服务中心图书角", lat: 30.6566, lon: 104.0812, skills: [],
                shifts: [
                    ShiftPlan(kind: .window, startsAt: now, endsAt: now + 7 * 86_400, capacity: 20, maxMinutes: 120)
                ]),
            by: Self.officer)
        if let resident {
            _ = try await self.volunteering.optIn(
                resident.principal, .init(communityCode: community, skills: ["助老"], availability: "周末"))
        }
    }
}

/// SplitMix64, so demo data follows the seed.
struct SeedRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
