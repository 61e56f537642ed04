import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Resident sign-in pages")
struct SignInPagesTests {
    /// Signs person 1 in through `/signin`; returns the response of the form post.
    static func signInThroughForm(
        _ client: some TestClientProtocol, next: String, password: String = IdentityFixture.password
    ) async throws -> TestResponse {
        let page = try await client.execute(uri: "/signin?next=\(next)", method: .get)
        #expect(page.status == .ok)
        let html = String(buffer: page.body)
        let csrf = try #require(ConsolePagesTests.hiddenCSRF(html))
        return try await client.execute(
            uri: "/signin", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cc_signin_csrf=\(csrf)"],
            body: ConsolePagesTests.form([
                "csrf": csrf, "username": IdentityFixture.phone(1), "password": password,
                "next": String(next.removingPercentEncoding ?? next),
            ]))
    }

    @Test("a resident signs in on the site, pages see the session, the API does not", arguments: TestBackend.available)
    func signInFlow(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            #expect(try await client.registerResident(1).status == .created)

            let anonymous = try await client.execute(uri: "/me/notifications", method: .get)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/signin?next=%2Fme%2Fnotifications")

            let wrong = try await Self.signInThroughForm(client, next: "%2Fme%2Fnotifications", password: "nope-nope")
            #expect(wrong.status == .unauthorized)
            #expect(String(buffer: wrong.body).contains(#"id="signin-error""#))

            let signedIn = try await Self.signInThroughForm(client, next: "%2Fme%2Fnotifications")
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/me/notifications")
            let session = try #require(ConsolePagesTests.cookie("cc_session", in: signedIn))
            #expect(ConsolePagesTests.cookie("cc_sso", in: signedIn) == session)

            let inbox = try await client.execute(
                uri: "/me/notifications", method: .get, headers: [.cookie: "cc_session=\(session)"])
            #expect(inbox.status == .ok)
            // Sign-out lives on the 我的 (me) tab's page.
            let me = try await client.execute(uri: "/me", method: .get, headers: [.cookie: "cc_session=\(session)"])
            let html = String(buffer: me.body)
            #expect(html.contains(#"id="sign-out""#))
            let csrf = try #require(ConsolePagesTests.hiddenCSRF(html))

            // Cookies never authenticate the API.
            let api = try await client.execute(
                uri: "/api/v1/me", method: .get, headers: [.cookie: "cc_session=\(session)"])
            #expect(api.status == .unauthorized)

            let forged = try await client.execute(
                uri: "/signout", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cc_session=\(session)"],
                body: ConsolePagesTests.form(["csrf": "forged"]))
            #expect(forged.status == .forbidden)
            let signOut = try await client.execute(
                uri: "/signout", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cc_session=\(session)"],
                body: ConsolePagesTests.form(["csrf": csrf]))
            #expect(signOut.status == .seeOther)
            let after = try await client.execute(
                uri: "/me/notifications", method: .get, headers: [.cookie: "cc_session=\(session)"])
            #expect(after.status == .seeOther)
        }
    }

    @Test("next never leaves the site", arguments: ["%2F%2Fevil.example%2Fx", "https%3A%2F%2Fevil.example", "x"])
    func openRedirect(next: String) async throws {
        try await TestApp.with(.sqlite, prepare: IdentityFixture.prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            let response = try await Self.signInThroughForm(client, next: next)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
        }
    }

    @Test("the sign-in form refuses a post without its CSRF cookie")
    func csrf() async throws {
        try await TestApp.with(.sqlite, prepare: IdentityFixture.prepare) { client in
            let response = try await client.execute(
                uri: "/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ConsolePagesTests.form(["csrf": "a", "username": "x", "password": "y"]))
            #expect(response.status == .forbidden)
        }
    }
}
