import Crypto
import Foundation

/// `private_key_jwt` client authentication (RFC 7523 §2.2, OpenID Connect Core §9): a JWT the client signed with a
/// key whose public half it registered, proving its identity at the token endpoint instead of a secret.
enum ClientAssertion {
    /// The only `client_assertion_type` accepted.
    static let type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    /// How far in the future an assertion's `exp` may lie: a longer-lived assertion would have to be remembered
    /// (its `jti`) for longer, and a stolen one would stay usable. One hour, because that is what common client
    /// libraries put in by default (Authlib signs assertions for 3600 seconds).
    static let maximumLifetime: Int64 = 3600

    /// A public key from a client's JWKS.
    enum PublicKey: Sendable {
        case p256(kid: String?, raw: Data)
        case rsa(kid: String?, key: RSAPublicKey)

        var kid: String? {
            switch self {
            case .p256(let kid, _), .rsa(let kid, _): kid
            }
        }
    }

    /// The claims of an assertion this provider checks.
    struct Claims: Decodable, Sendable {
        let iss: String
        let sub: String
        let aud: Audience
        let exp: Int64
        let jti: String
    }

    /// `aud` is a string or an array of strings (RFC 7519 §4.1.3).
    struct Audience: Decodable, Sendable {
        let values: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                self.values = [one]
            } else {
                self.values = try container.decode([String].self)
            }
        }
    }

    /// The usable signing keys in a JWKS document (EC P-256 and RSA; others are skipped).
    static func keys(fromJWKS json: String) -> [PublicKey] {
        guard let set = try? JSONDecoder().decode(JSONWebKeySet.self, from: Data(json.utf8)) else { return [] }
        return set.keys.compactMap { key in
            if key.use.map({ $0 != "sig" }) ?? false { return nil }
            switch key.kty {
            case "EC":
                guard key.crv == "P-256", let x = key.x.flatMap(Base64URL.decode),
                    let y = key.y.flatMap(Base64URL.decode),
                    x.count == 32, y.count == 32, (try? P256.Signing.PublicKey(rawRepresentation: x + y)) != nil
                else { return nil }
                return .p256(kid: key.kid, raw: x + y)
            case "RSA":
                guard let n = key.n.flatMap(Base64URL.decode), let e = key.e.flatMap(Base64URL.decode),
                    let rsa = RSAPublicKey(n: n, e: e)
                else { return nil }
                return .rsa(kid: key.kid, key: rsa)
            default:
                return nil
            }
        }
    }

    /// The `iss` of an assertion, read without checking anything (to find the client whose keys to check with).
    static func unverifiedIssuer(_ assertion: String) -> String? {
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard assertion.utf8.count < 8192, parts.count == 3, let payload = Base64URL.decode(parts[1]),
            let claims = try? JSONSerialization.jsonObject(with: payload) as? [String: Any]
        else { return nil }
        return claims["iss"] as? String
    }

    /// The claims of `assertion` when one of `keys` signed it (ES256 or RS256), `iss` and `sub` are `clientID`,
    /// `aud` names one of `audiences`, and it expires after `now` but within ``maximumLifetime``; nil otherwise.
    /// The caller must still check that the `jti` was not used before.
    static func verify(
        _ assertion: String, keys: [PublicKey], clientID: String, audiences: Set<String>, now: Int64
    ) -> Claims? {
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard assertion.utf8.count < 8192, parts.count == 3, let headerData = Base64URL.decode(parts[0]),
            let header = try? JSONDecoder().decode([String: String].self, from: headerData),
            let signature = Base64URL.decode(parts[2]), let payload = Base64URL.decode(parts[1])
        else { return nil }
        let input = Data((parts[0] + "." + parts[1]).utf8)
        let candidates = keys.filter { header["kid"] == nil || $0.kid == nil || $0.kid == header["kid"] }
        let signed = candidates.contains { key in
            switch (key, header["alg"]) {
            case (.p256(_, let raw), "ES256"):
                guard let publicKey = try? P256.Signing.PublicKey(rawRepresentation: raw),
                    let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
                else { return false }
                return publicKey.isValidSignature(ecdsa, for: input)
            case (.rsa(_, let publicKey), "RS256"):
                return publicKey.isValid(signature, for: input)
            default:
                return false
            }
        }
        guard signed, let claims = try? JSONDecoder().decode(Claims.self, from: payload), claims.iss == clientID,
            claims.sub == clientID, !audiences.isDisjoint(with: claims.aud.values), claims.exp > now,
            claims.exp <= now + Self.maximumLifetime, !claims.jti.isEmpty, claims.jti.utf8.count <= 256
        else { return nil }
        return claims
    }
}
