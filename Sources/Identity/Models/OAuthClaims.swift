/// The claims of an access token issued to a client (a department system), audience-restricted to it.
struct ClientAccessClaims: Codable, Sendable {
    let iss: String
    /// The subject as the client knows it (pairwise when the client is), or the client id for client credentials.
    let sub: String
    let aud: String
    let clientID: String
    /// Space-separated OAuth scopes.
    let scope: String
    let iat: Int64
    let exp: Int64
    let jti: String
    /// Assurance level of the resident (`L1`–`L3`); nil for client credentials.
    let acr: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, scope, iat, exp, jti, acr
        case clientID = "client_id"
    }
}

/// The claims of an ID token (OpenID Connect Core §2).
struct IDTokenClaims: Codable, Sendable {
    let iss: String
    let sub: String
    let aud: String
    let iat: Int64
    let exp: Int64
    let authTime: Int64
    let nonce: String?
    let acr: String
    let sid: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, iat, exp, nonce, acr, sid
        case authTime = "auth_time"
    }
}

/// An RFC 6749 error answer (`{"error": …, "error_description": …}`), used by the token endpoints instead of
/// problem+json because OAuth clients expect this shape.
struct OAuthError: Error, Sendable {
    let error: String
    let description: String
    let status: Int

    static func invalidRequest(_ description: String) -> OAuthError {
        OAuthError(error: "invalid_request", description: description, status: 400)
    }
    static func invalidClient() -> OAuthError {
        OAuthError(error: "invalid_client", description: "client authentication failed", status: 401)
    }
    static func invalidGrant(_ description: String) -> OAuthError {
        OAuthError(error: "invalid_grant", description: description, status: 400)
    }
    static func invalidScope(_ description: String) -> OAuthError {
        OAuthError(error: "invalid_scope", description: description, status: 400)
    }
    static func unsupportedGrantType() -> OAuthError {
        OAuthError(error: "unsupported_grant_type", description: "unsupported grant_type", status: 400)
    }
    static func unauthorizedClient(_ description: String) -> OAuthError {
        OAuthError(error: "unauthorized_client", description: description, status: 400)
    }
}
