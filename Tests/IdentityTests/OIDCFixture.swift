import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import NIOFoundationCompat
import Platform
import Synchronization
import TestSupport
import Testing
import _CryptoExtras

/// Clients registered before the app starts, handed to the test.
final class RegisteredClients: Sendable {
    private let clients = Mutex<[String: (id: String, secret: String?)]>([:])

    subscript(_ name: String) -> (id: String, secret: String?) {
        self.clients.withLock { $0[name]! }
    }

    /// Registers the test clients: two pairwise web clients in different sectors, a public app, a service.
    func register(_ database: Database, backchannelLogoutURI: String? = nil) async throws {
        let repository = ClientRepository(database: database)
        let specs: [(String, [String], Set<String>, Bool, Bool)] = [
            (
                "transport", ["https://transport.example/cb"], ["openid", "profile", "phone", "offline_access"], true,
                true
            ),
            ("health", ["https://health.example/cb"], ["openid", "profile"], true, true),
            ("app", ["https://app.example/cb"], ["openid", "profile", "offline_access"], false, false),
            ("service", [], ["api"], true, false),
        ]
        for (name, redirects, scopes, confidential, pairwise) in specs {
            let (client, secret) = try await repository.create(
                name: name, redirectURIs: redirects, postLogoutRedirectURIs: redirects.map { $0 + "/bye" },
                scopes: scopes, confidential: confidential, pairwise: pairwise,
                backchannelLogoutURI: name == "transport" ? backchannelLogoutURI : nil)
            self.clients.withLock { $0[name] = (client.clientID, secret) }
        }
    }
}

/// PKCE and form helpers for the OIDC tests.
enum OIDCFixture {
    static let verifier = "verifier-0123456789-0123456789-0123456789-abcdef"
    static var challenge: String { base64URL(Array(SHA256.hash(data: Data(verifier.utf8)))) }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decodeBase64URL(_ text: some StringProtocol) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }

    static func encode(_ fields: [String: String]) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return fields.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }

    static func authorizeQuery(client: String, redirect: String, scope: String, extra: [String: String] = [:]) -> String
    {
        var fields = [
            "response_type": "code", "client_id": client, "redirect_uri": redirect, "scope": scope,
            "state": "st-1", "nonce": "n-1", "code_challenge": challenge, "code_challenge_method": "S256",
        ]
        fields.merge(extra) { $1 }
        return "/oauth/authorize?" + encode(fields)
    }

    /// The query parameters of a redirect's `Location`.
    static func parameters(of response: TestResponse) -> [String: String] {
        guard let location = response.headers[.location], let components = URLComponents(string: location) else {
            return [:]
        }
        var result: [String: String] = [:]
        for item in components.queryItems ?? [] { result[item.name] = item.value }
        return result
    }

    /// The JSON object of a response.
    static func object(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:]
    }

    /// The `alg` in a JWT's header.
    static func algorithm(_ token: String) -> String? {
        token.split(separator: ".").first.flatMap { decodeBase64URL($0) }
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }?["alg"] as? String
    }

    /// The claims of a JWT after checking its ES256 or RS256 signature against the JWKS (the way a relying party
    /// does: the key by `kid`, its `kty` and `alg` matching the header).
    static func verifiedClaims(_ token: String, jwks: [String: Any]) throws -> [String: Any] {
        let parts = token.split(separator: ".").map(String.init)
        try #require(parts.count == 3)
        let headerData = try #require(decodeBase64URL(parts[0]))
        let header = try #require(try JSONSerialization.jsonObject(with: headerData) as? [String: Any])
        let keys = try #require(jwks["keys"] as? [[String: Any]])
        let key = try #require(keys.first { $0["kid"] as? String == header["kid"] as? String })
        #expect(key["alg"] as? String == header["alg"] as? String)
        if header["alg"] as? String == "RS256" {
            #expect(key["kty"] as? String == "RSA")
            let n = try #require(decodeBase64URL(key["n"] as? String ?? ""))
            let e = try #require(decodeBase64URL(key["e"] as? String ?? ""))
            let publicKey = try _RSA.Signing.PublicKey(n: n, e: e)
            #expect(publicKey.keySizeInBits == 2048)
            let signature = _RSA.Signing.RSASignature(rawRepresentation: try #require(decodeBase64URL(parts[2])))
            #expect(
                publicKey.isValidSignature(
                    signature, for: SHA256.hash(data: Data((parts[0] + "." + parts[1]).utf8)),
                    padding: .insecurePKCS1v1_5))
            let payload = try #require(decodeBase64URL(parts[1]))
            return try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
        }
        #expect(header["alg"] as? String == "ES256")
        let x = try #require(decodeBase64URL(key["x"] as? String ?? ""))
        let y = try #require(decodeBase64URL(key["y"] as? String ?? ""))
        let publicKey = try P256.Signing.PublicKey(rawRepresentation: x + y)
        let signatureData = try #require(decodeBase64URL(parts[2]))
        let signature = try P256.Signing.ECDSASignature(rawRepresentation: signatureData)
        #expect(publicKey.isValidSignature(signature, for: Data((parts[0] + "." + parts[1]).utf8)))
        let payload = try #require(decodeBase64URL(parts[1]))
        return try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
    }
}
