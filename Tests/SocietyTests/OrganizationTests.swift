import Foundation
import Platform
import Society
import TestSupport
import Testing

/// The credit code check and the registry: registration, officials' decisions, the directory, the statistics.
@Suite struct OrganizationTests {
    /// Published codes: the GB 32100-2015 example, Huawei, Tencent, Alibaba, the Red Cross Foundation.
    static let published = [
        "91350100M000100Y43", "914403001922038216", "91440300708461136T", "91330100799655058B", "53100000500021676K",
    ]

    @Test func creditCodes() {
        for code in Self.published {
            #expect(CreditCode.validate(code) == .success(code), "\(code)")
            #expect(CreditCode.complete(String(code.prefix(17))) == code)
        }
        #expect(CreditCode.validate("91350100m000100y43") == .success("91350100M000100Y43"))
        // One character changed, two swapped, a forbidden letter, a wrong length.
        #expect(CreditCode.validate("91350100M000100Y44") == .failure(.checkCharacter(expected: "3")))
        #expect(CreditCode.validate("914403001922038261") != .success("914403001922038261"))
        #expect(CreditCode.validate("91440300708461I36T") == .failure(.character(position: 15)))
        #expect(CreditCode.validate("9144030070846113") == .failure(.length))
        #expect(CreditCode.validate("91330100799655O58B") == .failure(.character(position: 15)))
        // Every single-character change of a valid code is caught.
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var code = Array(Self.published[1])
        for position in 0..<17 {
            let original = code[position]
            for replacement in alphabet where replacement != original {
                code[position] = replacement
                #expect(CreditCode.validate(String(code)) != .success(String(code)))
            }
            code[position] = original
        }
    }

    @Test(arguments: TestBackend.available)
    func registryDecisionsAndDirectory(_ backend: TestBackend) async throws {
        try await SocietyFixture.with(backend) { volunteering, _, _ in
            let service = OrganizationService(volunteering: volunteering)
            let manager = SocietyFixture.resident(1)
            func registration(_ code: String?, kind: String = "social_organization", name: String = "和平邻里服务中心")
                -> OrganizationService.Registration
            {
                try! JSONDecoder().decode(
                    OrganizationService.Registration.self,
                    from: Data(
                        """
                        {"kind":"\(kind)","name":"\(name)","legalRepresentative":"李华",\
                        "serviceAreas":["养老服务","助餐"],"communityCode":"\(SocietyFixture.communityA)"\
                        \(code.map { ",\"creditCode\":\"\($0)\"" } ?? "")}
                        """.utf8))
            }
            #expect(
                await problemCode { _ = try await service.register(registration("91350100M000100Y44"), by: manager) }
                    == "invalid_credit_code")
            #expect(
                await problemCode { _ = try await service.register(registration(nil), by: manager) }
                    == "invalid_credit_code")
            #expect(
                await problemCode {
                    _ = try await service.register(registration(Self.published[0]), by: SocietyFixture.workerA)
                } == "forbidden")
            let organization = try await service.register(registration(Self.published[0]), by: manager)
            #expect(organization.status == .pending)
            #expect(
                await problemCode {
                    _ = try await service.register(registration(Self.published[0], name: "另一个"), by: manager)
                } == "credit_code_taken")
            let selfOrganized = try await service.register(
                registration(nil, kind: "community_self_organization", name: "和平社区巡逻队"), by: SocietyFixture.resident(2))
            #expect(selfOrganized.creditCode == nil)

            // Pending organizations are not in the directory, nor may they post activities.
            #expect(try await service.organizations.search(OrganizationFilter(), after: nil, limit: 10).items.isEmpty)
            let start = Int64(1_800_000_000 + 86_400)
            let plan = ActivityPlan(
                communityCode: SocietyFixture.communityA, organizationID: organization.id, title: "义诊", description: "",
                place: "社区广场", lat: 30.657, lon: 104.08,
                shifts: [ShiftPlan(kind: .fixed, startsAt: start, endsAt: start + 3600, capacity: 5)])
            #expect(
                await problemCode { _ = try await volunteering.post(plan, by: manager) } == "organization_not_active")

            // Only officials whose scope holds the seat decide.
            #expect(
                await problemCode {
                    _ = try await service.decide(organization.id, verify: true, reason: nil, by: SocietyFixture.workerC)
                } == "forbidden")
            #expect(
                await problemCode {
                    _ = try await service.decide(organization.id, verify: true, reason: nil, by: manager)
                } == "forbidden")
            _ = try await service.decide(organization.id, verify: true, reason: nil, by: SocietyFixture.workerA)
            _ = try await service.decide(selfOrganized.id, verify: true, reason: nil, by: SocietyFixture.district)
            #expect(
                await problemCode {
                    _ = try await service.decide(organization.id, verify: true, reason: nil, by: SocietyFixture.workerA)
                } == "organization_state")
            // The manager posts now; another resident may not post for it.
            #expect(
                await problemCode { _ = try await volunteering.post(plan, by: SocietyFixture.resident(2)) }
                    == "forbidden")
            let (activity, _) = try await volunteering.post(plan, by: manager)
            #expect(try await volunteering.organizes(manager, activity))
            #expect(try await !volunteering.organizes(SocietyFixture.resident(2), activity))

            var filter = OrganizationFilter()
            filter.text = "邻里"
            #expect(
                try await service.organizations.search(filter, after: nil, limit: 10).items.map(\.id) == [
                    organization.id
                ])
            filter = OrganizationFilter()
            filter.kind = .communitySelfOrganization
            #expect(
                try await service.organizations.search(filter, after: nil, limit: 10).items.map(\.id) == [
                    selfOrganized.id
                ])
            #expect(
                try await volunteering.statistics.totals(of: "510104").organizations == 2)

            #expect(
                await problemCode {
                    _ = try await service.decide(organization.id, verify: false, reason: "", by: SocietyFixture.workerA)
                } == "invalid_input")
            let suspended = try await service.decide(
                organization.id, verify: false, reason: "年报逾期未报", by: SocietyFixture.workerA)
            #expect(suspended.statusReason == "年报逾期未报")
            #expect(
                try await volunteering.statistics.totals(of: "510104").organizations == 1)
            #expect(
                await problemCode { _ = try await volunteering.post(plan, by: manager) } == "organization_not_active")

            // Yearly reports: managers only.
            let report = OrganizationReport(
                year: 2026, summary: "全年服务老人3200人次", volunteers: 40, incomeFen: 12_000_000, submittedAt: 0)
            #expect(
                await problemCode {
                    try await service.fileReport(organization.id, report, by: SocietyFixture.resident(2))
                } == "organization_not_found")
            try await service.fileReport(organization.id, report, by: manager)
            #expect(try await service.organizations.reports(organization.id).map(\.year) == [2026])
        }
    }
}
