import Foundation
import HTTPTypes
import Platform
import SQLKit
import Territory

/// The registry's use cases: a resident registers an organization and manages it; officials of the seat's scope
/// verify and suspend it; managers file yearly reports. Verified organizations count in the statistics.
public struct OrganizationService: Sendable {
    let database: Database
    public let organizations: OrganizationRepository
    let statistics: SocietyStatisticsRepository
    let volunteering: VolunteerService
    let clock: @Sendable () -> Int64

    public init(volunteering: VolunteerService, clock: @escaping @Sendable () -> Int64 = { CityClock.now() }) {
        self.database = volunteering.database
        self.organizations = volunteering.organizations
        self.statistics = volunteering.statistics
        self.volunteering = volunteering
        self.clock = clock
    }

    /// What a resident gives to register an organization.
    public struct Registration: Sendable, Decodable {
        public var kind: String?
        public var name: String?
        public var creditCode: String?
        public var legalRepresentative: String?
        public var serviceAreas: [String]?
        public var communityCode: String?
        public var communitiesServed: [String]?
    }

    /// Registers an organization (pending until verified); the resident becomes its first manager. A community
    /// self-organization may have no credit code; every other kind must have a valid one.
    public func register(_ input: Registration, by principal: Principal) async throws -> Organization {
        try Authorization.requireResident(principal)
        guard let kind = input.kind.flatMap(Organization.Kind.init(rawValue:)) else {
            throw SocietyProblem.invalid(
                "kind", zh: "请选择组织类型。",
                en: "kind is one of \(Organization.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...100).contains(name.count) else {
            throw SocietyProblem.invalid("name", zh: "名称为2至100字。", en: "The name has 2 to 100 characters.")
        }
        let representative = (input.legalRepresentative ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...50).contains(representative.count) else {
            throw SocietyProblem.invalid(
                "legalRepresentative", zh: "请填写法定代表人或负责人。", en: "Give the legal representative (up to 50 characters).")
        }
        var creditCode: String? = nil
        if let text = input.creditCode?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            switch CreditCode.validate(text) {
            case .success(let code): creditCode = code
            case .failure(let refusal): throw SocietyProblem.invalidCreditCode(refusal)
            }
        } else if kind != .communitySelfOrganization {
            throw SocietyProblem.invalidCreditCode(.length)
        }
        guard let seat = input.communityCode else {
            throw SocietyProblem.invalid("communityCode", zh: "请填写所在社区。", en: "Give the community it is seated in.")
        }
        try await self.volunteering.requireCommunity(seat, field: "communityCode")
        let served = Array(Set(input.communitiesServed ?? [seat])).sorted()
        guard served.count <= 50 else {
            throw SocietyProblem.invalid("communitiesServed", zh: "最多50个社区。", en: "At most 50 communities.")
        }
        for code in served { try await self.volunteering.requireCommunity(code, field: "communitiesServed") }
        let areas = (input.serviceAreas ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard areas.count <= 20, areas.allSatisfy({ $0.count <= 40 && !$0.contains(",") }) else {
            throw SocietyProblem.invalid(
                "serviceAreas", zh: "服务领域最多20项，每项不超过40字。", en: "At most 20 service areas of up to 40 characters.")
        }
        let code = creditCode
        let organization = Organization(
            id: SortableID.make(), kind: kind, name: name, creditCode: code,
            legalRepresentative: representative, serviceAreas: areas, communityCode: seat, communitiesServed: served,
            status: .pending, statusReason: nil, createdAt: self.clock())
        try await self.database.transaction { sql in
            if let code, try await self.organizations.creditCodeTaken(code, on: sql) {
                throw SocietyProblem.creditCodeTaken
            }
            try await self.organizations.insert(organization, manager: principal.subject, on: sql)
        }
        return organization
    }

    /// Verifies (from pending or suspended) or suspends (from verified) an organization; officials of the seat's
    /// scope only. A suspension needs a reason, published with the organization.
    public func decide(_ id: String, verify: Bool, reason: String?, by principal: Principal) async throws
        -> Organization
    {
        guard let organization = try await self.organizations.organization(id) else {
            throw SocietyProblem.notFound("organization", id)
        }
        try Authorization.require(principal, .superviseOrganizations, divisionCode: organization.communityCode)
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard verify || !(reason ?? "").isEmpty, (reason ?? "").count <= 500 else {
            throw SocietyProblem.invalid(
                "reason", zh: "暂停须说明原因（不超过500字）。", en: "A suspension needs a reason (up to 500 characters).")
        }
        let now = self.clock()
        return try await self.database.transaction { sql in
            let moved = try await self.organizations.setStatus(
                id, verify ? .verified : .suspended, from: verify ? [.pending, .suspended] : [.verified],
                reason: verify ? nil : reason, at: now, on: sql)
            guard moved else {
                throw Problem(
                    .conflict, code: "organization_state", zh: "该组织当前状态不能执行此操作。",
                    en: "The organization is \(organization.status.rawValue); this does not apply.")
            }
            try await self.statistics.add(
                community: organization.communityCode, organizations: verify ? 1 : -1, on: sql)
            return try await self.organizations.organization(id, on: sql) ?? organization
        }
    }

    /// Files the yearly report of an organization the resident manages.
    public func fileReport(_ id: String, _ report: OrganizationReport, by principal: Principal) async throws {
        guard try await self.organizations.organization(id) != nil,
            try await self.organizations.managed(by: principal.subject).contains(id)
        else { throw SocietyProblem.notFound("organization", id) }
        let year = Int(CityClock.localDate(self.clock()).prefix(4)) ?? 2026
        guard (2000...year).contains(report.year) else {
            throw SocietyProblem.invalid("year", zh: "年度无效。", en: "The year must be between 2000 and \(year).")
        }
        guard (1...4000).contains(report.summary.count), report.volunteers >= 0, report.incomeFen >= 0,
            report.volunteers <= 10_000_000, report.incomeFen <= 1_000_000_000_000
        else {
            throw SocietyProblem.invalid(
                "summary", zh: "请填写年度报告摘要（不超过4000字），人数和收入不为负。",
                en: "Give a summary of up to 4,000 characters; counts and income are not negative.")
        }
        try await self.database.transaction { sql in
            try await self.organizations.fileReport(id, report, on: sql)
        }
    }
}
