/// A JSON Web Key Set (RFC 7517) of public signing keys: EC P-256 (`crv`, `x`, `y`) or RSA (`n`, `e`).
public struct JSONWebKeySet: Codable, Sendable {
    /// One public key; the members of the other key type are absent.
    public struct Key: Codable, Sendable {
        public let kty: String
        public let kid: String?
        public let use: String?
        public let alg: String?
        public var crv: String? = nil
        public var x: String? = nil
        public var y: String? = nil
        public var n: String? = nil
        public var e: String? = nil
    }

    public let keys: [Key]
}

/// The JWS algorithms this provider signs with (RFC 7518 names).
public enum JWSAlgorithm: String, Sendable, CaseIterable {
    /// RSASSA-PKCS1-v1_5 with SHA-256: the OpenID Connect default for ID tokens.
    case rs256 = "RS256"
    /// ECDSA with P-256 and SHA-256.
    case es256 = "ES256"
}
