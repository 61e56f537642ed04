/// A department system registered to sign residents in through OpenID Connect (a relying party).
public struct OAuthClient: Sendable, Equatable {
    public let clientID: String
    public let name: String
    /// Exact redirect URIs; an authorization request must use one of them verbatim.
    public let redirectURIs: [String]
    /// Where RP-initiated logout may send the browser afterwards.
    public let postLogoutRedirectURIs: [String]
    /// The scopes the client may ask for (`openid profile phone offline_access`, `api` for client credentials).
    public let scopes: Set<String>
    /// Whether subjects are pairwise (a different `sub` per sector) instead of the account id.
    public let pairwise: Bool
    /// The sector pairwise subjects are computed for (the redirect URIs' host unless given).
    public let sector: String
    /// Where the provider POSTs a logout token when a session the client took part in ends (back-channel logout).
    public let backchannelLogoutURI: String?
    /// Whether the client holds a secret (confidential) or is public (mobile and browser apps; PKCE only).
    public let isConfidential: Bool
    /// How ID tokens for this client are signed (`id_token_signed_response_alg`; RS256 unless it asked for ES256).
    public var idTokenAlgorithm: JWSAlgorithm = .rs256
    /// Whether residents skip the consent page for this client (a first-party system the city runs itself).
    public var trusted = false
    /// The client's public keys (a JWKS as JSON) when it authenticates with `private_key_jwt` instead of a secret.
    public var jwks: String? = nil
    /// Whether the client may receive the `real_name` scope (name and ID number); such a client sees the
    /// account's public `sub`, never a pairwise one, since it knows who the resident is anyway.
    public var allowRealName = false

    /// Whether this client's subjects are pairwise.
    public var usesPairwiseSubjects: Bool { self.pairwise && !self.allowRealName }
}
