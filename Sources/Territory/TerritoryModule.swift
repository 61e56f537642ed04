import Platform

/// The territory context's front door: the division tree, its API and the division browser.
public struct TerritoryModule: ContextModule {
    public static let name = "territory"
    public static var migrations: [any Migration] { TerritoryMigrations.all }

    let divisions: DivisionRepository

    /// Publishes the division look-ups (``DivisionRepository``) for the contexts built after it.
    public init(platform: PlatformServices, ports: inout ModulePorts) {
        self.divisions = DivisionRepository(database: platform.database)
        ports.publish(self.divisions)
    }

    public var templateDirectories: [String] { [DivisionPages.templateDirectory] }

    public var navigation: [NavigationEntry] {
        [
            NavigationEntry(
                id: "nav-divisions", label: LocalizedText(zh: "行政区划", en: "Divisions"), path: "/divisions",
                tab: .community, order: 80)
        ]
    }

    public var openAPI: OpenAPIFragment? { nil }

    public func register(on routes: ModuleRoutes) {
        DivisionAPI(repository: self.divisions).register(on: routes.api)
        DivisionPages(repository: self.divisions, renderer: routes.renderer).register(on: routes.router)
    }
}
