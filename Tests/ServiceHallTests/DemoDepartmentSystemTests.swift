import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import ServiceHall
import TestSupport
import Testing

@Suite("Demo department systems")
struct DemoDepartmentSystemTests {
    static let issuer = "http://127.0.0.1:8080"

    /// The hall fixture plus a demo client for every department system of the catalog, as `serve --demo` makes.
    static let prepare: @Sendable (Database) async throws -> Void = { database in
        try await HallFixture.prepare(database)
        let catalog = try CatalogParser.parse(try HallFixture.catalogText, fileName: "catalog")
        let systems = catalog.services.filter { $0.kind == .departmentSystem }.map { ($0.id, $0.name.zh) }
        #expect(systems.count == 12)
        let clients = ClientRepository(database: database)
        #expect(try await DemoDepartmentSystems.register(systems, issuer: Self.issuer, clients: clients) == 12)
        #expect(try await DemoDepartmentSystems.register(systems, issuer: Self.issuer, clients: clients) == 0)
    }

    /// The path and query of an absolute or relative location.
    static func local(_ location: String?) throws -> String {
        let location = try #require(location)
        return location.hasPrefix(Self.issuer) ? String(location.dropFirst(Self.issuer.count)) : location
    }

    @Test(
        "open → the system's login initiation → authorize → callback: the demo system signs the resident in",
        arguments: TestBackend.available)
    func launch(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: Self.prepare) { client in
            _ = try await client.residentToken(1)
            let session = try await client.residentSession(phone: HallFixture.phone(1))
            let open = try await client.page("/services/provident-fund-query/open", cookie: session)
            let initiate = try Self.local(open.headers[.location])
            #expect(open.status == .seeOther)
            #expect(initiate.hasPrefix("/demo/department/provident-fund-query/initiate?iss="))
            #expect(initiate.contains("target_link_uri=https://gjj.chengdu.example/provident-fund-query"))

            let started = try await client.page(initiate)
            let authorize = try Self.local(started.headers[.location])
            #expect(started.status == .seeOther && authorize.hasPrefix("/oauth/authorize?"))
            #expect(authorize.contains("client_id=demo-provident-fund-query") && authorize.contains("code_challenge="))
            let rp = "cc_demo_rp=" + (try #require(type(of: client).cookie("cc_demo_rp", in: started)))

            // The resident's sign-in also opened the single sign-on session (the same token under /oauth): a trusted
            // client skips the consent page.
            let sso = "cc_sso=" + session.dropFirst("cc_session=".count)
            let granted = try await client.page(authorize, cookie: sso)
            let callback = try Self.local(granted.headers[.location])
            #expect(
                granted.status == .seeOther && callback.hasPrefix("/demo/department/provident-fund-query/callback?"))

            let forged = try await client.page(callback, cookie: "cc_demo_rp=provident-fund-query~x~y~z")
            #expect(forged.status == .badRequest && String(buffer: forged.body).contains("state_mismatch"))
            let page = try await client.page(callback + "&lang=en", cookie: rp)
            let html = String(buffer: page.body)
            #expect(page.status == .ok, "\(html)")
            #expect(html.contains(#"id="demo-signed-in""#) && html.contains(#"<strong id="demo-name">居**</strong>"#))
            // The code is spent: the same callback again is refused.
            let replayed = try await client.page(callback, cookie: rp)
            #expect(replayed.status == .badRequest && String(buffer: replayed.body).contains("invalid_grant"))
        }
    }

    @Test("a login initiation names this issuer and a registered system", arguments: TestBackend.available)
    func refusals(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: Self.prepare) { client in
            let wrong = try await client.page("/demo/department/metro-qr-ticket/initiate?iss=https://evil.example")
            #expect(wrong.status == .badRequest)
            let unknown = try await client.page("/demo/department/hospital-registration/initiate?iss=\(Self.issuer)")
            #expect(unknown.status == .notFound)
        }
    }

    @Test("without a demo client the catalog's own address is used", arguments: TestBackend.available)
    func catalogAddress(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: HallFixture.prepare) { client in
            _ = try await client.residentToken(1)
            let session = try await client.residentSession(phone: HallFixture.phone(1))
            let open = try await client.page("/services/provident-fund-query/open", cookie: session)
            #expect(open.headers[.location]?.hasPrefix("https://gjj.chengdu.example/oidc/initiate?iss=") == true)
        }
    }

    @Test("names are masked")
    func masked() {
        #expect(DemoDepartmentSystems.masked("张晓红") == "张**")
        #expect(DemoDepartmentSystems.masked("") == "")
    }
}
