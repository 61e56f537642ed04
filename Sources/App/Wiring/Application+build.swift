import Appointments
import Billing
import Foundation
import Hummingbird
import Identity
import Livability
import Logging
import Notifications
import Platform
import Population
import ServiceHall
import ServiceLifecycle
import Territory

/// Builds the whole server: storage, every context's routes and pages, and the operational endpoints.
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
        database: database, logger: logger, cipher: cipher,
        hasher: PasswordHasher(cost: configuration.passwordCost), secureCookies: configuration.secureCookies,
        issuer: configuration.issuer, trustForwardedFor: configuration.trustForwardedFor
    )
    var app = Application(
        router: wiring.router, server: configuration.httpServer(logger: logger),
        configuration: configuration.applicationConfiguration(logger: logger),
        services: [
            database, BackChannelLogoutService(database: database, logger: logger),
            NotificationDeliveryService(database: database, sender: LoggingSender(logger: logger), logger: logger),
            RevocationFeedService(service: wiring.identity, logger: logger),
        ] + wiring.services,
        logger: logger
    )
    app.beforeServerStarts {
        try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
    }
    return app
}

/// The wired router and the catalogue of its API routes.
public struct AppWiring {
    public let router: Router<AppRequestContext>
    public let api: APIRoutes
    /// The identity service the routes share (its revocation list is kept current by a background service).
    public let identity: IdentityService
    /// Background services the contexts need running (payment settlement and recovery).
    public let services: [any Service]

    /// Wires every context; without a cipher a throw-away key is used (tests that only inspect routes).
    public init(
        database: Database, logger: Logger, cipher: PersonalDataCipher? = nil, hasher: PasswordHasher? = nil,
        secureCookies: Bool = true, issuer: String = "http://127.0.0.1:8080", trustForwardedFor: Bool = false
    ) async throws {
        _ = AppMetrics.registry
        let renderer = try await PageRenderer(
            templateDirectories: [
                AppResources.templateDirectory, DivisionPages.templateDirectory, ConsolePages.templateDirectory,
                InboxPages.templateDirectory, ServiceHallPages.templateDirectory, AppointmentPages.templateDirectory,
                BillingPages.templateDirectory,
                LivabilityPages.templateDirectory,
            ]
        )
        let cipher = cipher ?? .ephemeral()
        let identity = IdentityService(
            database: database, cipher: cipher, hasher: hasher ?? PasswordHasher(cost: 4), issuer: issuer)
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        if trustForwardedFor { router.add(middleware: ClientAddressMiddleware()) }
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: ProblemMiddleware(htmlRenderer: ErrorPage(renderer: renderer).render))
        router.add(middleware: InputHygieneMiddleware())
        let console = ConsolePages(
            service: identity, audit: AuditLog(database: database), renderer: renderer, database: database,
            secureCookies: secureCookies
        )
        router.add(middleware: BearerAuthenticator(service: identity))
        router.add(middleware: console.authenticator)
        router.add(middleware: ActivityMiddleware(database: database))
        let api = APIRoutes(router: router)

        let divisions = DivisionRepository(database: database)
        OperationsRoutes(database: database).register(on: router)
        DivisionAPI(repository: divisions).register(on: api)
        DivisionPages(repository: divisions, renderer: renderer).register(on: router)
        AuthAPI(service: identity).register(on: api)
        MeAPI(service: identity).register(on: api)
        OfficialAPI(service: identity, audit: AuditLog(database: database)).register(on: api)
        console.register(on: router)
        SignInPages(
            service: identity, audit: AuditLog(database: database), renderer: renderer, database: database,
            secureCookies: secureCookies
        ).register(on: router)
        let oidc = OIDCProvider(identity: identity, database: database, issuer: issuer)
        OIDCRoutes(provider: oidc, renderer: renderer, secureCookies: secureCookies).register(on: router)
        DemoRelyingPartyPages(provider: oidc, renderer: renderer, secureCookies: secureCookies).register(on: router)
        NotificationsAPI(database: database).register(on: api)
        InboxPages(database: database, renderer: renderer).register(on: router)
        let hall = ServiceHallWiring(
            database: database, renderer: renderer, issuer: issuer,
            registeredResidents: { try await identity.accounts.residentCount() },
            initiateLoginOverride: { serviceID in
                try await DemoDepartmentSystems.registeredInitiateLoginURI(
                    serviceID, issuer: issuer, clients: oidc.clients)
            }
        )
        hall.register(api: api, router: router)
        let directory = CatalogServiceDirectory(catalog: hall.catalog)
        OfficialsAPI(service: identity, divisions: divisions, departments: directory).register(on: api)
        let livability = LivabilityService(
            database: database,
            households: RegisterResidentHouseholds(
                identity: identity, register: RegisterRepository(database: database), cipher: cipher))
        CoverageAPI(service: livability).register(on: api)
        FacilityAPI(service: livability).register(on: api)
        ScenarioAPI(service: livability).register(on: api)
        LivabilityPages(service: livability, renderer: renderer, database: database).register(on: router)
        HomePages(
            divisions: divisions, register: RegisterRepository(database: database), renderer: renderer
        ).register(on: router)
        AppointmentAPI(database: database, services: directory).register(on: api)
        AppointmentPages(database: database, services: directory, renderer: renderer).register(on: router)
        let billing = BillingContext(database: database, cipher: cipher, logger: logger)
        billing.api(database: database).register(on: api)
        let billIssuer = BillIssuer(database: database, cipher: cipher, services: directory)
        BillingStaffAPI(issuer: billIssuer).register(on: api)
        BillingStaffPages(issuer: billIssuer, services: directory, renderer: renderer).register(on: router)
        BillingPages(database: database, context: billing, services: directory, renderer: renderer).register(on: router)
        let affairs = AffairsService(
            database: database, applications: hall.applications, catalog: hall.catalog, payers: billing.payers)
        AffairsAPI(service: affairs).register(on: api)
        AffairsPages(service: affairs, performance: hall.performance, renderer: renderer).register(on: router)

        router.add(middleware: MethodNotAllowedMiddleware(routes: api.all))
        self.router = router
        self.api = api
        self.identity = identity
        self.services = billing.services
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
