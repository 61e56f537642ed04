import Foundation
import HTTPTypes
import Hummingbird
import Platform

extension OIDCRoutes {
    /// The sign-in and consent page's model.
    struct AuthorizeModel: Sendable {
        let clientName: String
        let scopes: [String]
        let fields: [[String: String]]
        let csrf: String
        let signedIn: Bool
        let name: String
        let error: String
        let hasError: Bool
        /// A trusted client: the page is a plain sign-in form, without the approve and deny buttons.
        let trusted: Bool
    }

    func registerAuthorize(on router: Router<AppRequestContext>) {
        router.get("/oauth/authorize") { request, context in
            return try await self.authorize(Self.formDecoded(request.uri.query), request: request, context: context)
        }
        router.post("/oauth/authorize") { request, context in
            let form = try await ConsolePages.form(request, context: context)
            guard let csrf = request.cookies[Self.csrfCookie]?.value, !csrf.isEmpty, form["csrf"] == csrf else {
                throw WebForm.csrfFailed
            }
            return try await self.decide(form, request: request, context: context)
        }
        router.get("/oauth/logout") { request, context in try await self.logout(request, context) }
    }

    /// A query string decoded as `application/x-www-form-urlencoded`: relying-party libraries (Authlib, for one)
    /// encode the spaces in `scope` as `+`, which plain percent-decoding would keep.
    static func formDecoded(_ query: String?) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String? {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else { continue }
            if parameters[name] == nil { parameters[name] = value }
        }
        return parameters
    }

    private func authorize(
        _ parameters: [String: String], request: Request, context: AppRequestContext
    ) async throws -> Response {
        let authorization: AuthorizationRequest
        do {
            authorization = try await AuthorizationRequest.validate(parameters, clients: self.provider.clients)
        } catch let refusal as AuthorizationRequest.Refusal {
            return WebForm.redirect(refusal.location)
        }
        let session = try await self.session(request)
        if let session, authorization.prompt != "login", authorization.prompt != "consent" {
            let consented = try await self.provider.codes.consent(
                accountID: session.account.id, clientID: authorization.client.clientID)
            // Trusted (first-party) clients skip the consent page: a signed-in resident gets the code directly.
            if authorization.client.trusted || authorization.scopes.isSubset(of: consented) {
                return try await self.issueCode(
                    authorization, account: session.account, authTime: session.authTime, sid: session.sid)
            }
        }
        if authorization.prompt == "none" {
            let error = session == nil ? "login_required" : "consent_required"
            return WebForm.redirect(
                AuthorizationRequest.redirect(
                    authorization.redirectURI, ["error": error, "state": authorization.state]))
        }
        let signedIn = authorization.prompt == "login" ? nil : session?.account
        return self.page(authorization, signedIn: signedIn, error: nil, request: request, context: context)
    }

    private func decide(_ form: [String: String], request: Request, context: AppRequestContext) async throws
        -> Response
    {
        let authorization: AuthorizationRequest
        do {
            authorization = try await AuthorizationRequest.validate(form, clients: self.provider.clients)
        } catch let refusal as AuthorizationRequest.Refusal {
            return WebForm.redirect(refusal.location)
        }
        let existing = form["username"] == nil ? try await self.session(request) : nil
        var account = existing?.account
        let authTime = existing?.authTime ?? AccountRepository.now()
        var sid = existing?.sid
        var sessionCookie: String?
        if account == nil {
            do {
                let signedIn = try await self.provider.identity.authenticate(
                    username: form["username"] ?? "", password: form["password"] ?? "", otp: form["otp"],
                    address: context.clientAddress)
                let token = try await self.provider.sessions.open(accountID: signedIn.id)
                sessionCookie = token
                sid = ConsoleSessionRepository.sid(for: token)
                account = signedIn
            } catch let problem as Problem where problem.status == .unauthorized || problem.status == .tooManyRequests {
                let message = context.locale.pick(zh: problem.detailZH, en: problem.detailEN)
                return self.page(authorization, signedIn: nil, error: message, request: request, context: context)
            }
        }
        guard let account else { throw AuthorizationProblem.unauthenticated }
        // For a trusted client the sign-in itself is the approval (a sign-in form without a decision button).
        let approved = form["decision"] == "approve" || (authorization.client.trusted && form["decision"] == nil)
        guard approved else {
            return WebForm.redirect(
                AuthorizationRequest.redirect(
                    authorization.redirectURI, ["error": "access_denied", "state": authorization.state]))
        }
        try await self.provider.codes.recordConsent(
            accountID: account.id, clientID: authorization.client.clientID, scopes: authorization.scopes)
        var response = try await self.issueCode(authorization, account: account, authTime: authTime, sid: sid)
        if let sessionCookie {
            response.headers[values: .setCookie].append(
                self.cookie(Self.ssoCookie, sessionCookie, maxAge: Int(ConsoleSessionRepository.lifetime)))
        }
        return response
    }

    private func issueCode(
        _ authorization: AuthorizationRequest, account: Account, authTime: Int64, sid: String?
    ) async throws -> Response {
        let code = try await self.provider.codes.issue(
            AuthorizationCodeRepository.Grant(
                clientID: authorization.client.clientID, accountID: account.id,
                redirectURI: authorization.redirectURI, scope: authorization.scopes.sorted().joined(separator: " "),
                nonce: authorization.nonce, codeChallenge: authorization.codeChallenge, authTime: authTime, sid: sid))
        return WebForm.redirect(
            AuthorizationRequest.redirect(authorization.redirectURI, ["code": code, "state": authorization.state]))
    }

    /// RP-initiated logout: ends the provider's session; returns to a registered post-logout URI when the client
    /// proves who it is with an ID token it was issued.
    private func logout(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        if let token = request.cookies[Self.ssoCookie]?.value, !token.isEmpty {
            if let session = try await self.provider.sessions.details(token) {
                try await self.provider.identity.audit.record(
                    AuditEvent(actor: session.accountID, action: "oidc.logout", address: context.clientAddress))
                try await self.provider.queueBackChannelLogout(
                    accountID: session.accountID, sid: ConsoleSessionRepository.sid(for: token))
            }
            try await self.provider.sessions.close(token)
        }
        var response: Response
        let signer = try await self.provider.identity.authority.signer()
        if let hint = query.get("id_token_hint"), let claims = signer.verify(hint, as: IDTokenClaims.self),
            claims.iss == self.provider.issuer, let target = query.get("post_logout_redirect_uri"),
            let client = try await self.provider.clients.find(claims.aud),
            client.postLogoutRedirectURIs.contains(target)
        {
            response = WebForm.redirect(AuthorizationRequest.redirect(target, ["state": query.get("state")]))
        } else {
            let strings = OAuthStrings.table(for: context.locale)
            response = self.renderer.render(
                "oauth-signed-out", title: strings["signed_out"] ?? "", model: [String: String](), request: request,
                context: context, strings: strings)
        }
        response.headers[values: .setCookie].append(self.cookie(Self.ssoCookie, "", maxAge: 0))
        return response
    }

    private func page(
        _ authorization: AuthorizationRequest, signedIn: Account?, error: String?, request: Request,
        context: AppRequestContext
    ) -> Response {
        let strings = OAuthStrings.table(for: context.locale)
        let csrf = RandomToken.make(bytes: 16)
        let model = AuthorizeModel(
            clientName: authorization.client.name,
            scopes: authorization.scopes.sorted().compactMap { strings["scope_" + $0] },
            fields: authorization.hiddenFields,
            csrf: csrf, signedIn: signedIn != nil, name: signedIn?.name ?? "", error: error ?? "",
            hasError: error != nil, trusted: authorization.client.trusted)
        var response = self.renderer.render(
            "oauth-authorize", title: strings["authorize_title"] ?? "", model: model, request: request,
            context: context, strings: strings, status: error == nil ? .ok : .unauthorized)
        response.headers[values: .setCookie].append(self.cookie(Self.csrfCookie, csrf, maxAge: 3600))
        return response
    }

    /// The provider session of the request (single sign-on across clients).
    private func session(_ request: Request) async throws -> (account: Account, authTime: Int64, sid: String)? {
        guard let token = request.cookies[Self.ssoCookie]?.value, !token.isEmpty,
            let details = try await self.provider.sessions.details(token),
            let account = try await self.provider.identity.accounts.find(id: details.accountID)
        else { return nil }
        return (account, details.authTime, ConsoleSessionRepository.sid(for: token))
    }

    func cookie(_ name: String, _ value: String, maxAge: Int) -> String {
        // Lax, not Strict: the browser arrives at /oauth/authorize by a top-level redirect from the client's site.
        var cookie = "\(name)=\(value); Path=/oauth; Max-Age=\(maxAge); HttpOnly; SameSite=Lax"
        if self.secureCookies { cookie += "; Secure" }
        return cookie
    }
}
