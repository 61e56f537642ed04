import Foundation
import Identity
import Logging
import Platform
import Population
import ServiceHall
import Territory

/// The community-affairs context's front door (社区事务): the permitted list of community certificates as signed,
/// verifiable documents, with everything else refused and sent to the department that handles it. Publishes
/// ``CertificateService``.
public struct CommunityAffairsModule: ContextModule {
    public static let name = "communityaffairs"
    public static var migrations: [any Migration] { CommunityAffairsMigrations.all }

    let service: CertificateService
    let logger: Logger
    let identity: IdentityService
    let register: RegisterRepository

    /// Needs the territory's ``DivisionRepository``, the identity context's ``IdentityService`` and
    /// ``ResidentRegistration``, the register and the service hall's ``CatalogStore`` (departments and services
    /// that take over what communities no longer certify). Refuses to start with an invalid certificate catalog.
    public init(platform: PlatformServices, ports: inout ModulePorts) throws {
        self.logger = platform.logger
        self.identity = try ports.require(IdentityService.self)
        self.register = try ports.require(RegisterRepository.self)
        self.service = CertificateService(
            database: platform.database, catalog: try CertificateCatalogParser.shipped(), cipher: platform.cipher,
            divisions: try ports.require(DivisionRepository.self),
            subjects: RegisterSubjects(
                registration: try ports.require(ResidentRegistration.self), register: self.register,
                accounts: self.identity.accounts),
            services: try ports.require(CatalogStore.self))
        ports.publish(self.service)
    }

    public var templateDirectories: [String] { [CertificatePages.templateDirectory] }

    public var actions: [Action] { [.reviewCertificates, .revokeCertificates, .rotateCertificateKeys] }

    public var navigation: [NavigationEntry] {
        [
            NavigationEntry(
                id: "nav-certificates", label: LocalizedText(zh: "社区证明", en: "Community certificates"),
                path: "/certificates", tab: .services, order: 40),
            NavigationEntry(
                id: "nav-my-certificates", label: LocalizedText(zh: "我的证明", en: "My certificates"),
                path: "/certificates/mine", tab: .affairs, order: 62, signedInOnly: true),
            NavigationEntry(
                id: "nav-verify", label: LocalizedText(zh: "证明核验", en: "Verify a certificate"), path: "/verify",
                tab: .services, order: 41),
        ]
    }

    public var consoleMenu: [ConsoleMenuEntry] {
        let requests = self.service.requests
        let certificates = self.service.certificates
        return [
            ConsoleMenuEntry(
                id: "menu-certificate-queue", label: LocalizedText(zh: "证明审核", en: "Certificates to review"),
                path: "/console/certificates", action: .reviewCertificates, order: 40,
                count: { principal in
                    try await requests.count(CertificateConsolePages.queue(principal, statuses: [.submitted]))
                }),
            ConsoleMenuEntry(
                id: "menu-certificates-issued", label: LocalizedText(zh: "已出具证明", en: "Certificates issued"),
                path: "/console/certificates/issued", action: .revokeCertificates, order: 41,
                count: { principal in
                    try await certificates.count(divisionPrefix: Authorization.scopePrefix(principal.scope ?? "-"))
                }),
        ]
    }

    public var openAPI: OpenAPIFragment? {
        Bundle.module.path(forResource: "openapi-communityaffairs", ofType: "yaml").flatMap {
            try? OpenAPIFragment(contentsOf: $0)
        }
    }

    public func seedDemo(seed: UInt64) async throws {
        let created = try await CommunityAffairsDemoSeeder(service: self.service, identity: self.identity).seed()
        self.logger.info("demo.communityaffairs", metadata: ["new_requests": "\(created)"])
    }

    public func register(on routes: ModuleRoutes) {
        CertificateAPI(service: self.service).register(on: routes.api)
        VerifyAPI(service: self.service).register(on: routes.api)
        CertificatePages(service: self.service, renderer: routes.renderer).register(on: routes.router)
        CertificateConsolePages(service: self.service, renderer: routes.renderer).register(on: routes.router)
        VerifyPages(service: self.service, renderer: routes.renderer).register(on: routes.router)
    }
}
