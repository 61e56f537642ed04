import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("OpenID Connect provider")
struct OIDCTests {
    /// Signs resident 1 in at the authorize page for `client` and returns the redirect (with the SSO cookie).
    static func signInAndApprove(
        _ client: any TestClientProtocol, clientID: String, redirect: String, scope: String
    ) async throws -> TestResponse {
        let page = try await client.execute(
            uri: OIDCFixture.authorizeQuery(client: clientID, redirect: redirect, scope: scope), method: .get)
        #expect(page.status == .ok)
        let csrf = try #require(ConsolePagesTests.hiddenCSRF(String(buffer: page.body)))
        var fields = [
            "csrf": csrf, "client_id": clientID, "redirect_uri": redirect, "response_type": "code", "scope": scope,
            "state": "st-1", "nonce": "n-1", "code_challenge": OIDCFixture.challenge, "code_challenge_method": "S256",
        ]
        fields["username"] = IdentityFixture.phone(1)
        fields["password"] = IdentityFixture.password
        fields["decision"] = "approve"
        return try await client.execute(
            uri: "/oauth/authorize", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cc_oauth_csrf=\(csrf)"],
            body: ByteBuffer(string: OIDCFixture.encode(fields)))
    }

    static func token(
        _ client: any TestClientProtocol, _ fields: [String: String], id: String, secret: String?
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        var fields = fields
        if let secret {
            headers[.authorization] = "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString()
        } else {
            fields["client_id"] = id
        }
        return try await client.execute(
            uri: "/oauth/token", method: .post, headers: headers, body: ByteBuffer(string: OIDCFixture.encode(fields)))
    }

    /// The transport department's registered callback.
    static let transportRedirect = "https://transport.example/cb"

    /// Registers the test clients and resident 1, then has the resident sign in and approve `scope` for the
    /// transport client; `body` gets the test client, the registered clients and that redirect.
    static func withApprovedTransport(
        _ backend: TestBackend, scope: String,
        _ body: @Sendable (any TestClientProtocol, RegisteredClients, TestResponse) async throws -> Void
    ) async throws {
        let clients = RegisteredClients()
        let prepare: @Sendable (Database) async throws -> Void = { database in
            try await IdentityFixture.prepare(database)
            try await clients.register(database)
        }
        try await TestApp.with(backend, prepare: prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            let approved = try await Self.signInAndApprove(
                client, clientID: clients["transport"].id, redirect: Self.transportRedirect, scope: scope)
            try await body(client, clients, approved)
        }
    }

    @Test("a replayed code is refused and revokes the refresh tokens it issued", arguments: TestBackend.available)
    func codeReplay(backend: TestBackend) async throws {
        try await Self.withApprovedTransport(backend, scope: "openid offline_access") { client, clients, approved in
            let transport = clients["transport"]
            let redirect = Self.transportRedirect
            let code = try #require(OIDCFixture.parameters(of: approved)["code"])
            var exchange = ["grant_type": "authorization_code", "code": code, "redirect_uri": redirect]
            exchange["code_verifier"] = OIDCFixture.verifier
            let tokens = try await Self.token(client, exchange, id: transport.id, secret: transport.secret)
            #expect(tokens.status == .ok)
            let refresh = try #require(OIDCFixture.object(tokens)["refresh_token"] as? String)

            let replay = try await Self.token(client, exchange, id: transport.id, secret: transport.secret)
            #expect(OIDCFixture.object(replay)["error"] as? String == "invalid_grant")
            let afterReplay = try await Self.token(
                client, ["grant_type": "refresh_token", "refresh_token": refresh], id: transport.id,
                secret: transport.secret)
            #expect(OIDCFixture.object(afterReplay)["error"] as? String == "invalid_grant")
            // The access token the code issued is withdrawn too.
            let access = try #require(OIDCFixture.object(tokens)["access_token"] as? String)
            #expect(try await client.get("/oauth/userinfo", token: access).status == .unauthorized)
        }
    }

