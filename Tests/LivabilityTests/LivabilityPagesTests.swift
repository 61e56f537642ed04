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
            // B's homes lie 1,000 m and more from the only school: the map highlights them and colours streets red.
            #expect(html.contains("class=\"gap\""))
            #expect(html.contains("#d73027"))
            #expect(html.contains("data-category=\"clinic\""))
            #expect(html.contains("Walking time to School"))

            let planner = try await client.send(
                .get,
                "/communities/\(LivabilityFixture.communityB)/planner?category=school&lon=\(LivabilityFixture.nodes[13].lon)&lat=\(LivabilityFixture.nodes[13].lat)&lang=en"
            )
            #expect(planner.status == .ok)
            let plannerHTML = String(buffer: planner.body)
            #expect(plannerHTML.contains("id=\"planner-summary\""))
            #expect(plannerHTML.contains("6 households come within a 15-minute walk"))
            #expect(plannerHTML.contains("class=\"proposed\""))
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

    @Test("near me sends visitors to sign in first")
    func nearMeRedirect() async throws {
        try await TestApp.with(.sqlite, prepare: LivabilityFixture.prepareTown) { client in
            let response = try await client.send(.get, "/near-me")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/signin?next=%2Fnear-me")
        }
    }
}
