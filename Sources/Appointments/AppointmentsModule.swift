import Platform
import ServiceHall

/// The appointments context's front door: places, time slots and bookings of the catalog's appointment services.
public struct AppointmentsModule: ContextModule {
    public static let name = "appointments"
    public static var migrations: [any Migration] { AppointmentMigrations.all }

    let database: Database
    let services: any ServiceDirectory

    /// Needs the service hall's ``ServiceDirectory``.
    public init(platform: PlatformServices, ports: inout ModulePorts) throws {
        self.database = platform.database
        self.services = try ports.require((any ServiceDirectory).self)
    }

    public var templateDirectories: [String] { [AppointmentPages.templateDirectory] }
    public var actions: [Action] { [.managePlaces] }

    public var navigation: [NavigationEntry] {
        [
            NavigationEntry(
                id: "nav-appointments", label: LocalizedText(zh: "预约", en: "Appointments"), path: "/appointments",
                tab: .services, order: 30)
        ]
    }

    public func register(on routes: ModuleRoutes) {
        AppointmentAPI(database: self.database, services: self.services).register(on: routes.api)
        AppointmentPages(database: self.database, services: self.services, renderer: routes.renderer)
            .register(on: routes.router)
    }
}
