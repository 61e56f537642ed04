import Platform

/// The population context's front door: the household register (no routes of its own; identity, billing and the
/// life circle ask it through ``RegisterRepository``'s public look-ups).
public struct PopulationModule: ContextModule {
    public static let name = "population"
    public static var migrations: [any Migration] { PopulationMigrations.all }

    /// Publishes the register's look-ups for the contexts built after it.
    public init(platform: PlatformServices, ports: inout ModulePorts) {
        ports.publish(RegisterRepository(database: platform.database))
    }

    public func register(on routes: ModuleRoutes) {}
}
