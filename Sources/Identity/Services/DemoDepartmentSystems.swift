import Foundation
import Platform

/// Stand-ins for the department systems of the catalog in the demo: one public, trusted OpenID Connect client per
/// system (`demo-<service id>`), whose login initiation and redirect URIs are the platform's own demo relying party
/// (``DemoRelyingPartyPages``, under `/demo/department/<service id>`). A real city registers each department's own
/// system with `citizen-cloud clients create` instead.
public enum DemoDepartmentSystems {
    /// The scopes the demo clients ask for.
    static let scopes: Set<String> = ["openid", "profile"]

    /// The fixed client id of a system's demo client.
    public static func clientID(_ serviceID: String) -> String { "demo-" + serviceID }

    /// The demo relying party's `initiate_login_uri` for a system.
    public static func initiateLoginURI(_ serviceID: String, issuer: String) -> String {
        issuer + "/demo/department/\(serviceID)/initiate"
    }

    /// Its redirect URI.
    static func redirectURI(_ serviceID: String, issuer: String) -> String {
        issuer + "/demo/department/\(serviceID)/callback"
    }

    /// Registers a demo client for each system that has none, and points existing ones at `issuer` (the demo's
    /// address may change between runs); returns how many were new.
    @discardableResult
    public static func register(
        _ systems: [(serviceID: String, name: String)], issuer: String, clients: ClientRepository
    ) async throws -> Int {
        var created = 0
        for system in systems {
            let redirect = self.redirectURI(system.serviceID, issuer: issuer)
            if let existing = try await clients.find(self.clientID(system.serviceID)) {
                if existing.redirectURIs != [redirect] {
                    try await clients.setRedirectURIs(existing.clientID, [redirect])
                }
                continue
            }
            _ = try await clients.create(
                name: system.name + "（演示）", redirectURIs: [redirect], scopes: self.scopes, confidential: false,
                pairwise: true, trusted: true, clientID: self.clientID(system.serviceID))
            created += 1
        }
        return created
    }

    /// The demo relying party's login initiation for a system whose demo client is registered; nil otherwise (the
    /// catalog's own address is used).
    public static func registeredInitiateLoginURI(
        _ serviceID: String, issuer: String, clients: ClientRepository
    ) async throws -> String? {
        guard Self.isServiceID(serviceID), try await clients.find(self.clientID(serviceID)) != nil else { return nil }
        return self.initiateLoginURI(serviceID, issuer: issuer)
    }

    /// Whether `text` may be a catalog service id (2–60 of `a-z 0-9 - _`).
    static func isServiceID(_ text: String) -> Bool {
        (2...60).contains(text.utf8.count)
            && text.utf8.allSatisfy {
                (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x5F
            }
    }

    /// A name for a page: its first character and one `*` for each other (`张晓红` → `张**`).
    public static func masked(_ name: String) -> String {
        guard let first = name.first else { return "" }
        return String(first) + String(repeating: "*", count: max(0, name.count - 1))
    }
}
