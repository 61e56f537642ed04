import Crypto
import Foundation
import Platform

/// Signs and verifies tokens: compact JWS with ES256 (P-256, SHA-256) for access and logout tokens, and RS256
/// (RSA 2048, PKCS#1 v1.5, SHA-256) or ES256 for ID tokens as each client registered; the key id in the header.
///
/// Tokens are self-contained, so any node verifies them without a database read; they live for ``lifetime``, and a
/// token withdrawn earlier is refused through the ``RevocationList`` every node keeps.
public struct TokenSigner: Sendable {
    /// Access token lifetime in seconds.
    public static let lifetime: Int64 = 900
    /// The `iss` claim.
    public let issuer: String
    private let kid: String
    // Raw key bytes: swift-crypto's key types are not `Sendable`; rebuilding one from bytes costs microseconds.
    private let key: Data
    private let verifiers: [String: Data]
    /// The encoded ES256 header of the current key (the same for every access token).
    private let es256Header: String
    /// The current RSA key's id and DER bytes (nil when the signer has no RSA key: RS256 signing then throws).
    let rsaSigning: (kid: String, der: Data)?
    /// The RSA public keys by id.
    let rsaVerifiers: [String: RSAPublicKey]

    /// `keys` maps key ids to P-256 keys, `rsaKeys` key ids to RSA private keys as DER; the `current` ones sign,
    /// every key verifies.
    public init(
        issuer: String, keys: [String: P256.Signing.PrivateKey], current: String, rsaKeys: [String: Data] = [:],
        rsaCurrent: String? = nil
    ) {
        precondition(keys[current] != nil, "the current key must be among the keys")
        self.issuer = issuer
        self.kid = current
        self.key = keys[current]!.rawRepresentation
        self.es256Header = Base64URL.encode(Data(#"{"alg":"ES256","kid":"\#(current)","typ":"JWT"}"#.utf8))
        self.verifiers = keys.mapValues(\.publicKey.rawRepresentation)
        self.rsaSigning = rsaCurrent.flatMap { kid in rsaKeys[kid].map { (kid, $0) } }
        self.rsaVerifiers = rsaKeys.compactMapValues(RSAPublicKey.init(privateDER:))
    }

    /// A signed token for `principal`.
    public func sign(_ principal: Principal, now: Date = Date()) throws -> String {
        let issued = Int64(now.timeIntervalSince1970)
        let claims = AccessTokenClaims(
            iss: self.issuer, sub: principal.subject, acr: "L\(principal.level)", iat: issued,
            exp: issued + Self.lifetime, jti: RandomToken.make(bytes: 16), roles: [principal.role.rawValue],
            scope: principal.scope
        )
        return try self.sign(claims: claims)
    }

    /// Any claims as a compact JWS under the current key of `algorithm`; `type` goes into the `typ` header.
    public func sign(claims: some Encodable, type: String = "JWT", algorithm: JWSAlgorithm = .es256) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard algorithm == .es256 else {
            let (kid, der) = try self.rsaSigningKey()
            let header = try encoder.encode(["alg": algorithm.rawValue, "typ": type, "kid": kid])
            let input = Base64URL.encode(header) + "." + Base64URL.encode(try encoder.encode(claims))
            return input + "." + Base64URL.encode(try Self.rs256Signature(Data(input.utf8), der: der))
        }
        let header =
            type == "JWT"
            ? self.es256Header : Base64URL.encode(try encoder.encode(["alg": "ES256", "typ": type, "kid": self.kid]))
        let input = header + "." + Base64URL.encode(try encoder.encode(claims))
        let signature = try P256.Signing.PrivateKey(rawRepresentation: self.key).signature(for: Data(input.utf8))
        return input + "." + Base64URL.encode(signature.rawRepresentation)
    }

    /// The claims of a first-party access token whose signature, issuer and expiry are good; nil otherwise.
    public func verify(_ token: String, now: Date = Date()) -> AccessTokenClaims? {
        guard let claims = self.verify(token, as: AccessTokenClaims.self),
            claims.iss == self.issuer, claims.exp > Int64(now.timeIntervalSince1970)
        else { return nil }
        return claims
    }

    /// The payload of a token whose signature one of the keys made, decoded as `type` (expiry not checked).
    public func verify<C: Decodable>(_ token: String, as type: C.Type) -> C? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count < 8192, parts.count == 3,
            let headerData = Base64URL.decode(parts[0]),
            let header = try? JSONDecoder().decode([String: String].self, from: headerData)
        else { return nil }
        if header["alg"] == JWSAlgorithm.rs256.rawValue {
            guard let kid = header["kid"], let publicKey = self.rsaVerifiers[kid],
                let signature = Base64URL.decode(parts[2]),
                publicKey.isValid(signature, for: Data((parts[0] + "." + parts[1]).utf8)),
                let payload = Base64URL.decode(parts[1])
            else { return nil }
            return try? JSONDecoder().decode(C.self, from: payload)
        }
        guard header["alg"] == "ES256", let kid = header["kid"], let publicBytes = self.verifiers[kid],
            let publicKey = try? P256.Signing.PublicKey(rawRepresentation: publicBytes),
            let signatureData = Base64URL.decode(parts[2]),
            let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signatureData),
            publicKey.isValidSignature(signature, for: Data((parts[0] + "." + parts[1]).utf8)),
            let payload = Base64URL.decode(parts[1])
        else { return nil }
        return try? JSONDecoder().decode(C.self, from: payload)
    }

    /// Whether a token names a key id this signer does not know (another node rotated: reload the keys).
    public func hasUnknownKey(_ token: String) -> Bool {
        guard let header = token.split(separator: ".").first.flatMap({ Base64URL.decode($0) }),
            let fields = try? JSONDecoder().decode([String: String].self, from: header), let kid = fields["kid"]
        else { return false }
        return self.verifiers[kid] == nil && self.rsaVerifiers[kid] == nil
    }

    /// The public keys as a JSON Web Key Set (RFC 7517): the P-256 keys, then the RSA keys, each newest last.
    public var jwks: JSONWebKeySet {
        let ec = self.verifiers.sorted { $0.key < $1.key }.map { kid, raw in
            JSONWebKeySet.Key(
                kty: "EC", kid: kid, use: "sig", alg: "ES256", crv: "P-256",
                x: Base64URL.encode(raw.prefix(32)), y: Base64URL.encode(raw.suffix(32)))
        }
        let rsa = self.rsaVerifiers.sorted { $0.key < $1.key }.map { kid, key in
            JSONWebKeySet.Key(
                kty: "RSA", kid: kid, use: "sig", alg: "RS256", n: Base64URL.encode(key.modulus),
                e: Base64URL.encode(key.exponent))
        }
        return JSONWebKeySet(keys: ec + rsa)
    }

    /// The principal a verified token names.
    public func principal(from token: String) -> Principal? {
        self.verify(token).flatMap(self.principal(from:))
    }

    /// The principal verified claims name.
    public func principal(from claims: AccessTokenClaims) -> Principal? {
        guard let role = claims.roles.first.flatMap(Role.init(rawValue:)) else { return nil }
        return Principal(subject: claims.sub, role: role, scope: claims.scope, level: claims.level)
    }
}
