import Identity
import Platform
import Population
import Territory

/// The 15-minute life circle's front door: coverage of homes, facilities, what-if scenarios and the maps. Publishes
/// the ``CommunityLocator`` that places a point in the community of the nearest street.
public struct LivabilityModule: ContextModule {
    public static let name = "livability"
    public static var migrations: [any Migration] { LivabilityMigrations.all }

    let database: Database
    let service: LivabilityService

    /// Needs the identity context's ``ResidentRegistration`` (which home is the resident's).
    public init(platform: PlatformServices, ports: inout ModulePorts) throws {
        self.database = platform.database
        self.service = LivabilityService(
            database: platform.database,
            households: RegistrationHouseholds(registration: try ports.require(ResidentRegistration.self)))
        ports.publish(NetworkCommunityLocator(index: self.service.index), as: (any CommunityLocator).self)
    }

    public var templateDirectories: [String] { [LivabilityPages.templateDirectory] }
    public var actions: [Action] { [.manageFacilities, .viewLivability] }

    public var navigation: [NavigationEntry] {
        [
            NavigationEntry(
                id: "nav-near-me", label: LocalizedText(zh: "我身边", en: "Near me"), path: "/near-me",
                tab: .community, order: 70)
        ]
    }

    public func register(on routes: ModuleRoutes) {
        CoverageAPI(service: self.service).register(on: routes.api)
        FacilityAPI(service: self.service).register(on: routes.api)
        ScenarioAPI(service: self.service).register(on: routes.api)
        LivabilityPages(service: self.service, renderer: routes.renderer, database: self.database)
            .register(on: routes.router)
    }
}

/// The register household of a signed-in resident, as the identity context answers it.
struct RegistrationHouseholds: ResidentHouseholds {
    let registration: ResidentRegistration

    func household(of principal: Principal) async throws -> Int64? {
        try await self.registration.membership(of: principal)?.householdID
    }
}
