import Foundation
import HTTPTypes
import Identity
import Logging
import Platform
import Population
import ServiceLifecycle
import Territory

/// The society context's front door: the registry of social organizations, volunteers with activities, shifts, a
/// waitlist, check-in at the place and organizer-verified hours, and public statistics. Publishes
/// ``VolunteerService`` and ``OrganizationService``.
public struct SocietyModule: ContextModule {
    public static let name = "society"
    public static var migrations: [any Migration] { SocietyMigrations.all }

    let platform: PlatformServices
    let volunteering: VolunteerService
    let organizations: OrganizationService
    let divisions: DivisionRepository
    let register: RegisterRepository?
    let accounts: AccountRepository?

    /// Needs the territory's ``DivisionRepository``; reads account names and communities from ``IdentityService``.
    public init(platform: PlatformServices, ports: inout ModulePorts) throws {
        self.platform = platform
        self.divisions = try ports.require(DivisionRepository.self)
        self.register = ports.optional(RegisterRepository.self)
        self.accounts = ports.optional(IdentityService.self)?.accounts
        self.volunteering = VolunteerService(
            database: platform.database, divisions: self.divisions, accounts: self.accounts)
        self.organizations = OrganizationService(volunteering: self.volunteering)
        ports.publish(self.volunteering)
        ports.publish(self.organizations)
    }

    public var templateDirectories: [String] { [SocietyPages.templateDirectory] }

    public var actions: [Action] { [.superviseOrganizations, .organizeVolunteering] }

    public var services: [any Service] {
        [ShiftReminderService(service: self.volunteering, logger: self.platform.logger)]
    }

    public var navigation: [NavigationEntry] {
        [
            NavigationEntry(
                id: "nav-volunteer", label: LocalizedText(zh: "志愿服务", en: "Volunteering"), path: "/society",
                tab: .community, order: 40),
            NavigationEntry(
                id: "nav-volunteer-hours", label: LocalizedText(zh: "我的志愿时长", en: "My volunteer hours"),
                path: "/society/me/hours", tab: .affairs, order: 70, signedInOnly: true),
            NavigationEntry(
                id: "nav-organizations", label: LocalizedText(zh: "社会组织", en: "Social organizations"),
                path: "/society/organizations", tab: .community, order: 45),
            NavigationEntry(
                id: "nav-society-statistics", label: LocalizedText(zh: "志愿服务统计", en: "Volunteering statistics"),
                path: "/society/statistics", tab: .community, order: 46),
        ]
    }

    public var consoleMenu: [ConsoleMenuEntry] {
        let hours = self.volunteering.hours
        return [
            ConsoleMenuEntry(
                id: "menu-volunteer-hours", label: LocalizedText(zh: "待认证志愿时长", en: "Volunteer hours to verify"),
                path: "/console/society", action: .organizeVolunteering, order: 70,
                count: { principal in
                    try await hours.waiting(
                        inside: Authorization.scopePrefix(principal.scope ?? "-"), organizations: []
                    ).count
                }),
            ConsoleMenuEntry(
                id: "menu-organizations", label: LocalizedText(zh: "社会组织核验", en: "Organizations to verify"),
                path: "/console/society/organizations", action: .superviseOrganizations, order: 71),
        ]
    }

    public var openAPI: OpenAPIFragment? {
        Bundle.module.path(forResource: "openapi-society", ofType: "yaml").flatMap {
            try? OpenAPIFragment(contentsOf: $0)
        }
    }

    public func seedDemo(seed: UInt64) async throws {
        let created = try await SocietyDemoSeeder(
            platform: self.platform, volunteering: self.volunteering, organizations: self.organizations,
            divisions: self.divisions, register: self.register, accounts: self.accounts
        ).seed(seed: seed)
        self.platform.logger.info("demo.society", metadata: ["volunteers": "\(created)"])
    }

    public func register(on routes: ModuleRoutes) {
        VolunteerAPI(service: self.volunteering).register(on: routes.api)
        ActivityAPI(service: self.volunteering).register(on: routes.api)
        OrganizationAPI(service: self.organizations).register(on: routes.api)
        StatisticsAPI(statistics: self.volunteering.statistics, divisions: self.divisions).register(on: routes.api)
        SocietyPages(service: self.volunteering, renderer: routes.renderer).register(on: routes.router)
        SocietyConsolePages(service: self.volunteering, organizations: self.organizations, renderer: routes.renderer)
            .register(on: routes.router)
        SocietyPublicPages(
            organizations: self.organizations, statistics: self.volunteering.statistics, divisions: self.divisions,
            renderer: routes.renderer
        ).register(on: routes.router)
    }
}

/// The public statistics API.
struct StatisticsAPI: Sendable {
    let statistics: SocietyStatisticsRepository
    let divisions: DivisionRepository

    func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/society/statistics") { request, context in
            let query = try QueryParameters(request, allowed: ["division"])
            let code = query.string("division") ?? "510100"
            guard code.count <= 12, !code.isEmpty, code.allSatisfy(\.isNumber) else {
                throw Problem.invalidParameter("division", zh: "区划代码无效。", en: "division is a division code.")
            }
            return try await SocietyStatistics.load(
                code, statistics: self.statistics, divisions: self.divisions, now: CityClock.now())
        }
    }
}
