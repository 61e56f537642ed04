import Hummingbird
import Identity
import Platform
import ServiceLifecycle

/// The service hall's front door: the catalog of 33 departments and 134 services, search, applications, department
/// systems entered with single sign-on, and the public performance figures.
///
/// Publishes its ``ServiceDirectory`` (the catalog as appointments and billing see it), ``ApplicationService`` and
/// ``PerformanceReport``.
public struct ServiceHallModule: ContextModule {
    public static let name = "servicehall"
    public static var migrations: [any Migration] { ServiceHallMigrations.all }

    let hall: ServiceHallWiring
    /// One instance: it remembers today's counted residents.
    let activity: ActivityMiddleware

    public init(platform: PlatformServices, ports: inout ModulePorts) throws {
        let identity = try ports.require(IdentityService.self)
        let oidc = try ports.require(OIDCProvider.self)
        let issuer = platform.issuer
        self.hall = ServiceHallWiring(
            database: platform.database, issuer: issuer,
            registeredResidents: { try await identity.accounts.residentCount() },
            initiateLoginOverride: { serviceID in
                try await DemoDepartmentSystems.registeredInitiateLoginURI(
                    serviceID, issuer: issuer, clients: oidc.clients)
            }
        )
        self.activity = ActivityMiddleware(database: platform.database)
        let directory = CatalogServiceDirectory(catalog: self.hall.catalog)
        ports.publish(directory, as: (any ServiceDirectory).self)
        ports.publish(directory, as: (any DepartmentDirectory).self)
        ports.publish(self.hall.catalog)
        ports.publish(self.hall.applications)
        ports.publish(self.hall.performance)
    }

    public var templateDirectories: [String] { [ServiceHallPages.templateDirectory] }
    public var actions: [Action] { [.handleApplications] }

    public var middlewares: [any MiddlewareProtocol<Request, Response, AppRequestContext>] {
        [self.activity]
    }

    public var navigation: [NavigationEntry] {
        [
            NavigationEntry(
                id: "nav-services", label: LocalizedText(zh: "办事大厅", en: "Service hall"), path: "/services",
                tab: .services, order: 10)
        ]
    }

    public var consoleMenu: [ConsoleMenuEntry] {
        let applications = self.hall.applications.applications
        return [
            ConsoleMenuEntry(
                id: "menu-applications", label: LocalizedText(zh: "办件队列", en: "Application queue"),
                path: "/console/applications", action: .handleApplications, order: 30,
                count: { principal in
                    let counts = try await applications.statusCounts(departmentID: principal.scope ?? "")
                    return [ApplicationStatus.submitted, .accepted, .inReview].reduce(0) { $0 + (counts[$1] ?? 0) }
                }),
            ConsoleMenuEntry(
                id: "menu-ratings", label: LocalizedText(zh: "好差评", en: "Ratings"), path: "/console/ratings",
                action: .handleApplications, order: 35),
        ]
    }

    public func register(on routes: ModuleRoutes) {
        self.hall.register(api: routes.api, router: routes.router, renderer: routes.renderer)
    }
}
