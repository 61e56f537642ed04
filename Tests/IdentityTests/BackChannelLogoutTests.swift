import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import Synchronization
import TestSupport
import Testing

/// What the relying party's back-channel endpoint received.
final class LogoutInbox: Sendable {
    let bodies = Mutex<[String]>([])
}

@Suite("OpenID Connect back-channel logout")
struct BackChannelLogoutTests {
    @Test("ending the provider session posts a signed logout token to the client", arguments: TestBackend.available)
    func backChannel(backend: TestBackend) async throws {
        let inbox = LogoutInbox()
        let router = Router()
        router.post("/logout") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 64 * 1024)
            inbox.bodies.withLock { $0.append(String(buffer: body)) }
            return .ok
        }
        let relyingParty = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await relyingParty.test(.live) { rp in
            let uri = "http://127.0.0.1:\(try #require(rp.port))/logout"
            let clients = RegisteredClients()
            let prepare: @Sendable (Database) async throws -> Void = { database in
                try await IdentityFixture.prepare(database)
                try await clients.register(database, backchannelLogoutURI: uri)
            }
            try await TestApp.with(backend, framework: .live, prepare: prepare) { client in
                #expect(try await client.registerResident(1).status == .created)
                let transport = clients["transport"]
                let redirect = "https://transport.example/cb"
                let approved = try await OIDCTests.signInAndApprove(
                    client, clientID: transport.id, redirect: redirect, scope: "openid")
                let sso = try #require(ConsolePagesTests.cookie("cc_sso", in: approved))
                let code = try #require(OIDCFixture.parameters(of: approved)["code"])
                let tokens = try await OIDCTests.token(
                    client,
                    [
                        "grant_type": "authorization_code", "code": code, "redirect_uri": redirect,
                        "code_verifier": OIDCFixture.verifier,
                    ], id: transport.id, secret: transport.secret)
                let jwks = OIDCFixture.object(try await client.execute(uri: "/oauth/jwks", method: .get))
                let idToken = try OIDCFixture.verifiedClaims(
                    try #require(OIDCFixture.object(tokens)["id_token"] as? String), jwks: jwks)
                let sid = try #require(idToken["sid"] as? String)

                _ = try await client.execute(uri: "/oauth/logout", method: .get, headers: [.cookie: "cc_sso=\(sso)"])
                var body: String?
                for _ in 0..<100 where body == nil {
                    body = inbox.bodies.withLock { $0.first }
                    if body == nil { try await Task.sleep(for: .milliseconds(100)) }
                }
                let form = try #require(body)
                #expect(form.hasPrefix("logout_token="))
                let claims = try OIDCFixture.verifiedClaims(String(form.dropFirst("logout_token=".count)), jwks: jwks)
                #expect(claims["sid"] as? String == sid)
                #expect(claims["sub"] as? String == idToken["sub"] as? String)
                #expect(claims["aud"] as? String == transport.id)
                let events = try #require(claims["events"] as? [String: Any])
                #expect(events["http://schemas.openid.net/event/backchannel-logout"] != nil)
            }
        }
    }
}
