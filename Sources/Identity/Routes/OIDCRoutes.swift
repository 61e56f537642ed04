import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Platform

/// The OpenID Connect provider's endpoints: discovery, JWKS, authorize (with sign-in and consent pages), token,
/// userinfo, revocation and RP-initiated logout. OAuth endpoints answer errors in RFC 6749 form, not problem+json.
public struct OIDCRoutes: Sendable {
    let provider: OIDCProvider
    let renderer: PageRenderer
    let secureCookies: Bool
    static let ssoCookie = "cc_sso"
    static let csrfCookie = "cc_oauth_csrf"

    public init(provider: OIDCProvider, renderer: PageRenderer, secureCookies: Bool = true) {
        self.provider = provider
        self.renderer = renderer
        self.secureCookies = secureCookies
    }

    /// Registers the routes.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/.well-known/openid-configuration") { _, _ in Self.json(self.discovery) }
        router.get("/oauth/jwks") { _, _ in Self.json(try await self.provider.identity.authority.signer().jwks) }
        router.post("/oauth/token") { request, context in
            try await Self.oauth { try await self.token(request, context) }
        }
        router.get("/oauth/userinfo") { request, context in try await self.userinfo(request, context) }
        router.post("/oauth/userinfo") { request, context in try await self.userinfo(request, context) }
        router.post("/oauth/revoke") { request, context in
            try await Self.oauth {
                let form = try await ConsolePages.form(request, context: context)
                let client = try await self.authenticateClient(request, form: form)
                if let token = form["token"] {
                    // RFC 7009: a refresh token revokes its family; an access token issued to this client is
                    // withdrawn on every node (checked by userinfo and the API). Other tokens are ignored.
                    let signer = try await self.provider.identity.authority.signer(verifying: token)
                    if let claims = signer.verify(token, as: ClientAccessClaims.self),
                        claims.iss == self.provider.issuer, claims.clientID == client.clientID
                    {
                        try await self.provider.identity.revocations.revoke(jti: claims.jti, expires: claims.exp)
                    } else {
                        _ = try await self.provider.identity.refreshTokens.revokeFamily(
                            of: token, clientID: client.clientID)
                    }
                }
                return Response(status: .ok, headers: [.cacheControl: "no-store"])
            }
        }
        self.registerAuthorize(on: router)
    }

    /// The discovery document (OpenID Connect Discovery 1.0).
    var discovery: [String: JSONValue] {
        let base = self.provider.issuer
        return [
            "issuer": .string(base),
            "authorization_endpoint": .string(base + "/oauth/authorize"),
            "token_endpoint": .string(base + "/oauth/token"),
            "userinfo_endpoint": .string(base + "/oauth/userinfo"),
            "jwks_uri": .string(base + "/oauth/jwks"),
            "revocation_endpoint": .string(base + "/oauth/revoke"),
            "end_session_endpoint": .string(base + "/oauth/logout"),
            "response_types_supported": .strings(["code"]),
            "grant_types_supported": .strings(["authorization_code", "refresh_token", "client_credentials"]),
            "subject_types_supported": .strings(["public", "pairwise"]),
            "id_token_signing_alg_values_supported": .strings(JWSAlgorithm.allCases.map(\.rawValue)),
            "code_challenge_methods_supported": .strings(["S256"]),
            "scopes_supported": .strings(OIDCProvider.supportedScopes.sorted()),
            "token_endpoint_auth_methods_supported": .strings([
                "client_secret_basic", "client_secret_post", "private_key_jwt", "none",
            ]),
            "token_endpoint_auth_signing_alg_values_supported": .strings(JWSAlgorithm.allCases.map(\.rawValue)),
            "acr_values_supported": .strings(["L1", "L2", "L3"]),
            "claims_supported": .strings([
                "sub", "name", "phone_number", "id_number", "address", "acr", "auth_time", "nonce",
            ]),
            "prompt_values_supported": .strings(["none", "login", "consent"]),
            "backchannel_logout_supported": .bool(true),
            "backchannel_logout_session_supported": .bool(true),
        ]
    }

    private func token(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await ConsolePages.form(request, context: context)
        let client = try await self.authenticateClient(request, form: form)
        let tokens: OIDCProvider.Tokens
        switch form["grant_type"] {
        case "authorization_code":
            guard let code = form["code"], let verifier = form["code_verifier"], let redirect = form["redirect_uri"]
            else { throw OAuthError.invalidRequest("code, code_verifier and redirect_uri are required") }
            tokens = try await self.provider.exchange(
                code: code, verifier: verifier, redirectURI: redirect, client: client)
        case "refresh_token":
            guard let token = form["refresh_token"] else {
                throw OAuthError.invalidRequest("refresh_token is required")
            }
            tokens = try await self.provider.refresh(token, client: client)
        case "client_credentials":
            tokens = try await self.provider.clientCredentials(client: client, scope: form["scope"])
        default:
            throw OAuthError.unsupportedGrantType()
        }
        return Self.json(tokens)
    }

    /// The calling client: HTTP Basic or `client_secret` in the form for confidential clients, `client_id` alone for
    /// public ones.
    private func authenticateClient(_ request: Request, form: [String: String]) async throws -> OAuthClient {
        var clientID = form["client_id"]
        var secret = form["client_secret"]
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst(6))).flatMap({ String(data: $0, encoding: .utf8) }
            ),
            let colon = decoded.firstIndex(of: ":")
        {
            clientID = String(decoded[..<colon]).removingPercentEncoding
            secret = String(decoded[decoded.index(after: colon)...]).removingPercentEncoding
        }
        if form["client_assertion_type"] != nil || form["client_assertion"] != nil {
            return try await self.authenticateWithAssertion(form: form, basicClientID: secret == nil ? nil : clientID)
        }
        guard let clientID else { throw OAuthError.invalidClient() }
        if let secret {
            guard let client = try await self.provider.clients.authenticate(clientID, secret: secret) else {
                throw OAuthError.invalidClient()
            }
            return client
        }
        guard let client = try await self.provider.clients.find(clientID), !client.isConfidential else {
            throw OAuthError.invalidClient()
        }
        return client
    }

    private func userinfo(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            return Self.bearerError("invalid_request")
        }
        let token = String(header.dropFirst(7))
        let signer = try await self.provider.identity.authority.signer(verifying: token)
        guard let claims = signer.verify(token, as: ClientAccessClaims.self), claims.iss == self.provider.issuer,
            claims.exp > AccountRepository.now(), claims.acr != nil,
            claims.scope.split(separator: " ").contains("openid"),
            let client = try await self.provider.clients.find(claims.clientID),
            let accountID = try await self.provider.accountID(forSubject: claims.sub, client: client),
            !self.provider.identity.revocations.isRevoked(subject: accountID, jti: claims.jti, issuedAt: claims.iat),
            let account = try await self.provider.identity.accounts.find(id: accountID)
        else { return Self.bearerError("invalid_token") }
        let scopes = Set(claims.scope.split(separator: " ").map(String.init))
        var body = try await self.provider.userinfoClaims(
            account: account, client: client, scopes: scopes, clientAddress: context.clientAddress)
        body["sub"] = .string(claims.sub)
        body["acr"] = .string(claims.acr ?? "L1")
        return Self.json(body)
    }

    /// Runs an OAuth endpoint, turning ``OAuthError`` into its JSON answer.
    static func oauth(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as OAuthError {
            var headers: HTTPFields = [.cacheControl: "no-store", .contentType: "application/json"]
            if error.status == 401 { headers[.wwwAuthenticate] = "Basic realm=\"citizen-cloud\"" }
            let text = try JSONEncoder().encode(["error": error.error, "error_description": error.description])
            return Response(
                status: .init(code: error.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: text)))
        }
    }

    static func bearerError(_ error: String) -> Response {
        Response(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer error=\"\(error)\""])
    }

    static func json(_ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A JSON value for documents with mixed member types.
enum JSONValue: Encodable, Sendable {
    case string(String)
    case strings([String])
    case bool(Bool)
    case object([String: String])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .strings(let values): try container.encode(values)
        case .bool(let value): try container.encode(value)
        case .object(let members): try container.encode(members)
        }
    }
}
