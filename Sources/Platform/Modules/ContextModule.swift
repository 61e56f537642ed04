import Hummingbird
import ServiceLifecycle

/// One bounded context's front door: everything the application needs to mount it, in one value.
///
/// A context target implements this once (`TerritoryModule`, `BillingModule`, …) and App lists the module types in
/// order; the migration list, template search paths, background services, navigation, console menu, OpenAPI
/// document and event subscribers are all derived from that list. Adding a context means one new target and one
/// line in App's list.
///
/// Building happens in two steps. ``init(platform:ports:)`` creates the context's services over the shared kernel
/// and may look up the public services of contexts listed before it (``ModulePorts/require(_:)``) and publish its
/// own (``ModulePorts/publish(_:)``). Once every module exists and the page renderer knows every template,
/// ``register(on:)`` adds the routes.
public protocol ContextModule: Sendable {
    /// A short, stable name (`territory`), used in logs and as the prefix of migration ids.
    static var name: String { get }
    /// The context's schema changes, in order; a context's tables may reference those of modules listed before it.
    static var migrations: [any Migration] { get }

    /// Creates the context's services; reads the ports of earlier modules and publishes its own.
    init(platform: PlatformServices, ports: inout ModulePorts) async throws

    /// Directories of Mustache templates the context's pages use (names must be unique across modules).
    var templateDirectories: [String] { get }
    /// The authorization actions the context declares, with their roles.
    var actions: [Action] { get }
    /// Middleware the context runs on every request (authenticators …), added in module order before any route.
    var middlewares: [any MiddlewareProtocol<Request, Response, AppRequestContext>] { get }
    /// Long-running work to run in the application's service group (settlement, deliveries …).
    var services: [any Service] { get }
    /// Subscribers to events of the platform outbox.
    var subscribers: [any EventSubscriber] { get }
    /// Entries of the resident navigation (the tab bar and the header).
    var navigation: [NavigationEntry] { get }
    /// Entries of the officials' console menu, each with a count of what waits.
    var consoleMenu: [ConsoleMenuEntry] { get }
    /// The context's part of the OpenAPI document, if it has API routes of its own.
    var openAPI: OpenAPIFragment? { get }

    /// Adds the context's API routes and pages.
    func register(on routes: ModuleRoutes)

    /// Adds the context's demo data (`serve --demo`), after the city, its residents, the demo officials and the
    /// catalog exist and the modules listed before it have seeded theirs. Must be idempotent: a second run on the
    /// same database adds nothing. `seed` makes the data deterministic.
    func seedDemo(seed: UInt64) async throws
}

extension ContextModule {
    public static var migrations: [any Migration] { [] }
    public var templateDirectories: [String] { [] }
    public var actions: [Action] { [] }
    public var middlewares: [any MiddlewareProtocol<Request, Response, AppRequestContext>] { [] }
    public var services: [any Service] { [] }
    public var subscribers: [any EventSubscriber] { [] }
    public var navigation: [NavigationEntry] { [] }
    public var consoleMenu: [ConsoleMenuEntry] { [] }
    public var openAPI: OpenAPIFragment? { nil }
    public func seedDemo(seed: UInt64) async throws {}
}
