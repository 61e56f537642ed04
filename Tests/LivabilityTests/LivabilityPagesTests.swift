import Foundation
import HTTPTypes
import HummingbirdTesting
import Livability
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Life-circle pages")
struct LivabilityPagesTests {
    @Test("coverage, map and planner pages render server-side", arguments: TestBackend.available)
    func pages(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: LivabilityFixture.prepareTown) { client in
            let street = try await client.send(.get, "/divisions/510104003/livability?lang=zh")
            #expect(street.status == .ok)
            let streetHTML = String(buffer: street.body)
            #expect(streetHTML.contains("春熙路街道"))
            #expect(streetHTML.contains("id=\"ranking\""))
            #expect(streetHTML.contains("/communities/\(LivabilityFixture.communityA)/map"))

            // The division browser and the home page lead here.
            let division = String(buffer: try await client.send(.get, "/divisions/510104003").body)
            #expect(division.contains("href=\"/divisions/510104003/livability\""))
            let home = String(buffer: try await client.send(.get, "/").body)
            #expect(home.contains("href=\"/divisions/510100/livability\"") && home.contains("href=\"/near-me\""))

            let map = try await client.send(
                .get, "/communities/\(LivabilityFixture.communityB)/map?category=school&lang=en")
            #expect(map.status == .ok)
            let html = String(buffer: map.body)
            #expect(html.contains("<svg class=\"life-map\""))
            // B's homes lie 1,000 m and more from the only school: the map colours streets red; the households
            // themselves are marked only for officials of the scope (MapPrivacyTests).
            #expect(!html.contains("class=\"gap\""))
            #expect(html.contains("#d73027"))
            #expect(html.contains("data-category=\"clinic\""))
            #expect(html.contains("Walking time to School"))
            #expect(!html.contains("map-attribution"), "a generated network needs no OpenStreetMap credit")
            #expect(html.contains("id=\"legend\"") && !html.contains("class=\"diamond\""), "no proposals on a map")
            // B's nodes are columns 4–7; with the 300 m margin the map holds columns 3–7 (15 nodes) and draws each
            // street with an end among them once: 12 along the rows, 10 across, 3 leading west to column 2.
            #expect(html.components(separatedBy: "<line ").count - 1 == 25)

            let planner = try await client.send(
                .get,
                "/communities/\(LivabilityFixture.communityB)/planner?category=school&lon=\(LivabilityFixture.nodes[13].lon)&lat=\(LivabilityFixture.nodes[13].lat)&lang=en"
            )
            #expect(planner.status == .ok)
            let plannerHTML = String(buffer: planner.body)
            #expect(plannerHTML.contains("id=\"planner-summary\""))
            #expect(plannerHTML.contains("6 households come within a 15-minute walk"))
            #expect(plannerHTML.contains("class=\"proposed\""))
            #expect(plannerHTML.contains("<i class=\"diamond\">"))
            let far = try await client.send(
                .get, "/communities/\(LivabilityFixture.communityB)/planner?category=school&lon=105&lat=30.6&lang=en")
            #expect(String(buffer: far.body).contains("id=\"planner-error\""))

            let unknown = try await client.send(.get, "/communities/510104003999/map")
            #expect(unknown.status == .notFound)
            #expect(
                try await client.send(.get, "/communities/\(LivabilityFixture.communityB)/map?category=bank").status
                    == .badRequest)
            #expect(try await client.send(.get, "/static/livability/planner.js").status == .ok)
            #expect(try await client.send(.get, "/static/livability/livability.css").status == .ok)
        }
    }

    @Test("near me: a signed-in resident sees the nearest service of each kind", arguments: TestBackend.available)
    func nearMePage(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: LivabilityFixture.prepare) { client in
            _ = try await client.residentToken(1)
            // Pages take the site's session cookie, not bearer tokens: sign in through the form.
            let form = try await client.execute(uri: "/signin?next=%2Fnear-me", method: .get)
            let html = String(buffer: form.body)
            let csrf = try #require(
                html.range(of: #"name="csrf" value=""#).map { String(html[$0.upperBound...].prefix { $0 != "\"" }) })
            let signedIn = try await client.execute(
                uri: "/signin", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cc_signin_csrf=\(csrf)"],
                body: ByteBuffer(
                    string: "csrf=\(csrf)&username=\(LivabilityFixture.phone(1))&password=\(LivabilityFixture.password)"
                        + "&next=%2Fnear-me"))
            #expect(signedIn.status == .seeOther)
            let session = try #require(
                signedIn.headers[values: .setCookie].first { $0.hasPrefix("cc_session=") }?.split(separator: ";").first)
            let page = try await client.execute(
                uri: "/near-me?lang=en", method: .get, headers: [.cookie: String(session)])
            let near = String(buffer: page.body)
            #expect(near.contains("id=\"near\""))
            #expect(near.contains("clinic 7,2"))
            #expect(near.contains("23 min walk (1,800 m)"))
        }
    }

    @Test("a map drawn from OpenStreetMap data credits it", arguments: TestBackend.available)
    func attribution(backend: TestBackend) async throws {
        let extract = TestApp.repositoryRoot.appendingPathComponent("data/osm/test.osm.pbf").path
        let prepare: @Sendable (Database) async throws -> Void = { database in
            try await LivabilityFixture.prepareTown(database)
            _ = try await FacilityImporter(database: database).importNetwork(
                osmPath: extract, division: LivabilityFixture.communityC)
        }
        try await TestApp.with(backend, prepare: prepare) { client in
            let map = try await client.send(.get, "/communities/\(LivabilityFixture.communityC)/map?lang=en")
            #expect(map.status == .ok)
            let html = String(buffer: map.body)
            #expect(html.contains("<svg class=\"life-map\""))
            #expect(html.contains("id=\"map-attribution\">\(OSMAttribution.text)<"))
        }
    }

    @Test("near me sends visitors to sign in first")
    func nearMeRedirect() async throws {
        try await TestApp.with(.sqlite, prepare: LivabilityFixture.prepareTown) { client in
            let response = try await client.send(.get, "/near-me")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/signin?next=%2Fnear-me")
        }
    }
}
