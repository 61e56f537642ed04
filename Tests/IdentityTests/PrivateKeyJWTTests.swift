import App
import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import Synchronization
import TestSupport
import Testing
import _CryptoExtras

/// Clients that authenticate with `private_key_jwt`: one with an EC P-256 key, one with an RSA key.
final class KeyClients: Sendable {
    // Raw bytes: swift-crypto's key types are not Sendable.
    let ecRaw = P256.Signing.PrivateKey().rawRepresentation
    var ec: P256.Signing.PrivateKey { try! P256.Signing.PrivateKey(rawRepresentation: self.ecRaw) }
    let rsaDER: Data
    let ids = Mutex<[String: String]>([:])

    init() throws {
        self.rsaDER = try _RSA.Signing.PrivateKey(keySize: .bits2048).derRepresentation
    }

    subscript(_ name: String) -> String { self.ids.withLock { $0[name]! } }

    func register(_ database: Database) async throws {
        let raw = self.ec.publicKey.rawRepresentation
        let ecJWKS = """
            {"keys":[{"kty":"EC","crv":"P-256","kid":"ec-1","use":"sig",\
            "x":"\(OIDCFixture.base64URL(Array(raw.prefix(32))))","y":"\(OIDCFixture.base64URL(Array(raw.suffix(32))))"}]}
            """
        let rsa = try _RSA.Signing.PrivateKey(derRepresentation: self.rsaDER).publicKey.getKeyPrimitives()
        let rsaJWKS = """
            {"keys":[{"kty":"RSA","kid":"rsa-1","n":"\(OIDCFixture.base64URL(Array(rsa.modulus)))",\
            "e":"\(OIDCFixture.base64URL(Array(rsa.publicExponent)))"}]}
            """
        let repository = ClientRepository(database: database)
        for (name, jwks) in [("ec", ecJWKS), ("rsa", rsaJWKS)] {
            let (client, secret) = try await repository.create(
                name: name, redirectURIs: [], scopes: ["api"], confidential: true, pairwise: false, jwks: jwks)
            #expect(secret == nil)
            #expect(try await repository.find(client.clientID)?.jwks == jwks)
            self.ids.withLock { $0[name] = client.clientID }
        }
        await #expect(throws: Problem.self) {
            try await repository.create(
                name: "bad", redirectURIs: [], scopes: ["api"], confidential: true, pairwise: false,
                jwks: #"{"keys":[{"kty":"oct","k":"AAAA"}]}"#)
        }
    }

    /// A signed client assertion.
    func assertion(
        _ claims: [String: Any], kid: String, key: Key = .ec, algorithm: String? = nil
    ) throws -> String {
        let header = try JSONSerialization.data(
            withJSONObject: ["alg": algorithm ?? (key == .rsa ? "RS256" : "ES256"), "typ": "JWT", "kid": kid])
        let payload = try JSONSerialization.data(withJSONObject: claims)
        let input = OIDCFixture.base64URL(Array(header)) + "." + OIDCFixture.base64URL(Array(payload))
        let signature: Data
        switch key {
        case .ec:
            signature = try self.ec.signature(for: Data(input.utf8)).rawRepresentation
        case .otherEC:
            signature = try P256.Signing.PrivateKey().signature(for: Data(input.utf8)).rawRepresentation
        case .rsa:
            signature = try _RSA.Signing.PrivateKey(derRepresentation: self.rsaDER)
                .signature(for: SHA256.hash(data: Data(input.utf8)), padding: .insecurePKCS1v1_5).rawRepresentation
        }
        return input + "." + OIDCFixture.base64URL(Array(signature))
    }

    /// Which key signs an assertion.
    enum Key { case ec, otherEC, rsa }
}

