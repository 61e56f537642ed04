import Foundation
import HTTPTypes
import Hummingbird
import Platform

/// The site's own sign-in for residents (and officials without a second factor) at `/signin`, and `/signout`.
///
/// A successful sign-in opens a session whose cookie (`cc_session`, `Path=/`, `HttpOnly`, `SameSite=Lax`) signs
/// every page of the site in; the same token is set as the OpenID Connect provider's browser session, so a department
/// system's sign-in then completes without the password again. The form uses a double-submit CSRF cookie; `next`
/// only ever redirects within the site.
public struct SignInPages: Sendable {
    let service: IdentityService
    let sessions: ConsoleSessionRepository
    let audit: AuditLog
    let renderer: PageRenderer
    let secureCookies: Bool
    static let sessionCookie = "cc_session"
    static let csrfCookie = "cc_signin_csrf"

    public init(
        service: IdentityService, audit: AuditLog, renderer: PageRenderer, database: Database,
        secureCookies: Bool = true
    ) {
        self.service = service
        self.sessions = ConsoleSessionRepository(database: database)
        self.audit = audit
        self.renderer = renderer
        self.secureCookies = secureCookies
    }

    /// The sign-in form's model.
    struct Model: Sendable {
        let csrf: String
        let next: String
        let error: String
        let hasError: Bool
        let username: String
    }

    /// Registers `/signin` and `/signout`.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/signin") { request, context in
            let query = try QueryParameters(request, allowed: ["next", "lang"])
            let next = WebForm.localPath(query.string("next"))
            if context.principal != nil { return WebForm.redirect(next) }
            return self.form(request: request, context: context, next: next, error: nil, username: "", status: .ok)
        }
        router.post("/signin") { request, context in
            let fields = try await WebForm.fields(request, context: context)
            let csrf = request.cookies[Self.csrfCookie]?.value ?? ""
            guard !csrf.isEmpty, let sent = fields["csrf"], sent == csrf else { throw WebForm.csrfFailed }
            let next = WebForm.localPath(fields["next"])
            let username = fields["username"] ?? ""
            do {
                let account = try await self.service.authenticate(
                    username: username, password: fields["password"] ?? "", otp: nil, address: context.clientAddress)
                let token = try await self.sessions.open(accountID: account.id)
                var response = WebForm.redirect(next)
                response.headers[values: .setCookie] = [
                    self.cookie(Self.sessionCookie, token, path: "/", maxAge: Int(ConsoleSessionRepository.lifetime)),
                    self.cookie(
                        OIDCRoutes.ssoCookie, token, path: "/oauth", maxAge: Int(ConsoleSessionRepository.lifetime)),
                    self.cookie(Self.csrfCookie, "", path: "/signin", maxAge: 0),
                ]
                return response
            } catch let problem as Problem where problem.status == .unauthorized || problem.status == .tooManyRequests {
                let key =
                    switch problem.code {
                    case "too_many_attempts": "console_throttled"
                    case "otp_required": "signin_use_console"
                    default: "signin_failed"
                    }
                let message = SignInStrings.table(for: context.locale)[key] ?? ""
                return self.form(
                    request: request, context: context, next: next, error: message, username: username,
                    status: problem.status)
            }
        }
        router.post("/signout") { request, context in
            let (principal, _) = try await WebForm.requireSession(request, context: context)
            if let token = request.cookies[Self.sessionCookie]?.value {
                try await self.sessions.close(token)
            }
            try await self.audit.record(
                AuditEvent(actor: principal.subject, action: "auth.logout", address: context.clientAddress))
            var response = WebForm.redirect("/")
            response.headers[values: .setCookie] = [
                self.cookie(Self.sessionCookie, "", path: "/", maxAge: 0),
                self.cookie(OIDCRoutes.ssoCookie, "", path: "/oauth", maxAge: 0),
            ]
            return response
        }
    }

    private func form(
        request: Request, context: AppRequestContext, next: String, error: String?, username: String,
        status: HTTPResponse.Status
    ) -> Response {
        let csrf = RandomToken.make(bytes: 16)
        let strings = SignInStrings.table(for: context.locale)
        var response = self.renderer.render(
            "signin", title: strings["signin_title"] ?? "",
            model: Model(csrf: csrf, next: next, error: error ?? "", hasError: error != nil, username: username),
            request: request, context: context, strings: strings, status: status)
        response.headers[values: .setCookie].append(self.cookie(Self.csrfCookie, csrf, path: "/signin", maxAge: 3600))
        return response
    }

    private func cookie(_ name: String, _ value: String, path: String, maxAge: Int) -> String {
        var cookie = "\(name)=\(value); Path=\(path); Max-Age=\(maxAge); HttpOnly; SameSite=Lax"
        if self.secureCookies { cookie += "; Secure" }
        return cookie
    }
}
