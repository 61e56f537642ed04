import Hummingbird
import Logging
import Platform
import Population
import ServiceLifecycle
import Territory

/// The identity context's front door: accounts, sign-in, tokens, the officials' console and the OpenID Connect
/// provider for department systems.
///
/// Publishes ``IdentityService``, ``OIDCProvider`` and ``ResidentRegistration`` (a resident account's place in the
/// household register) for the contexts built after it.
public struct IdentityModule: ContextModule {
    public static let name = "identity"
    public static var migrations: [any Migration] { IdentityMigrations.all }

    let platform: PlatformServices
    let identity: IdentityService
    let oidc: OIDCProvider
    let smsCodes: SMSCodeService

    public init(platform: PlatformServices, ports: inout ModulePorts) throws {
        self.platform = platform
        self.identity = IdentityService(
            database: platform.database, cipher: platform.cipher, hasher: PasswordHasher(cost: platform.passwordCost),
            issuer: platform.issuer)
        self.oidc = OIDCProvider(identity: self.identity, database: platform.database, issuer: platform.issuer)
        self.smsCodes = SMSCodeService(
            identity: self.identity, database: platform.database, cipher: platform.cipher, logger: platform.logger)
        ports.publish(self.identity)
        ports.publish(self.oidc)
        ports.publish(
            ResidentRegistration(
                accounts: self.identity.accounts, register: try ports.require(RegisterRepository.self),
                cipher: platform.cipher))
    }

    public var templateDirectories: [String] { [ConsolePages.templateDirectory] }
    public var actions: [Action] { Action.identityActions }

    public var middlewares: [any MiddlewareProtocol<Request, Response, AppRequestContext>] {
        [
            BearerAuthenticator(service: self.identity),
            ConsoleSessionAuthenticator(
                sessions: ConsoleSessionRepository(database: self.platform.database), accounts: self.identity.accounts),
        ]
    }

    public var services: [any Service] {
        [
            BackChannelLogoutService(database: self.platform.database, logger: self.platform.logger),
            RevocationFeedService(service: self.identity, logger: self.platform.logger),
        ]
    }

    public var consoleMenu: [ConsoleMenuEntry] {
        let accounts = self.identity.accounts
        return [
            ConsoleMenuEntry(
                id: "menu-residents", label: LocalizedText(zh: "辖区居民", en: "Residents in my scope"),
                path: "/console/residents", action: .viewResidents, order: 10),
            ConsoleMenuEntry(
                id: "menu-verifications", label: LocalizedText(zh: "现场核验队列", en: "In-person verification queue"),
                path: "/console/verifications", action: .verifyResidents, order: 20,
                count: { principal in try await accounts.verificationQueueCount(inside: principal.scope ?? "") }),
            ConsoleMenuEntry(
                id: "menu-audit", label: LocalizedText(zh: "审计日志", en: "Audit log"), path: "/console/audit",
                action: .readAudit, order: 90),
        ]
    }

    public func register(on routes: ModuleRoutes) {
        let database = self.platform.database
        let audit = self.platform.audit
        let secure = self.platform.secureCookies
        AuthAPI(service: self.identity).register(on: routes.api)
        SMSCodeAPI(service: self.smsCodes).register(on: routes.api)
        MeAPI(service: self.identity).register(on: routes.api)
        OfficialAPI(service: self.identity, audit: audit).register(on: routes.api)
        OfficialsAPI(
            service: self.identity, divisions: DivisionRepository(database: database),
            departments: routes.ports.optional((any DepartmentDirectory).self) ?? NoDepartments()
        ).register(on: routes.api)
        ConsolePages(
            service: self.identity, audit: audit, renderer: routes.renderer, database: database, secureCookies: secure,
            menu: routes.consoleMenu
        ).register(on: routes.router)
        SignInPages(
            service: self.identity, smsCodes: self.smsCodes, audit: audit, renderer: routes.renderer,
            database: database, secureCookies: secure
        ).register(on: routes.router)
        OIDCRoutes(provider: self.oidc, renderer: routes.renderer, secureCookies: secure).register(on: routes.router)
        DemoRelyingPartyPages(provider: self.oidc, renderer: routes.renderer, secureCookies: secure)
            .register(on: routes.router)
    }

    /// `serve --demo`: SMS codes are also written to the server log (notice level), so the demo can be tried
    /// without a phone gateway.
    public func seedDemo(seed: UInt64) async throws {
        self.smsCodes.demo.enable()
        self.platform.logger.notice("demo.sms_codes_logged")
    }
}
