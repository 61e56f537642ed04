/// The claims of an access token (a JWS signed with ES256).
public struct AccessTokenClaims: Codable, Sendable, Equatable {
    /// Issuer.
    public let iss: String
    /// The account id.
    public let sub: String
    /// Authentication context class: the assurance level (`L1`–`L3`).
    public let acr: String
    /// Issued at and expiry, Unix seconds.
    public let iat: Int64
    public let exp: Int64
    /// Unique token id.
    public let jti: String
    /// The account's roles (one today).
    public let roles: [String]
    /// An official's division code or department id.
    public let scope: String?

    /// The assurance level as a number.
    public var level: Int { Int(self.acr.dropFirst()) ?? 1 }
}
