import Foundation
import HTTPTypes
import Platform

/// Sends a resident on from a catalog entry: into a department system through single sign-on, or to the
/// appointment or payment page an entry links to. Each launch counts as a use of the service.
///
/// A department system is entered with OpenID Connect's third-party initiated login: the resident goes to the
/// system's `initiate_login_uri` with `iss` (this platform) and `target_link_uri`; the system, an OIDC client of
/// this platform, then sends the resident to `/oauth/authorize` with its own client id and PKCE challenge, and
/// the resident's existing session signs them straight in (trusted clients skip the consent page).
public struct SystemLauncher: Sendable {
    let catalog: CatalogStore
    let usage: UsageRepository
    let issuer: String
    let clock: @Sendable () -> Int64
    /// Where a system's login starts instead of the catalog's address, when something stands in for it (the
    /// demo's built-in relying party); nil keeps the catalog's.
    let initiateLoginOverride: @Sendable (_ serviceID: String) async throws -> String?

    public init(
        database: Database, catalog: CatalogStore, issuer: String,
        clock: @escaping @Sendable () -> Int64 = { CityClock.now() },
        initiateLoginOverride: @escaping @Sendable (_ serviceID: String) async throws -> String? = { _ in nil }
    ) {
        self.catalog = catalog
        self.usage = UsageRepository(database: database)
        self.issuer = issuer
        self.clock = clock
        self.initiateLoginOverride = initiateLoginOverride
    }

    /// The address to send the resident to, after checking their level; records the use.
    public func launch(_ serviceID: String, by principal: Principal?) async throws -> String {
        guard let service = try await self.catalog.snapshot().service(serviceID) else {
            throw ServiceHallProblem.serviceNotFound(serviceID)
        }
        let target: String
        switch service.kind {
        case .departmentSystem:
            guard var system = service.system else { throw ServiceHallProblem.notAnApplication(service) }
            if let standIn = try await self.initiateLoginOverride(service.id) {
                system = DepartmentSystemLink(initiateLoginUri: standIn, targetLinkUri: system.targetLinkUri)
            }
            target = Self.initiateLogin(system, issuer: self.issuer)
        case .appointment, .payment:
            guard let link = service.link else { throw ServiceHallProblem.notAnApplication(service) }
            target = Self.narrowed(link, to: service.id)
        case .guide, .application:
            throw Problem(
                .conflict, code: "service_not_launchable",
                zh: "“\(service.name.zh)”不需要跳转办理。", en: "'\(service.name.en)' is not handled elsewhere.")
        }
        let level = principal?.level ?? 0
        if service.level > 0 {
            guard principal != nil else { throw AuthorizationProblem.unauthenticated }
        }
        guard level >= service.level else {
            throw AssuranceLevelRequired(required: service.level, current: level, serviceName: service.name)
        }
        try await self.usage.recordUse(
            serviceID: service.id, accountID: principal?.role == .resident ? principal?.subject : nil,
            at: self.clock())
        return target
    }

    /// The appointment or bill page narrowed to the service (`/appointments?service=hospital-registration`); a
    /// catalog link that already carries a query is taken as written.
    static func narrowed(_ link: String, to serviceID: String) -> String {
        link.contains("?") ? link : link + "?service=" + serviceID
    }

    /// `initiate_login_uri?iss=…&target_link_uri=…` (OpenID Connect Core 1.0, section 4).
    static func initiateLogin(_ system: DepartmentSystemLink, issuer: String) -> String {
        var components = URLComponents(string: system.initiateLoginUri)
        components?.queryItems = [
            URLQueryItem(name: "iss", value: issuer),
            URLQueryItem(name: "target_link_uri", value: system.targetLinkUri),
        ]
        return components?.url?.absoluteString ?? system.initiateLoginUri
    }
}