@Suite("private_key_jwt client authentication")
struct PrivateKeyJWTTests {
    static func clientCredentials(_ client: any TestClientProtocol, assertion: String) async throws -> TestResponse {
        let fields = [
            "grant_type": "client_credentials", "scope": "api",
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": assertion,
        ]
        return try await client.execute(
            uri: "/oauth/token", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: OIDCFixture.encode(fields)))
    }

    @Test(
        "a signed assertion authenticates; a wrong key, expiry, replay or wrong audience is invalid_client",
        arguments: TestBackend.available)
    func assertions(backend: TestBackend) async throws {
        let clients = try KeyClients()
        let prepare: @Sendable (Database) async throws -> Void = { database in
            try await IdentityFixture.prepare(database)
            try await clients.register(database)
        }
        try await TestApp.with(backend, prepare: prepare) { client in
            let discovery = OIDCFixture.object(
                try await client.execute(uri: "/.well-known/openid-configuration", method: .get))
            #expect(
                (discovery["token_endpoint_auth_methods_supported"] as? [String])?.contains("private_key_jwt") == true)
            let tokenEndpoint = try #require(discovery["token_endpoint"] as? String)
            let issuer = try #require(discovery["issuer"] as? String)
            let now = Int(Date().timeIntervalSince1970)
            let ec = clients["ec"]
            func claims(
                _ id: String, aud: Any = tokenEndpoint, exp: Int = now + 60, jti: String = UUID().uuidString
            ) -> [String: Any] {
                ["iss": id, "sub": id, "aud": aud, "exp": exp, "iat": now, "jti": jti]
            }
            func error(_ response: TestResponse) -> String? { OIDCFixture.object(response)["error"] as? String }

            let good = try clients.assertion(claims(ec, jti: "once"), kid: "ec-1")
            let accepted = try await Self.clientCredentials(client, assertion: good)
            #expect(accepted.status == .ok, "\(String(buffer: accepted.body))")
            #expect(OIDCFixture.object(accepted)["access_token"] is String)
            // The same jti again is a replay.
            let replayed = try await Self.clientCredentials(client, assertion: good)
            #expect(replayed.status == .unauthorized)
            #expect(error(replayed) == "invalid_client")

            // The issuer as audience (in an array) and an RSA key also work.
            let rsa = try clients.assertion(claims(clients["rsa"], aud: ["x", issuer]), kid: "rsa-1", key: .rsa)
            #expect(try await Self.clientCredentials(client, assertion: rsa).status == .ok)

            let refused: [(String, String)] = [
                ("wrong key", try clients.assertion(claims(ec), kid: "ec-1", key: .otherEC)),
                ("expired", try clients.assertion(claims(ec, exp: now - 5), kid: "ec-1")),
                ("too far in the future", try clients.assertion(claims(ec, exp: now + 86_400), kid: "ec-1")),
                ("wrong audience", try clients.assertion(claims(ec, aud: "https://other.example/token"), kid: "ec-1")),
                ("another client's key", try clients.assertion(claims(ec), kid: "rsa-1", key: .rsa)),
                ("alg none", try clients.assertion(claims(ec), kid: "ec-1", algorithm: "none")),
            ]
            for (reason, assertion) in refused {
                let response = try await Self.clientCredentials(client, assertion: assertion)
                #expect(error(response) == "invalid_client", "\(reason)")
            }
        }
    }
}

@Suite("Used client assertion ids")
struct ClientAssertionRepositoryTests {
    @Test(
        "concurrent uses of one jti: exactly one wins; other clients and new jtis are unaffected",
        arguments: TestBackend.available)
    func race(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let repository = ClientAssertionRepository(database: database)
            let expires = Int64(Date().timeIntervalSince1970) + 60
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await repository.use(jti: "j1", clientID: "c1", expiresAt: expires) }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(wins == 1)
            #expect(try await repository.use(jti: "j1", clientID: "c2", expiresAt: expires))
            #expect(try await repository.use(jti: "j2", clientID: "c1", expiresAt: expires))
            // An expired entry is forgotten (the assertion itself would be refused for its exp anyway).
            #expect(try await repository.use(jti: "old", clientID: "c1", expiresAt: expires - 120))
            #expect(try await repository.use(jti: "old", clientID: "c1", expiresAt: expires))
        }
    }
}
