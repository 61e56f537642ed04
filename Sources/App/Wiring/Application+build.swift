import Foundation
import Hummingbird
import Logging
import Platform
import ServiceLifecycle

/// Builds the whole server: storage, every context module's routes and pages, and the operational endpoints.
///
/// The CLI and every test call this one function. The returned application runs the database pool as a service
/// and migrates before it accepts connections.
public func buildApplication(
    _ configuration: AppConfiguration, logger: Logger
) async throws -> some ApplicationProtocol {
    let database = try Database(
        url: configuration.database, logger: logger, maximumConnections: configuration.databaseConnections,
        sqliteSynchronous: configuration.sqliteSynchronous
    )
    let cipher = try PersonalDataCipher.loadOrCreate(keyFile: configuration.personalDataKeyFile)
    Cursor.useSigningKey(cipher.derivedKey(purpose: "cursor v1"))
    let wiring = try await AppWiring(
        database: database, logger: logger, cipher: cipher, passwordCost: configuration.passwordCost,
        secureCookies: configuration.secureCookies, issuer: configuration.issuer,
        trustForwardedFor: configuration.trustForwardedFor
    )
    var app = Application(
        router: wiring.router, server: configuration.httpServer(logger: logger),
        configuration: configuration.applicationConfiguration(logger: logger),
        services: [database] + wiring.services,
        logger: logger
    )
    app.beforeServerStarts {
        try await Migrator(database: database, migrations: AppModules.migrations, logger: logger).migrate()
    }
    return app
}

/// The wired router, the catalogue of its API routes and the modules' background services.
public struct AppWiring {
    public let router: Router<AppRequestContext>
    public let api: APIRoutes
    /// The modules, built, in ``AppModules`` order.
    public let modules: [any ContextModule]
    /// Background services the modules need running, and the event outbox's delivery.
    public let services: [any Service]
    /// The OpenAPI document served at `/openapi.yaml`: App's base with every module's fragment.
    public let openAPI: String

    /// Wires every module; without a cipher a throw-away key is used (tests that only inspect routes).
    public init(
        database: Database, logger: Logger, cipher: PersonalDataCipher? = nil, passwordCost: UInt8 = 4,
        secureCookies: Bool = true, issuer: String = "http://127.0.0.1:8080", trustForwardedFor: Bool = false
    ) async throws {
        _ = AppMetrics.registry
        let platform = PlatformServices(
            database: database, logger: logger, cipher: cipher ?? .ephemeral(), issuer: issuer,
            secureCookies: secureCookies, passwordCost: passwordCost, trustForwardedFor: trustForwardedFor)
        let (modules, ports) = try await AppModules.build(platform)
        let renderer = try await PageRenderer(
            templateDirectories: [AppResources.templateDirectory] + modules.flatMap(\.templateDirectories),
            navigation: modules.flatMap(\.navigation), strings: AppStrings.tables
        )
        let openAPI = try OpenAPIDocument.merge(
            base: String(contentsOfFile: AppResources.openAPIPath, encoding: .utf8),
            fragments: modules.compactMap(\.openAPI))

        let router = Router(context: AppRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        if trustForwardedFor { router.add(middleware: ClientAddressMiddleware()) }
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: ProblemMiddleware(htmlRenderer: ErrorPage(renderer: renderer).render))
        router.add(middleware: InputHygieneMiddleware())
        for module in modules {
            for middleware in module.middlewares { router.add(middleware: middleware) }
        }
        router.add(middleware: NavigationBadgeMiddleware(entries: modules.flatMap(\.navigation)))
        let api = APIRoutes(router: router)
        OperationsRoutes(database: database, openAPI: openAPI).register(on: router)
        let routes = ModuleRoutes(
            api: api, router: router, renderer: renderer,
            consoleMenu: modules.flatMap(\.consoleMenu).sorted { $0.order < $1.order }, ports: ports)
        for module in modules { module.register(on: routes) }
        router.add(middleware: MethodNotAllowedMiddleware(routes: api.all))

        self.router = router
        self.api = api
        self.modules = modules
        self.openAPI = openAPI
        self.services =
            modules.flatMap(\.services) + [
                EventDeliveryService(database: database, subscribers: modules.flatMap(\.subscribers), logger: logger)
            ]
    }
}

/// Where the App target's own resources live.
enum AppResources {
    static var templateDirectory: String {
        Bundle.module.resourcePath.map { $0 + "/templates" } ?? "Sources/App/Resources/templates"
    }

    static var openAPIPath: String {
        Bundle.module.resourcePath.map { $0 + "/openapi.yaml" } ?? "Sources/App/Resources/openapi.yaml"
    }
}
