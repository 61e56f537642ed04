import Hummingbird
import Platform

/// Builds the service hall's parts over one database and registers its API routes and pages.
public struct ServiceHallWiring: Sendable {
    public let catalog: CatalogStore
    public let applications: ApplicationService
    public let usage: UsageFigures
    public let performance: PerformanceReport
    public let launcher: SystemLauncher

    /// `registeredResidents` counts resident accounts (from the identity context) for the platform figures;
    /// `initiateLoginOverride` names a stand-in for a department system's login initiation (the demo's relying party).
    public init(
        database: Database, issuer: String,
        registeredResidents: @escaping @Sendable () async throws -> Int,
        initiateLoginOverride: @escaping @Sendable (_ serviceID: String) async throws -> String? = { _ in nil }
    ) {
        let catalog = CatalogStore(database: database)
        self.catalog = catalog
        self.applications = ApplicationService(database: database, catalog: catalog)
        self.usage = UsageFigures(database: database, registeredResidents: registeredResidents)
        self.performance = PerformanceReport(database: database, catalog: catalog)
        self.launcher = SystemLauncher(
            database: database, catalog: catalog, issuer: issuer, initiateLoginOverride: initiateLoginOverride)
    }

    /// Registers the API routes and the pages.
    public func register(api: APIRoutes, router: Router<AppRequestContext>, renderer: PageRenderer) {
        ServiceAPI(catalog: self.catalog, usage: self.usage, launcher: self.launcher).register(on: api)
        ApplicationAPI(service: self.applications, catalog: self.catalog, usage: self.usage).register(on: api)
        StaffAPI(service: self.applications).register(on: api)
        OpenFiguresAPI(performance: self.performance, usage: self.usage).register(on: api)
        ServiceHallPages(
            catalog: self.catalog, applications: self.applications, usage: self.usage,
            performance: self.performance, launcher: self.launcher, renderer: renderer
        ).register(on: router)
    }
}
