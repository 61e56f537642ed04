import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Platform

/// The demo's built-in relying party: stands in for a department system so that "open" on a department-system
/// service really signs the resident in through OpenID Connect, third-party initiated.
///
/// `GET /demo/department/{id}/initiate?iss=…&target_link_uri=…` (the system's `initiate_login_uri`) checks the
/// issuer, keeps state, nonce and a PKCE verifier in a short-lived cookie and sends the browser to
/// `/oauth/authorize`; `GET /demo/department/{id}/callback` checks the state, redeems the code with the verifier
/// (the token endpoint's own exchange), verifies the ID token (signature against the platform's keys, issuer,
/// audience, nonce, expiry), reads the name the `profile` scope releases, and shows "signed in as 张**".
public struct DemoRelyingPartyPages: Sendable {
    let provider: OIDCProvider
    let renderer: PageRenderer
    let secureCookies: Bool
    static let cookie = "cc_demo_rp"

    public init(provider: OIDCProvider, renderer: PageRenderer, secureCookies: Bool) {
        self.provider = provider
        self.renderer = renderer
        self.secureCookies = secureCookies
    }

    /// Registers the two pages.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/demo/department/{id}/initiate") { request, context in
            let query = try QueryParameters(request, allowed: ["iss", "target_link_uri", "login_hint"])
            let (id, client) = try await self.client(context)
            guard query.string("iss") == self.provider.issuer else {
                throw Problem(
                    .badRequest, code: "demo_rp_wrong_issuer", zh: "登录发起请求的 iss 不是本平台。",
                    en: "The login initiation names another issuer.")
            }
            let (state, nonce, verifier) = (
                RandomToken.make(bytes: 16), RandomToken.make(bytes: 16), RandomToken.make()
            )
            let location = AuthorizationRequest.redirect(
                self.provider.issuer + "/oauth/authorize",
                [
                    "response_type": "code", "client_id": client.clientID,
                    "redirect_uri": DemoDepartmentSystems.redirectURI(id, issuer: self.provider.issuer),
                    "scope": DemoDepartmentSystems.scopes.sorted().joined(separator: " "), "state": state,
                    "nonce": nonce, "code_challenge_method": "S256",
                    "code_challenge": Base64URL.encode(Array(SHA256.hash(data: Data(verifier.utf8)))),
                ])
            var response = WebForm.redirect(location)
            response.headers[values: .setCookie] = [self.setCookie("\(id)~\(state)~\(verifier)~\(nonce)", maxAge: 600)]
            return response
        }
        router.get("/demo/department/{id}/callback") { request, context in
            let query = try QueryParameters(request, allowed: ["code", "state", "error", "error_description", "iss"])
            let (id, client) = try await self.client(context)
            let model: Model
            do {
                model = try await self.signIn(id, client, query: query, cookie: request.cookies[Self.cookie]?.value)
            } catch let failure as Failure {
                model = Model(system: client.name, signedIn: false, name: "", level: "", failure: failure.reason)
            } catch let error as OAuthError {
                model = Model(system: client.name, signedIn: false, name: "", level: "", failure: error.error)
            }
            var response = self.renderer.render(
                "demo-department", title: client.name, model: model, request: request, context: context,
                strings: OAuthStrings.table(for: context.locale), status: model.signedIn ? .ok : .badRequest)
            response.headers[values: .setCookie] = [self.setCookie("", maxAge: 0)]
            return response
        }
    }

    /// What the relying party's page shows.
    struct Model: Sendable {
        let system: String
        let signedIn: Bool
        let name: String
        let level: String
        let failure: String?
    }

    /// Why the relying party refused a callback.
    struct Failure: Error {
        let reason: String
    }

    private func client(_ context: AppRequestContext) async throws -> (String, OAuthClient) {
        let id = try context.parameters.require("id")
        guard DemoDepartmentSystems.isServiceID(id),
            let client = try await self.provider.clients.find(DemoDepartmentSystems.clientID(id))
        else {
            throw Problem.notFound(
                code: "demo_system_not_found", zh: "没有这个演示部门系统。", en: "No such demo department system.")
        }
        return (id, client)
    }

    /// The code flow's second half, as the department system would do it.
    private func signIn(_ id: String, _ client: OAuthClient, query: QueryParameters, cookie: String?) async throws
        -> Model
    {
        let kept = (cookie ?? "").split(separator: "~").map(String.init)
        guard kept.count == 4, kept[0] == id, let state = query.string("state"), state == kept[1] else {
            throw Failure(reason: "state_mismatch")
        }
        if let error = query.string("error") { throw Failure(reason: error) }
        guard let code = query.string("code") else { throw Failure(reason: "missing_code") }
        let tokens = try await self.provider.exchange(
            code: code, verifier: kept[2],
            redirectURI: DemoDepartmentSystems.redirectURI(id, issuer: self.provider.issuer),
            client: client)
        let now = AccountRepository.now()
        guard let idToken = tokens.idToken,
            let claims = try await self.provider.identity.authority.signer(verifying: idToken)
                .verify(idToken, as: IDTokenClaims.self),
            claims.iss == self.provider.issuer, claims.aud == client.clientID, claims.nonce == kept[3],
            claims.exp > now
        else { throw Failure(reason: "invalid_id_token") }
        guard
            let access = try await self.provider.identity.authority.signer(verifying: tokens.accessToken)
                .verify(tokens.accessToken, as: ClientAccessClaims.self),
            access.sub == claims.sub, access.exp > now,
            let accountID = try await self.provider.accountID(forSubject: claims.sub, client: client),
            let account = try await self.provider.identity.accounts.find(id: accountID)
        else { throw Failure(reason: "invalid_access_token") }
        let info = try await self.provider.userinfoClaims(
            account: account, client: client, scopes: Set(access.scope.split(separator: " ").map(String.init)),
            clientAddress: nil)
        guard case .string(let name)? = info["name"] else { throw Failure(reason: "no_name_released") }
        return Model(
            system: client.name, signedIn: true, name: DemoDepartmentSystems.masked(name), level: claims.acr,
            failure: nil)
    }

    private func setCookie(_ value: String, maxAge: Int) -> String {
        var cookie = "\(Self.cookie)=\(value); Path=/demo/department/; Max-Age=\(maxAge); HttpOnly; SameSite=Lax"
        if self.secureCookies { cookie += "; Secure" }
        return cookie
    }
}
