import Foundation
import Platform

/// The OpenID Connect provider's logic: subjects, authorization codes and the three grants.
public struct OIDCProvider: Sendable {
    /// The issuer URL (`oidc.issuer`), also the `iss` of every token.
    public let issuer: String
    let identity: IdentityService
    public let clients: ClientRepository
    let codes: AuthorizationCodeRepository
    let sessions: ConsoleSessionRepository
    let database: Database

    public init(identity: IdentityService, database: Database, issuer: String) {
        self.issuer = issuer
        self.identity = identity
        self.clients = ClientRepository(database: database)
        self.codes = AuthorizationCodeRepository(database: database)
        self.sessions = ConsoleSessionRepository(database: database)
        self.database = database
    }

    /// The scopes this provider knows.
    public static let supportedScopes: Set<String> = [
        "openid", "profile", "phone", "address", "real_name", "offline_access", "api",
    ]

    /// The `sub` a client sees for an account: the account id, or for pairwise clients a keyed hash of the account
    /// and the client's sector (remembered so that userinfo can map it back).
    func subject(for accountID: String, client: OAuthClient) async throws -> String {
        guard client.usesPairwiseSubjects else { return accountID }
        let subject = self.identity.accounts.cipher.lookupHash("pairwise|\(client.sector)|\(accountID)")
        try await self.codes.remember(subject: subject, sector: client.sector, accountID: accountID)
        return subject
    }

    /// The account behind a subject a client presents.
    func accountID(forSubject subject: String, client: OAuthClient) async throws -> String? {
        client.usesPairwiseSubjects ? try await self.codes.account(subject: subject, sector: client.sector) : subject
    }

    /// The token response of the token endpoint (RFC 6749 §5.1 field names).
    struct Tokens: Encodable, Sendable {
        let accessToken: String
        let tokenType = "Bearer"
        let expiresIn = TokenSigner.lifetime
        let scope: String
        let idToken: String?
        let refreshToken: String?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case tokenType = "token_type"
            case expiresIn = "expires_in"
            case scope
            case idToken = "id_token"
            case refreshToken = "refresh_token"
        }
    }

    /// Redeems an authorization code (with its PKCE verifier) for tokens.
    func exchange(code: String, verifier: String, redirectURI: String, client: OAuthClient) async throws -> Tokens {
        let grant: AuthorizationCodeRepository.Grant
        switch try await self.codes.redeem(code) {
        case .granted(let redeemed):
            grant = redeemed
        case .replayed(let family):
            // A code seen twice was intercepted: what it issued is withdrawn (RFC 6749 section 4.1.2).
            if let family, let accountID = try await self.identity.refreshTokens.revoke(family: family) {
                try await self.identity.revocations.revokeAll(accountID: accountID)
            }
            throw OAuthError.invalidGrant("the code was already used; the tokens it issued are revoked")
        case .invalid:
            throw OAuthError.invalidGrant("the code is invalid or expired")
        }
        guard grant.clientID == client.clientID, grant.redirectURI == redirectURI else {
            throw OAuthError.invalidGrant("the code was not issued to this client or redirect URI")
        }
        guard PKCE.verify(verifier, challenge: grant.codeChallenge) else {
            throw OAuthError.invalidGrant("code_verifier does not match code_challenge")
        }
        guard let account = try await self.identity.accounts.find(id: grant.accountID) else {
            throw OAuthError.invalidGrant("the account no longer exists")
        }
        let scopes = Set(grant.scope.split(separator: " ").map(String.init))
        var refresh: String? = nil
        if scopes.contains("offline_access") {
            let issued = try await self.identity.refreshTokens.issueFamily(
                accountID: account.id, clientID: client.clientID, scope: grant.scope)
            try await self.codes.attach(refreshFamily: issued.family, to: code)
            refresh = issued.token
        }
        return try await self.tokens(
            account: account, client: client, scope: grant.scope, nonce: grant.nonce, authTime: grant.authTime,
            refresh: refresh, sid: grant.sid)
    }

    /// Rotates a refresh token issued to `client`; a replayed token revokes its family.
    func refresh(_ token: String, client: OAuthClient) async throws -> Tokens {
        switch try await self.identity.refreshTokens.rotate(token, clientID: client.clientID) {
        case .invalid:
            throw OAuthError.invalidGrant("the refresh token is invalid, expired or revoked")
        case .reused(let accountID):
            try await self.identity.revocations.revokeAll(accountID: accountID)
            try await self.identity.audit.record(
                AuditEvent(
                    actor: accountID, action: "oidc.refresh", target: client.clientID, address: nil, success: false,
                    detail: "reuse_revoked_family"))
            throw OAuthError.invalidGrant("the refresh token was already used; its family is revoked")
        case .rotated(let next, let accountID, _, let scope):
            guard let account = try await self.identity.accounts.find(id: accountID) else {
                throw OAuthError.invalidGrant("the account no longer exists")
            }
            return try await self.tokens(
                account: account, client: client, scope: scope ?? "openid", nonce: nil,
                authTime: AccountRepository.now(), refresh: next, sid: nil)
        }
    }

    /// An access token for the client itself (client credentials grant, scope `api`).
    func clientCredentials(client: OAuthClient, scope requested: String?) async throws -> Tokens {
        guard client.isConfidential, client.scopes.contains("api") else {
            throw OAuthError.unauthorizedClient("this client may not use client credentials")
        }
        let requestedScopes = Set((requested ?? "api").split(separator: " ").map(String.init))
        guard requestedScopes == ["api"] else { throw OAuthError.invalidScope("only the scope api is available") }
        let now = AccountRepository.now()
        let access = try await self.identity.authority.signer().sign(
            claims: ClientAccessClaims(
                iss: self.issuer, sub: client.clientID, aud: client.clientID, clientID: client.clientID,
                scope: "api", iat: now, exp: now + TokenSigner.lifetime, jti: RandomToken.make(bytes: 16), acr: nil),
            type: "at+jwt")
        return Tokens(accessToken: access, scope: "api", idToken: nil, refreshToken: nil)
    }

    private func tokens(
        account: Account, client: OAuthClient, scope: String, nonce: String?, authTime: Int64, refresh: String?,
        sid: String?
    ) async throws -> Tokens {
        let signer = try await self.identity.authority.signer()
        let subject = try await self.subject(for: account.id, client: client)
        let now = AccountRepository.now()
        let acr = "L\(account.principal.level)"
        let access = try signer.sign(
            claims: ClientAccessClaims(
                iss: self.issuer, sub: subject, aud: client.clientID, clientID: client.clientID, scope: scope,
                iat: now, exp: now + TokenSigner.lifetime, jti: RandomToken.make(bytes: 16), acr: acr),
            type: "at+jwt")
        let idToken = try signer.sign(
            claims: IDTokenClaims(
                iss: self.issuer, sub: subject, aud: client.clientID, iat: now, exp: now + TokenSigner.lifetime,
                authTime: authTime, nonce: nonce, acr: acr, sid: sid), algorithm: client.idTokenAlgorithm)
        return Tokens(accessToken: access, scope: scope, idToken: idToken, refreshToken: refresh)
    }
}
