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
    let smsCodes: SMSCodeService
    let sessions: ConsoleSessionRepository
    let audit: AuditLog
    let renderer: PageRenderer
    let secureCookies: Bool
    static let sessionCookie = "cc_session"
    static let csrfCookie = "cc_signin_csrf"

    public init(
        service: IdentityService, smsCodes: SMSCodeService, audit: AuditLog, renderer: PageRenderer,
        database: Database, secureCookies: Bool = true
    ) {
        self.service = service
        self.smsCodes = smsCodes
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
        /// Whether the visitor has just set a new password.
        let reset: Bool
        /// `next`, percent-encoded for the links to the SMS forms.
        let nextQuery: String
    }

    /// Registers `/signin` and `/signout`.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/signin") { request, context in
            let query = try QueryParameters(request, allowed: ["next", "lang", "reset"])
            let next = WebForm.localPath(query.string("next"))
            if context.principal != nil { return WebForm.redirect(next) }
            return self.form(
                request: request, context: context, next: next, error: nil, username: "", status: .ok,
                reset: query.string("reset") == "1")
        }
        self.registerSMS(on: router)
        router.post("/signin") { request, context in
            let fields = try await WebForm.fields(request, context: context)
            let csrf = request.cookies[Self.csrfCookie]?.value ?? ""
            guard !csrf.isEmpty, let sent = fields["csrf"], sent == csrf else { throw WebForm.csrfFailed }
            let next = WebForm.localPath(fields["next"])
            let username = fields["username"] ?? ""
            do {
                let account = try await self.service.authenticate(
                    username: username, password: fields["password"] ?? "", otp: nil, address: context.clientAddress)
                return try await self.openSession(account, next: next)
            } catch let problem as Problem where problem.status == .unauthorized || problem.status == .tooManyRequests {
                let key =
                    switch problem.code {
                    case "too_many_attempts": "console_throttled"
                    case "otp_required": "signin_use_console"
                    default: "signin_failed"
                    }
                var message = SignInStrings.table(for: context.locale)[key] ?? ""
                if key == "console_throttled" { message = Self.lockedOut(context.locale) }
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

    /// Opens the site session for `account` and redirects to `next`.
    func openSession(_ account: Account, next: String) async throws -> Response {
        let token = try await self.sessions.open(accountID: account.id)
        var response = WebForm.redirect(next)
        response.headers[values: .setCookie] = [
            self.cookie(Self.sessionCookie, token, path: "/", maxAge: Int(ConsoleSessionRepository.lifetime)),
            self.cookie(OIDCRoutes.ssoCookie, token, path: "/oauth", maxAge: Int(ConsoleSessionRepository.lifetime)),
            self.cookie(Self.csrfCookie, "", path: "/signin", maxAge: 0),
        ]
        return response
    }

    /// After too many failures: when the visitor may try the password again at the latest (city time).
    static func lockedOut(_ locale: AppLocale) -> String {
        let until = Date(timeIntervalSince1970: TimeInterval(CityClock.now() + AccountRepository.lockDuration))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.dateFormat = "HH:mm"
        let time = formatter.string(from: until)
        return locale == .zh
            ? "登录失败次数过多，密码登录已暂停，最迟 \(time) 后可再试；现在也可以用短信验证码登录。"
            : "Too many failed sign-ins: password sign-in is paused until \(time) at the latest; "
                + "you can sign in with an SMS code now."
    }

    private func form(
        request: Request, context: AppRequestContext, next: String, error: String?, username: String,
        status: HTTPResponse.Status, reset: Bool = false
    ) -> Response {
        let csrf = RandomToken.make(bytes: 16)
        let strings = SignInStrings.table(for: context.locale)
        var response = self.renderer.render(
            "signin", title: strings["signin_title"] ?? "",
            model: Model(
                csrf: csrf, next: next, error: error ?? "", hasError: error != nil, username: username, reset: reset,
                nextQuery: next.addingPercentEncoding(withAllowedCharacters: WebForm.unreserved) ?? "%2F"),
            request: request, context: context, strings: strings, status: status)
        response.headers[values: .setCookie].append(self.cookie(Self.csrfCookie, csrf, path: "/signin", maxAge: 3600))
        return response
    }

    func cookie(_ name: String, _ value: String, path: String, maxAge: Int) -> String {
        var cookie = "\(name)=\(value); Path=\(path); Max-Age=\(maxAge); HttpOnly; SameSite=Lax"
        if self.secureCookies { cookie += "; Secure" }
        return cookie
    }
}