    @Test("a client revokes its access token; userinfo then refuses it", arguments: TestBackend.available)
    func accessTokenRevocation(backend: TestBackend) async throws {
        try await Self.withApprovedTransport(backend, scope: "openid profile") { client, clients, approved in
            let transport = clients["transport"]
            var exchange = ["grant_type": "authorization_code", "redirect_uri": Self.transportRedirect]
            exchange["code"] = try #require(OIDCFixture.parameters(of: approved)["code"])
            exchange["code_verifier"] = OIDCFixture.verifier
            let tokens = try await Self.token(client, exchange, id: transport.id, secret: transport.secret)
            let access = try #require(OIDCFixture.object(tokens)["access_token"] as? String)
            #expect(try await client.get("/oauth/userinfo", token: access).status == .ok)
            for (id, secret) in [(clients["health"].id, clients["health"].secret), (transport.id, transport.secret)] {
                var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                headers[.authorization] = "Basic " + Data("\(id):\(secret!)".utf8).base64EncodedString()
                let revoked = try await client.execute(
                    uri: "/oauth/revoke", method: .post, headers: headers,
                    body: ByteBuffer(string: OIDCFixture.encode(["token": access])))
                #expect(revoked.status == .ok)
                // Another client's revocation is ignored; the owner's takes effect.
                let expected: HTTPResponse.Status = id == transport.id ? .unauthorized : .ok
                #expect(try await client.get("/oauth/userinfo", token: access).status == expected)
            }
        }
    }

