import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import TestSupport
import Testing

@Suite("Division pages")
struct DivisionPagesTests {
    @Test("the browser walks from the city to a street without JavaScript", arguments: TestBackend.available)
    func browse(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: importDivisions) { client in
            let city = try await client.execute(uri: "/divisions", method: .get)
            #expect(city.status == .ok)
            #expect(city.headers[.contentType] == "text/html; charset=utf-8")
            let cityHTML = String(buffer: city.body)
            #expect(cityHTML.contains("<h1 id=\"division-name\">成都市</h1>"))
            #expect(cityHTML.contains("<li><strong>261</strong><span>街道（镇）</span></li>"))
            #expect(cityHTML.contains("href=\"/divisions/510104\">锦江区</a>"))
            #expect(cityHTML.components(separatedBy: "<li><a href=\"/divisions/5101").count - 1 == 20)

            let district = String(buffer: try await client.execute(uri: "/divisions/510104", method: .get).body)
            #expect(district.contains("href=\"/divisions/510104003\">春熙路街道</a>"))
            #expect(district.contains("<a href=\"/divisions/510100\">成都市</a>"))

            let search = String(
                buffer: try await client.execute(uri: "/divisions/510100?q=%E6%98%A5%E7%86%99", method: .get).body)
            #expect(search.contains("id=\"results\""))
            #expect(search.contains("春熙路街道"))
        }
    }

    @Test("pages switch to English and remember it in a cookie")
    func english() async throws {
        try await TestApp.with(.sqlite, prepare: importDivisions) { client in
            let response = try await client.execute(uri: "/divisions/510104?lang=en", method: .get)
            let html = String(buffer: response.body)
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains("District / county"))
            #expect(html.contains("href=\"/divisions/510104?lang=zh\""))
            #expect(response.headers[.setCookie]?.hasPrefix("lang=en") == true)
        }
    }

    @Test("an unknown division gets an HTML error page in a browser")
    func unknownInBrowser() async throws {
        try await TestApp.with(.sqlite, prepare: importDivisions) { client in
            let response = try await client.execute(
                uri: "/divisions/510199", method: .get, headers: [.accept: "text/html,application/xhtml+xml"]
            )
            #expect(response.status == .notFound)
            let html = String(buffer: response.body)
            #expect(html.contains("id=\"problem-detail\""))
            #expect(html.contains("division_not_found"))
        }
    }
}
