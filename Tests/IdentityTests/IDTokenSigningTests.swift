import App
import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import Synchronization
import TestSupport
import Testing

/// Clients for the ID token algorithm and trusted-client tests: one default (RS256), one that asked for ES256,
/// one trusted first-party client.
final class SigningClients: Sendable {
    let ids = Mutex<[String: (id: String, secret: String?)]>([:])

    subscript(_ name: String) -> (id: String, secret: String?) { self.ids.withLock { $0[name]! } }

    func register(_ database: Database) async throws {
        let repository = ClientRepository(database: database)
        let specs: [(String, JWSAlgorithm, Bool)] = [
            ("rs", .rs256, false), ("es", .es256, false), ("own", .rs256, true),
        ]
        for (name, algorithm, trusted) in specs {
            let (client, secret) = try await repository.create(
                name: name, redirectURIs: ["https://\(name).example/cb"], scopes: ["openid", "profile"],
                confidential: true, pairwise: false, idTokenAlgorithm: algorithm, trusted: trusted)
            #expect(try await repository.find(client.clientID) == client)
            self.ids.withLock { $0[name] = (client.clientID, secret) }
        }
    }
}

@Suite("ID token signing and trusted clients")
struct IDTokenSigningTests {
    /// Redeems the code in an authorize redirect and returns the ID token.
    static func idToken(
        _ client: any TestClientProtocol, from redirect: TestResponse, registered: (id: String, secret: String?),
        redirectURI: String
    ) async throws -> String {
        let code = try #require(OIDCFixture.parameters(of: redirect)["code"])
        let tokens = try await OIDCTests.token(
            client,
            [
                "grant_type": "authorization_code", "code": code, "redirect_uri": redirectURI,
                "code_verifier": OIDCFixture.verifier,
            ], id: registered.id, secret: registered.secret)
        #expect(tokens.status == .ok, "\(String(buffer: tokens.body))")
        return try #require(OIDCFixture.object(tokens)["id_token"] as? String)
    }

    @Test(
        "ID tokens are RS256 by default and ES256 for a client that asked, both verifiable against the JWKS",
        arguments: TestBackend.available)
    func algorithms(backend: TestBackend) async throws {
        let clients = SigningClients()
        let prepare: @Sendable (Database) async throws -> Void = { database in
            try await IdentityFixture.prepare(database)
            try await clients.register(database)
        }
        try await TestApp.with(backend, prepare: prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            let discovery = OIDCFixture.object(
                try await client.execute(uri: "/.well-known/openid-configuration", method: .get))
            #expect(discovery["id_token_signing_alg_values_supported"] as? [String] == ["RS256", "ES256"])
            let jwks = OIDCFixture.object(try await client.execute(uri: "/oauth/jwks", method: .get))
            let keys = try #require(jwks["keys"] as? [[String: Any]])
            #expect(Set(keys.compactMap { $0["kty"] as? String }) == ["EC", "RSA"])
            #expect(keys.filter { $0["kty"] as? String == "RSA" }.allSatisfy { $0["use"] as? String == "sig" })

            for (name, algorithm) in [("rs", "RS256"), ("es", "ES256")] {
                let redirect = "https://\(name).example/cb"
                let approved = try await OIDCTests.signInAndApprove(
                    client, clientID: clients[name].id, redirect: redirect, scope: "openid profile")
                #expect(approved.status == .seeOther)
                let token = try await Self.idToken(
                    client, from: approved, registered: clients[name], redirectURI: redirect)
                #expect(OIDCFixture.algorithm(token) == algorithm)
                let claims = try OIDCFixture.verifiedClaims(token, jwks: jwks)
                #expect(claims["aud"] as? String == clients[name].id)
                #expect(claims["nonce"] as? String == "n-1")
            }
        }
    }

    @Test(
        "keys rotate adds an RSA key to the JWKS and RS256 tokens signed before still verify",
        arguments: TestBackend.available)
    func rotation(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let keys = SigningKeyRepository(database: database, cipher: .ephemeral())
            let authority = TokenAuthority(keys: keys, issuer: "https://id.example")
            let before = try await authority.signer()
            let token = try before.sign(claims: ["sub": "a"], algorithm: .rs256)
            let after = try await authority.rotate()
            #expect(after.jwks.keys.filter { $0.kty == "RSA" }.count == 2)
            #expect(after.verify(token, as: [String: String].self)?["sub"] == "a")
            #expect(try after.sign(claims: ["sub": "a"], algorithm: .rs256) != token)
            // A tampered payload under a genuine RS256 signature does not verify.
            var parts = token.split(separator: ".").map(String.init)
            parts[1] = OIDCFixture.base64URL(Array(#"{"sub":"b"}"#.utf8))
            #expect(after.verify(parts.joined(separator: "."), as: [String: String].self) == nil)
        }
    }

    @Test(
        "a trusted client gets the code right after sign-in, without the consent page", arguments: TestBackend.available
    )
    func trustedClient(backend: TestBackend) async throws {
        let clients = SigningClients()
        let prepare: @Sendable (Database) async throws -> Void = { database in
            try await IdentityFixture.prepare(database)
            try await clients.register(database)
        }
        try await TestApp.with(backend, prepare: prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            // Signed in at another client first: the trusted client's authorize request redirects at once.
            let approved = try await OIDCTests.signInAndApprove(
                client, clientID: clients["rs"].id, redirect: "https://rs.example/cb", scope: "openid")
            let sso = try #require(ConsolePagesTests.cookie("cc_sso", in: approved))
            let own = try await client.execute(
                uri: OIDCFixture.authorizeQuery(
                    client: clients["own"].id, redirect: "https://own.example/cb", scope: "openid profile"),
                method: .get, headers: [.cookie: "cc_sso=\(sso)"])
            #expect(own.status == .seeOther)
            #expect(OIDCFixture.parameters(of: own)["code"] != nil)
            // An untrusted client with a new scope still shows the consent page.
            let untrusted = try await client.execute(
                uri: OIDCFixture.authorizeQuery(
                    client: clients["es"].id, redirect: "https://es.example/cb", scope: "openid profile"),
                method: .get, headers: [.cookie: "cc_sso=\(sso)"])
            #expect(untrusted.status == .ok)

            // Without a session: the sign-in form alone (no decision) issues the code for the trusted client.
            let page = try await client.execute(
                uri: OIDCFixture.authorizeQuery(
                    client: clients["own"].id, redirect: "https://own.example/cb", scope: "openid profile"),
                method: .get)
            let html = String(buffer: page.body)
            #expect(html.contains(#"id="sign-in""#) && !html.contains(#"id="deny""#))
            let csrf = try #require(ConsolePagesTests.hiddenCSRF(html))
            let fields = [
                "csrf": csrf, "client_id": clients["own"].id, "redirect_uri": "https://own.example/cb",
                "response_type": "code", "scope": "openid profile", "state": "st-1", "nonce": "n-1",
                "code_challenge": OIDCFixture.challenge, "code_challenge_method": "S256",
                "username": IdentityFixture.phone(1), "password": IdentityFixture.password,
            ]
            let signedIn = try await client.execute(
                uri: "/oauth/authorize", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cc_oauth_csrf=\(csrf)"],
                body: ByteBuffer(string: OIDCFixture.encode(fields)))
            #expect(signedIn.status == .seeOther)
            #expect(OIDCFixture.parameters(of: signedIn)["code"] != nil)
        }
    }
}
