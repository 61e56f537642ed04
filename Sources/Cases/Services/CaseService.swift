import Foundation
import HTTPTypes
import Identity
import Logging
import Notifications
import Platform
import Population
import SQLKit
import Territory

/// The use cases of the cases context: report (with routing), the workflow's transitions, escalation, rating,
/// revisits. Every change is one transaction: a compare-and-set on the case's version, its history row, and the
/// notices to the reporter and followers, so two concurrent transitions never both win and nothing is half done.
public struct CaseService: Sendable {
    let database: Database
    public let cases: CaseRepository
    public let categories: CategoryRepository
    let divisions: DivisionRepository
    let registration: ResidentRegistration?
    let departments: any CaseDepartments
    let cipher: PersonalDataCipher
    let clock: @Sendable () -> Int64
    /// Places a report that has only a position (nil: such reports must name their community).
    let locator: (any CommunityLocator)?
    /// The server's public base URL (for links in Open311 discovery).
    let publicBaseURL: String

    public init(
        database: Database, divisions: DivisionRepository, registration: ResidentRegistration?,
        departments: any CaseDepartments, cipher: PersonalDataCipher, locator: (any CommunityLocator)? = nil,
        publicBaseURL: String = "", clock: @escaping @Sendable () -> Int64 = { CityClock.now() }
    ) {
        self.locator = locator
        self.publicBaseURL = publicBaseURL
        self.database = database
        self.cases = CaseRepository(database: database)
        self.categories = CategoryRepository(database: database)
        self.divisions = divisions
        self.registration = registration
        self.departments = departments
        self.cipher = cipher
        self.clock = clock
    }

    /// Who submits a report.
    public enum Reporter: Sendable {
        /// A signed-in resident (community defaults to the registered one).
        case resident(Principal)
        /// An official reporting for a resident inside the official's scope.
        case official(Principal)
        /// A department system or Open311 client holding an API key; `contact` is personal data, sealed at rest.
        case system(keyID: String, contact: String?)
    }

    /// Validates, routes and stores a report; returns the new case.
    public func report(_ report: CaseReport, by reporter: Reporter) async throws -> CaseRecord {
        let valid = try ValidReport(report)
        let categories = try await self.categories.categories()
        guard let category = categories.first(where: { $0.code == valid.category }) else {
            throw CasesProblem.unknownCategory(valid.category)
        }
        let community = try await self.community(for: valid, reporter: reporter)
        let routing = try await self.route(category: category.code, community: community)
        let calendar = try await self.categories.calendar()
        let now = self.clock()
        let promised = calendar.deadline(after: now, workingDays: category.deadlineDays)
        let (account, source): (String?, String) =
            switch reporter {
            case .resident(let principal): (principal.subject, "resident")
            case .official(let principal): (nil, "worker:\(principal.subject)")
            case .system(let key, _): (nil, "open311:\(key)")
            }
        var sealed: [UInt8]? = nil
        if case .system(_, let text?) = reporter, !text.isEmpty { sealed = self.cipher.seal(text) }
        let contact = sealed
        let record = CaseRecord(
            id: SortableID.make(), divisionCode: community, ownerCode: community, ownerLevel: .community,
            departmentID: routing.departmentId, categoryCode: category.code, routingRuleID: routing.id,
            status: .received, version: 1, description: valid.description, address: valid.address, lat: valid.lat,
            lon: valid.lon, source: source, reporterAccountID: account, mediaURL: valid.mediaURL, escalations: 0,
            rating: nil, ratingComment: nil, createdAt: now, updatedAt: now, promisedAt: promised, dueAt: promised,
            resolvedAt: nil, closedAt: nil)
        let event = CaseEvent(
            seq: 1, command: "report", fromStatus: nil, toStatus: .received, ownerCode: community,
            departmentId: routing.departmentId, actorKind: account == nil ? CaseActor.system.rawValue : "reporter",
            note:
                "routed by rule \(routing.id) (\(routing.divisionPrefix.isEmpty ? "city-wide" : routing.divisionPrefix)) to \(routing.departmentId)",
            createdAt: now)
        try await self.database.transaction { sql in
            try await self.cases.insert(record, contact: contact, photos: valid.photos, event: event, on: sql)
            if let account {
                try await Notifier().enqueue(CaseNotice.draft(for: record, event: event, to: account), on: sql)
            }
        }
        return record
    }

