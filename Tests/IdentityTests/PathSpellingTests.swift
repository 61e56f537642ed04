import App
import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Credentials by path spelling")
struct PathSpellingTests {
    /// Spellings of `path` a client might send: the router accepts some of them as the same route.
    static func spellings(_ path: String) -> [String] {
        let rest = path.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        let first = String(path.dropFirst().prefix { $0 != "/" })
        return [
            path, "/" + path, "/." + path, "/\(first)/.." + path, "/%2F" + path.dropFirst(), "/%2f" + path.dropFirst(),
            "/" + first.uppercased() + "/" + rest, path + "/", path + "//", path + ";x", "/\(first);x/" + rest,
            path.replacingOccurrences(of: "/", with: "//"), "/%2e" + path, "\\" + path.dropFirst(),
        ]
    }

    @Test(
        "a resident's site cookie never authenticates an API route, however the path is spelled",
        arguments: TestBackend.available)
    func apiIgnoresCookies(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: IdentityFixture.prepare) { client, database in
            #expect(try await client.registerResident(1).status == .created)
            let signedIn = try await SignInPagesTests.signInThroughForm(client, next: "%2F")
            let session = try #require(ConsolePagesTests.cookie("cc_session", in: signedIn))
            let routes = try await AppWiring(database: database, logger: TestDatabase.logger).api.all
            #expect(routes.count > 50)
            var checked = 0
            for route in routes {
                let path = route.path.replacingOccurrences(of: #"\{[^}]+\}"#, with: "x", options: .regularExpression)
                for spelling in Self.spellings(path) {
                    let method = HTTPRequest.Method(route.method)!
                    let anonymous = try await client.execute(uri: spelling, method: method)
                    let withCookie = try await client.execute(
                        uri: spelling, method: method,
                        headers: [.cookie: "cc_session=\(session); cc_console=\(session); cc_sso=\(session)"])
                    #expect(
                        withCookie.status == anonymous.status,
                        "\(route.method) \(spelling): \(withCookie.status) with the cookie, \(anonymous.status) without"
                    )
                    #expect(withCookie.status.code < 500, "\(route.method) \(spelling)")
                    checked += 1
                }
            }
            #expect(checked == routes.count * Self.spellings("/api/v1/me").count)
            // The canonical reveal route says 401 to the cookie (it exists and needs a bearer token).
            let reveal = try await client.execute(
                uri: "//api/v1/me/reveal", method: .post, headers: [.cookie: "cc_session=\(session)"])
            #expect(reveal.status == .unauthorized)
        }
    }

    @Test(
        "console pages never take the resident's site session, as cc_console or under any path spelling",
        arguments: TestBackend.available)
    func consoleIgnoresSiteSession(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            let signedIn = try await SignInPagesTests.signInThroughForm(client, next: "%2F")
            let session = try #require(ConsolePagesTests.cookie("cc_session", in: signedIn))
            for page in ["/console/home", "/console/residents", "/console/audit", "/console/applications"] {
                for spelling in Self.spellings(page) {
                    let anonymous = try await client.execute(uri: spelling, method: .get)
                    for cookie in ["cc_console=\(session)", "cc_session=\(session)", "cc_console=\(session)x"] {
                        let response = try await client.execute(uri: spelling, method: .get, headers: [.cookie: cookie])
                        #expect(
                            response.status == anonymous.status
                                && response.headers[.location] == anonymous.headers[.location],
                            "\(spelling) with \(cookie.prefix(10)): \(response.status), anonymous \(anonymous.status)")
                    }
                }
            }
        }
    }
}
