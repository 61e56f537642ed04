import Foundation
import Identity
import Logging
import Platform
import ServiceHall
import ServiceLifecycle
import Territory

/// The cases context's front door: four-level linkage of residents' cases (report → route → handle → escalate →
/// close → rate), joint meetings, public statistics and the Open311 GeoReport v2 endpoint. Publishes
/// ``CaseService``.
public struct CasesModule: ContextModule {
    public static let name = "cases"
    public static var migrations: [any Migration] { CasesMigrations.all }

    let database: Database
    let service: CaseService
    let logger: Logger
    let keys: Open311Keys
    let identity: IdentityService
    let divisions: DivisionRepository

    /// Needs the territory's ``DivisionRepository``, the identity context's ``ResidentRegistration`` and the
    /// service hall's ``CatalogStore`` (departments); uses a ``CommunityLocator`` when one is published (the life
    /// circle's) to place reports that come with a position only.
    public init(platform: PlatformServices, ports: inout ModulePorts) throws {
        self.database = platform.database
        self.logger = platform.logger
        self.identity = try ports.require(IdentityService.self)
        self.divisions = try ports.require(DivisionRepository.self)
        self.service = CaseService(
            database: platform.database, divisions: self.divisions,
            registration: try ports.require(ResidentRegistration.self),
            departments: CatalogDepartments(catalog: try ports.require(CatalogStore.self)), cipher: platform.cipher,
            locator: ports.optional((any CommunityLocator).self), publicBaseURL: platform.issuer)
        self.keys = Open311Keys(database: platform.database)
        ports.publish(self.service)
    }

    public var templateDirectories: [String] { [CasePages.templateDirectory] }

    public var actions: [Action] { [.handleCases, .handleDepartmentCases, .routeCases, .holdJointMeetings] }

    public var services: [any Service] { [CaseDeadlineService(service: self.service, logger: self.logger)] }

    public var navigation: [NavigationEntry] {
        [
            NavigationEntry(
                id: "nav-cases", label: LocalizedText(zh: "随手拍", en: "Report a problem"), path: "/cases/new",
                tab: .community, order: 60),
            NavigationEntry(
                id: "nav-my-cases", label: LocalizedText(zh: "我的诉求", en: "My cases"), path: "/me/cases",
                tab: .affairs, order: 60, signedInOnly: true),
            NavigationEntry(
                id: "nav-open-cases", label: LocalizedText(zh: "诉求公开", en: "Cases in the open"),
                path: "/open/cases", tab: .community, order: 65),
        ]
    }

    public var consoleMenu: [ConsoleMenuEntry] {
        let cases = self.service.cases
        return [
            ConsoleMenuEntry(
                id: "menu-cases", label: LocalizedText(zh: "诉求办理", en: "Cases to handle"), path: "/console/cases",
                action: .handleCases, order: 30,
                count: { principal in
                    try await cases.count(try CaseOfficialAPI.inbox(principal, view: .open))
                }),
            ConsoleMenuEntry(
                id: "menu-cases-overdue", label: LocalizedText(zh: "逾期诉求", en: "Overdue cases"),
                path: "/console/cases?view=overdue", action: .handleCases, order: 31,
                count: { principal in
                    try await cases.count(try CaseOfficialAPI.inbox(principal, view: .overdue))
                }),
            ConsoleMenuEntry(
                id: "menu-cases-escalated", label: LocalizedText(zh: "上报待协调", en: "Escalated to me"),
                path: "/console/cases?view=escalated", action: .holdJointMeetings, order: 32,
                count: { principal in
                    try await cases.count(try CaseOfficialAPI.inbox(principal, view: .escalated))
                }),
            ConsoleMenuEntry(
                id: "menu-case-rules", label: LocalizedText(zh: "诉求分派规则", en: "Case routing rules"),
                path: "/console/cases/rules", action: .routeCases, order: 34),
            ConsoleMenuEntry(
                id: "menu-meetings", label: LocalizedText(zh: "联席会议", en: "Joint meetings"),
                path: "/console/meetings", action: .holdJointMeetings, order: 33),
            ConsoleMenuEntry(
                id: "menu-department-cases", label: LocalizedText(zh: "部门诉求", en: "Department cases"),
                path: "/console/cases", action: .handleDepartmentCases, order: 30,
                count: { principal in
                    try await cases.count(try CaseOfficialAPI.inbox(principal, view: .open))
                }),
        ]
    }

    public var openAPI: OpenAPIFragment? {
        Bundle.module.path(forResource: "openapi-cases", ofType: "yaml").flatMap {
            try? OpenAPIFragment(contentsOf: $0)
        }
    }

    public func seedDemo(seed: UInt64) async throws {
        let resident = try await self.identity.accounts.find(signInName: "13800138000")?.id
        let created = try await CasesDemoSeeder(service: self.service, divisions: self.divisions, residentID: resident)
            .seed(seed: seed)
        self.logger.info("demo.cases", metadata: ["new_cases": "\(created)"])
    }

    public func register(on routes: ModuleRoutes) {
        CaseAPI(service: self.service).register(on: routes.api)
        CaseOfficialAPI(service: self.service).register(on: routes.api)
        Open311Routes(service: self.service, keys: self.keys).register(on: routes.api)
        MeetingAPI(service: self.service).register(on: routes.api)
        let statistics = StatisticsRepository(database: self.database)
        PublicCaseAPI(service: self.service, statistics: statistics).register(on: routes.api)
        CasePages(service: self.service, renderer: routes.renderer).register(on: routes.router)
        CaseConsolePages(service: self.service, renderer: routes.renderer).register(on: routes.router)
        CaseRulePages(service: self.service, renderer: routes.renderer).register(on: routes.router)
        CasePublicPages(service: self.service, statistics: statistics, renderer: routes.renderer)
            .register(on: routes.router)
    }
}

/// Departments as the service hall's catalog lists them.
struct CatalogDepartments: CaseDepartments {
    let catalog: CatalogStore

    func name(of departmentID: String) async throws -> LocalizedText? {
        try await self.catalog.snapshot().department(departmentID)?.name
    }

    func all() async throws -> [(id: String, name: LocalizedText)] {
        try await self.catalog.snapshot().catalog.departments.map { ($0.id, $0.name) }
    }
}
