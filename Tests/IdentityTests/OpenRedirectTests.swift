import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Sign-in never redirects off the site")
struct OpenRedirectTests {
    /// Signs person 1 in through the form with `next` exactly as given (the form field, not the page's query).
    static func signIn(_ client: some TestClientProtocol, next: String) async throws -> TestResponse {
        let page = try await client.execute(uri: "/signin", method: .get)
        let csrf = try #require(ConsolePagesTests.hiddenCSRF(String(buffer: page.body)))
        return try await client.execute(
            uri: "/signin", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cc_signin_csrf=\(csrf)"],
            body: ConsolePagesTests.form([
                "csrf": csrf, "username": IdentityFixture.phone(1), "password": IdentityFixture.password, "next": next,
            ]))
    }

    @Test("hostile next values send the resident to / after signing in", arguments: TestBackend.available)
    func hostileNext(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            for next in [
                "/\t/example.com", "//example.com", "/\\example.com", "https://example.com", "/%09/example.com",
                "/%2F%2Fexample.com", "/signin?next=//example.com", "/ /example.com", "/\u{202E}moc.elpmaxe",
            ] {
                let response = try await Self.signIn(client, next: next)
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/", "next=\(next)")
            }
            let fine = try await Self.signIn(client, next: "/me/notifications")
            #expect(fine.headers[.location] == "/me/notifications")
            // The sign-in page itself never carries a hostile next into its form.
            let page = try await client.execute(uri: "/signin?next=%2F%2Fexample.com", method: .get)
            #expect(String(buffer: page.body).contains(#"name="next" value="/">"#))
            let tab = try await client.execute(uri: "/signin?next=%2F%09%2Fexample.com", method: .get)
            #expect(tab.status == .badRequest)
        }
    }
}