    @Test(
        "code flow with PKCE, single sign-on, userinfo, refresh rotation, pairwise subjects and logout",
        arguments: TestBackend.available)
    func codeFlow(backend: TestBackend) async throws {
        let scope = "openid profile phone offline_access"
        try await Self.withApprovedTransport(backend, scope: scope) { client, clients, approved in
            let transport = clients["transport"]
            let redirect = Self.transportRedirect
            #expect(approved.status == .seeOther)
            let callback = OIDCFixture.parameters(of: approved)
            #expect(callback["state"] == "st-1")
            let code = try #require(callback["code"])
            let sso = try #require(ConsolePagesTests.cookie("cc_sso", in: approved))

            // A wrong verifier fails, and the code is spent either way.
            var exchange = ["grant_type": "authorization_code", "code": code, "redirect_uri": redirect]
            exchange["code_verifier"] = OIDCFixture.verifier
            let tokens = try await Self.token(client, exchange, id: transport.id, secret: transport.secret)
            #expect(tokens.status == .ok, "\(String(buffer: tokens.body))")
            let body = OIDCFixture.object(tokens)

            let jwks = OIDCFixture.object(try await client.execute(uri: "/oauth/jwks", method: .get))
            let idToken = try OIDCFixture.verifiedClaims(try #require(body["id_token"] as? String), jwks: jwks)
            #expect(idToken["aud"] as? String == transport.id)
            #expect(idToken["nonce"] as? String == "n-1")
            #expect(idToken["acr"] as? String == "L2")
            let transportSub = try #require(idToken["sub"] as? String)

            let access = try #require(body["access_token"] as? String)
            let info = try await client.get("/oauth/userinfo", token: access)
            #expect(OIDCFixture.object(info)["sub"] as? String == transportSub)
            #expect(OIDCFixture.object(info)["name"] as? String == "居民1")
            #expect(OIDCFixture.object(info)["phone_number"] as? String == "+86" + IdentityFixture.phone(1))
            #expect(try await client.get("/api/v1/me", token: access).status == .unauthorized)

            // Refresh rotates; the old refresh token then revokes the family.
            let refresh = try #require(body["refresh_token"] as? String)
            let refreshed = try await Self.token(
                client, ["grant_type": "refresh_token", "refresh_token": refresh], id: transport.id,
                secret: transport.secret)
            #expect(refreshed.status == .ok)
            let next = try #require(OIDCFixture.object(refreshed)["refresh_token"] as? String)
            let reused = try await Self.token(
                client, ["grant_type": "refresh_token", "refresh_token": refresh], id: transport.id,
                secret: transport.secret)
            #expect(OIDCFixture.object(reused)["error"] as? String == "invalid_grant")
            let afterReuse = try await Self.token(
                client, ["grant_type": "refresh_token", "refresh_token": next], id: transport.id,
                secret: transport.secret)
            #expect(afterReuse.status == .badRequest)

            // Revocation: another client cannot revoke the token; its own client can, and then it is dead.
            let second = try await Self.signInAndApprove(
                client, clientID: transport.id, redirect: redirect, scope: "openid offline_access")
            let secondTokens = try await Self.token(
                client,
                [
                    "grant_type": "authorization_code",
                    "code": try #require(OIDCFixture.parameters(of: second)["code"]),
                    "redirect_uri": redirect, "code_verifier": OIDCFixture.verifier,
                ], id: transport.id, secret: transport.secret)
            let live = try #require(OIDCFixture.object(secondTokens)["refresh_token"] as? String)
            let health0 = clients["health"]
            for (id, secret) in [(health0.id, health0.secret), (transport.id, transport.secret)] {
                var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                headers[.authorization] = "Basic " + Data("\(id):\(secret!)".utf8).base64EncodedString()
                let revoked = try await client.execute(
                    uri: "/oauth/revoke", method: .post, headers: headers,
                    body: ByteBuffer(string: OIDCFixture.encode(["token": live])))
                #expect(revoked.status == .ok)
            }
            let afterRevoke = try await Self.token(
                client, ["grant_type": "refresh_token", "refresh_token": live], id: transport.id,
                secret: transport.secret)
            #expect(OIDCFixture.object(afterRevoke)["error"] as? String == "invalid_grant")

            // Single sign-on: another department gets a code after consent only; its subject differs.
            let health = clients["health"]
            let healthRedirect = "https://health.example/cb"
            let consentPage = try await client.execute(
                uri: OIDCFixture.authorizeQuery(client: health.id, redirect: healthRedirect, scope: "openid profile"),
                method: .get, headers: [.cookie: "cc_sso=\(sso)"])
            #expect(String(buffer: consentPage.body).contains("signed-in-as"))
            let csrf = try #require(ConsolePagesTests.hiddenCSRF(String(buffer: consentPage.body)))
            let consent = try await client.execute(
                uri: "/oauth/authorize", method: .post,
                headers: [
                    .contentType: "application/x-www-form-urlencoded", .cookie: "cc_oauth_csrf=\(csrf); cc_sso=\(sso)",
                ],
                body: ByteBuffer(
                    string: OIDCFixture.encode([
                        "csrf": csrf, "client_id": health.id, "redirect_uri": healthRedirect, "response_type": "code",
                        "scope": "openid profile", "code_challenge": OIDCFixture.challenge,
                        "code_challenge_method": "S256", "decision": "approve",
                    ])))
            let healthCode = try #require(OIDCFixture.parameters(of: consent)["code"])
            let healthTokens = try await Self.token(
                client,
                [
                    "grant_type": "authorization_code", "code": healthCode, "redirect_uri": healthRedirect,
                    "code_verifier": OIDCFixture.verifier,
                ], id: health.id, secret: health.secret)
            let healthID = try OIDCFixture.verifiedClaims(
                try #require(OIDCFixture.object(healthTokens)["id_token"] as? String), jwks: jwks)
            #expect(healthID["sub"] as? String != transportSub)

            // Consent is remembered: the next request redirects at once.
            let silent = try await client.execute(
                uri: OIDCFixture.authorizeQuery(client: health.id, redirect: healthRedirect, scope: "openid profile"),
                method: .get, headers: [.cookie: "cc_sso=\(sso)"])
            #expect(silent.status == .seeOther)
            #expect(OIDCFixture.parameters(of: silent)["code"] != nil)

            // RP-initiated logout returns to the registered URI and ends the provider session.
            let hint = try #require(body["id_token"] as? String)
            let logout = try await client.execute(
                uri: "/oauth/logout?"
                    + OIDCFixture.encode([
                        "id_token_hint": hint, "post_logout_redirect_uri": redirect + "/bye", "state": "s2",
                    ]), method: .get, headers: [.cookie: "cc_sso=\(sso)"])
            #expect(logout.status == .seeOther)
            #expect(logout.headers[.location] == redirect + "/bye?state=s2")
            let afterLogout = try await client.execute(
                uri: OIDCFixture.authorizeQuery(client: health.id, redirect: healthRedirect, scope: "openid profile"),
                method: .get, headers: [.cookie: "cc_sso=\(sso)"])
            #expect(afterLogout.status == .ok)
            #expect(String(buffer: afterLogout.body).contains("name=\"password\""))
        }
    }

    @Test("bad requests, client credentials and discovery", arguments: TestBackend.available)
    func edges(backend: TestBackend) async throws {
        let clients = RegisteredClients()
        let prepare: @Sendable (Database) async throws -> Void = { database in try await clients.register(database) }
        try await TestApp.with(backend, prepare: prepare) { client in
            let transport = clients["transport"]
            let unknownRedirect = try await client.execute(
                uri: OIDCFixture.authorizeQuery(
                    client: transport.id, redirect: "https://evil.example/cb", scope: "openid"),
                method: .get)
            #expect(unknownRedirect.status == .badRequest)
            #expect(unknownRedirect.headers[.location] == nil)
            let inBrowser = try await client.execute(
                uri: OIDCFixture.authorizeQuery(client: "c_unknown", redirect: "https://x.example/cb", scope: "openid"),
                method: .get, headers: [.accept: "text/html"])
            #expect(inBrowser.status == .badRequest)
            #expect(inBrowser.headers[.contentType]?.hasPrefix("text/html") == true)
            let noPKCE = try await client.execute(
                uri: OIDCFixture.authorizeQuery(
                    client: transport.id, redirect: "https://transport.example/cb", scope: "openid",
                    extra: ["code_challenge_method": "plain"]), method: .get)
            #expect(OIDCFixture.parameters(of: noPKCE)["error"] == "invalid_request")
            let silent = try await client.execute(
                uri: OIDCFixture.authorizeQuery(
                    client: transport.id, redirect: "https://transport.example/cb", scope: "openid",
                    extra: ["prompt": "none"]), method: .get)
            #expect(OIDCFixture.parameters(of: silent)["error"] == "login_required")

            let service = clients["service"]
            let granted = try await Self.token(
                client, ["grant_type": "client_credentials", "scope": "api"], id: service.id, secret: service.secret)
            #expect(OIDCFixture.object(granted)["access_token"] != nil)
            let wrongSecret = try await Self.token(
                client, ["grant_type": "client_credentials"], id: service.id, secret: "nope")
            #expect(wrongSecret.status == .unauthorized)
            let app = clients["app"]
            let publicClient = try await Self.token(
                client, ["grant_type": "client_credentials"], id: app.id, secret: nil)
            #expect(OIDCFixture.object(publicClient)["error"] as? String == "unauthorized_client")

            let discovery = OIDCFixture.object(
                try await client.execute(uri: "/.well-known/openid-configuration", method: .get))
            #expect(discovery["issuer"] as? String == "http://127.0.0.1:8080")
            #expect((discovery["code_challenge_methods_supported"] as? [String]) == ["S256"])
            #expect((discovery["subject_types_supported"] as? [String])?.contains("pairwise") == true)
            #expect(discovery["backchannel_logout_supported"] as? Bool == true)
        }
    }
}