    /// The community a report belongs to: the one given (checked), else the one at the report's position, else the
    /// resident's registered one; refused when none applies.
    func community(for report: ValidReport, reporter: Reporter) async throws -> String {
        var code = report.communityCode
        if code == nil, let lat = report.lat, let lon = report.lon, let locator = self.locator {
            code = try await locator.community(atLatitude: lat, longitude: lon)
        }
        if code == nil, case .resident(let principal) = reporter {
            code = try await self.registration?.membership(of: principal)?.communityCode
        }
        guard let code else {
            if report.lat != nil {
                throw CasesProblem.invalidReport(
                    "lat", zh: "该位置附近没有本市的社区，请选择问题所在的社区。",
                    en: "No community of the city is near this position; choose the community where the problem is.")
            }
            throw CasesProblem.invalidReport(
                "communityCode", zh: "请选择问题所在的社区。", en: "Choose the community where the problem is.")
        }
        guard let division = try await self.divisions.find(code), division.level == .community else {
            throw CasesProblem.unknownCommunity(code)
        }
        if case .official(let principal) = reporter {
            try Authorization.require(principal, .handleCases, divisionCode: code)
        }
        return code
    }

    /// The routing decision for a category in a community: the rule with the longest matching prefix.
    public func route(category: String, community: String) async throws -> RoutingRule {
        guard let rule = RoutingRule.pick(try await self.categories.rules(), category: category, community: community)
        else { throw CasesProblem.unknownCategory(category) }
        return rule
    }

    /// Whether `principal` may read the case's full record (not only the public view).
    public func canSee(_ record: CaseRecord, _ principal: Principal?) -> Bool {
        guard let principal else { return false }
        if principal.role == .resident { return record.reporterAccountID == principal.subject }
        return Authorization.permits(principal, .handleCases, divisionCode: record.ownerCode)
            || Authorization.permits(principal, .handleCases, divisionCode: record.divisionCode)
            || Authorization.permits(principal, .handleDepartmentCases, department: record.departmentID)
    }

    /// The case if `principal` may see it; 404 otherwise (a stranger learns nothing).
    public func visible(_ id: String, to principal: Principal?) async throws -> CaseRecord {
        guard principal != nil else { throw AuthorizationProblem.unauthenticated }
        guard let record = try await self.cases.find(id), self.canSee(record, principal) else {
            throw CasesProblem.notFound(id)
        }
        return record
    }

    /// The kind of actor `principal` is for this case, or the 403/404 that refuses it.
    func actor(_ principal: Principal, for record: CaseRecord) throws -> CaseActor {
        switch principal.role {
        case .resident:
            guard record.reporterAccountID == principal.subject else { throw CasesProblem.notFound(record.id) }
            return .reporter
        case .departmentStaff:
            guard Authorization.permits(principal, .handleDepartmentCases, department: record.departmentID) else {
                throw AuthorizationProblem.forbidden
            }
            return .department
        default:
            guard Authorization.permits(principal, .handleCases, divisionCode: record.ownerCode) else {
                throw AuthorizationProblem.forbidden
            }
            return .official
        }
    }
}

/// Looks departments up in the service catalog (wired to the service hall's catalog by the module).
public protocol CaseDepartments: Sendable {
    /// The department's name when the catalog has it.
    func name(of departmentID: String) async throws -> LocalizedText?
    /// Every department, with its name, in the catalog's order.
    func all() async throws -> [(id: String, name: LocalizedText)]
}
