import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import ServiceHall
import TestSupport
import Testing

@Suite("Favourites, recent and hot services, department-system launches")
struct UsageTests {
    struct LaunchBody: Decodable { let url: String }
    struct HotBody: Decodable {
        let service: ServiceSummaryBody
        let uses30Days: Int
    }

    @Test(
        "favourites and recent services are the resident's own; hot services count uses",
        arguments: TestBackend.available)
    func favouritesRecentHot(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: HallFixture.prepare) { client in
            let (resident, _) = try await client.residentToken(1)
            let (other, _) = try await client.residentToken(2)
            for id in ["water-bill", "passport-nope", "metro-timetable"] {
                let response = try await client.request("/api/v1/me/favourites/\(id)", method: .put, token: resident)
                #expect(response.status == (id == "passport-nope" ? .notFound : .noContent))
            }
            #expect(
                try await client.request("/api/v1/me/favourites/water-bill", method: .put, token: resident).status
                    == .noContent)
            let favourites = try await client.request("/api/v1/me/favourites", token: resident)
                .json(ListBody<ServiceSummaryBody>.self).items.map(\.id)
            #expect(Set(favourites) == ["water-bill", "metro-timetable"])
            #expect(
                try await client.request("/api/v1/me/favourites", token: other).json(ListBody<ServiceSummaryBody>.self)
                    .items.isEmpty)
            #expect(
                try await client.request("/api/v1/me/favourites/water-bill", method: .delete, token: resident).status
                    == .noContent)
            #expect(
                try await client.request("/api/v1/me/favourites", token: resident).json(
                    ListBody<ServiceSummaryBody>.self
                ).items.map(\.id) == ["metro-timetable"])
            #expect(try await client.request("/api/v1/me/favourites").status == .unauthorized)

            for key in ["h1", "h2"] {
                _ = try await client.request(
                    "/api/v1/services/no-criminal-record-certificate/applications", method: .post,
                    json: ApplicationAPITests.certificate, token: resident, headers: [ApplicationAPITests.key: key])
            }
            let launch = try await client.request(
                "/api/v1/services/provident-fund-query/launches", method: .post, token: resident)
            #expect(launch.status == .ok)
            let recent = try await client.request("/api/v1/me/recent-services", token: resident)
                .json(ListBody<ServiceSummaryBody>.self).items.map(\.id)
            // Newest first; both were used within the same second here, so only the set is certain.
            #expect(Set(recent) == ["provident-fund-query", "no-criminal-record-certificate"])
            #expect(
                try await client.request("/api/v1/me/recent-services", token: other).json(
                    ListBody<ServiceSummaryBody>.self
                ).items.isEmpty)
            let hot = try await client.request("/api/v1/services/hot?limit=3").json(ListBody<HotBody>.self).items
            #expect(
                hot.map(\.service.id) == [
                    "no-criminal-record-certificate", "provident-fund-query", "resident-id-card-renewal",
                ])
            #expect(hot.map(\.uses30Days) == [2, 1, 0])
            // Search ranks the more used of equal matches first.
            let search = try await client.request("/api/v1/services?q=%E8%AF%81%E6%98%8E")  // 证明
                .json(ListBody<ServiceSummaryBody>.self).items.map(\.id)
            #expect(search.first == "no-criminal-record-certificate")
        }
    }

    @Test(
        "entering a department system goes through its OpenID Connect login initiation",
        arguments: TestBackend.available)
    func launches(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: HallFixture.prepare) { client in
            let (levelTwo, _) = try await client.residentToken(1)
            let (levelOne, _) = try await client.residentToken(3)
            let launch = try await client.request(
                "/api/v1/services/provident-fund-query/launches", method: .post, token: levelTwo)
            let url = try #require(URLComponents(string: try launch.json(LaunchBody.self).url))
            #expect(url.host == "gjj.chengdu.example" && url.path == "/oidc/initiate")
            #expect(url.queryItems?.first { $0.name == "iss" }?.value == "http://127.0.0.1:8080")
            #expect(
                url.queryItems?.first { $0.name == "target_link_uri" }?.value
                    == "https://gjj.chengdu.example/provident-fund-query")
            let low = try await client.request(
                "/api/v1/services/provident-fund-query/launches", method: .post, token: levelOne)
            #expect(low.status == .forbidden && low.problemCode == "assurance_level_required")
            #expect(
                try await client.request("/api/v1/services/provident-fund-query/launches", method: .post).status
                    == .unauthorized)
            let guide = try await client.request(
                "/api/v1/services/metro-timetable/launches", method: .post, token: levelTwo)
            #expect(guide.status == .conflict)
            let payment = try await client.request(
                "/api/v1/services/water-bill/launches", method: .post, token: levelTwo)
            #expect(try payment.json(LaunchBody.self).url == "/bills?service=water-bill")
            let appointment = try await client.request(
                "/api/v1/services/hospital-registration/launches", method: .post, token: levelTwo)
            #expect(try appointment.json(LaunchBody.self).url == "/appointments?service=hospital-registration")
            let detail = try await client.request("/api/v1/services/provident-fund-query", token: levelOne)
            #expect(String(buffer: detail.body).contains(#""availableToMe":false"#))
        }
    }
}
