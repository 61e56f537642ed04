import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Platform
import Territory

/// The officials' console, server-rendered and usable without JavaScript: sign-in at `/console`, then the home page,
/// residents of the scope, the in-person verification queue and the audit log.
///
/// Sessions live in a cookie (`HttpOnly`, `SameSite=Strict`, `Secure` unless configured off for plain-HTTP
/// development). Every form carries a CSRF token: the sign-in form a double-submit cookie, later forms the
/// session's synchronizer token.
public struct ConsolePages: Sendable {
    let service: IdentityService
    let sessions: ConsoleSessionRepository
    let audit: AuditLog
    let renderer: PageRenderer
    let secureCookies: Bool
    let divisions: DivisionRepository
    /// Every module's console menu entries; each page shows those of the visitor's role.
    let menu: [ConsoleMenuEntry]
    static let sessionCookie = "cc_console"
    static let csrfCookie = "cc_csrf"

    public init(
        service: IdentityService, audit: AuditLog, renderer: PageRenderer, database: Database,
        secureCookies: Bool = true, menu: [ConsoleMenuEntry] = []
    ) {
        self.service = service
        self.sessions = ConsoleSessionRepository(database: database)
        self.audit = audit
        self.renderer = renderer
        self.secureCookies = secureCookies
        self.divisions = DivisionRepository(database: database)
        self.menu = menu.sorted { $0.order < $1.order }
    }

    /// The directory holding this context's templates.
    public static var templateDirectory: String {
        Bundle.module.resourcePath.map { $0 + "/templates" } ?? "Sources/Identity/Resources/templates"
    }

    /// A signed-in console visitor.
    struct Visitor: Sendable {
        let account: Account
        let csrf: String
    }

    /// The sign-in form's model.
    struct SignInModel: Sendable {
        let csrf: String
        let error: String
        let hasError: Bool
        let username: String
    }

    /// Registers the page routes.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/console") { request, context in
            _ = try QueryParameters(request, allowed: [])
            if try await self.visitor(request, context) != nil { return WebForm.redirect("/console/home") }
            return self.signInForm(request: request, context: context, error: nil, username: "", status: .ok)
        }
        router.post("/console/login") { request, context in
            let form = try await Self.form(request, context: context)
            let csrf = request.cookies[Self.csrfCookie]?.value ?? ""
            guard !csrf.isEmpty, form["csrf"] == csrf else { throw WebForm.csrfFailed }
            let username = form["username"] ?? ""
            do {
                let account = try await self.service.authenticate(
                    username: username, password: form["password"] ?? "", otp: form["otp"],
                    address: context.clientAddress)
                let token = try await self.sessions.open(accountID: account.id, kind: .console)
                var response = WebForm.redirect("/console/home")
                response.headers[values: .setCookie] = [
                    self.cookie(Self.sessionCookie, token, maxAge: Int(ConsoleSessionRepository.lifetime)),
                    self.cookie(Self.csrfCookie, "", maxAge: 0),
                ]
                return response
            } catch let problem as Problem where problem.status == .unauthorized || problem.status == .tooManyRequests {
                let key =
                    switch problem.code {
                    case "too_many_attempts": "console_throttled"
                    case "otp_required": "console_otp_needed"
                    default: "console_failed"
                    }
                let message = ConsoleStrings.table(for: context.locale)[key] ?? ""
                return self.signInForm(
                    request: request, context: context, error: message, username: username, status: problem.status)
            }
        }
        router.post("/console/logout") { request, context in
            let form = try await Self.form(request, context: context)
            if let visitor = try await self.visitor(request, context) {
                guard form["csrf"] == visitor.csrf else { throw WebForm.csrfFailed }
                try await self.sessions.close(request.cookies[Self.sessionCookie]!.value, kind: .console)
                try await self.audit.record(
                    AuditEvent(actor: visitor.account.id, action: "auth.logout", address: context.clientAddress))
            }
            var response = WebForm.redirect("/console")
            response.headers[.setCookie] = self.cookie(Self.sessionCookie, "", maxAge: 0)
            return response
        }
        self.registerViews(on: router)
    }

    private func signInForm(
        request: Request, context: AppRequestContext, error: String?, username: String, status: HTTPResponse.Status
    ) -> Response {
        let csrf = RandomToken.make(bytes: 16)
        let strings = ConsoleStrings.table(for: context.locale)
        let title = strings["console_title"] ?? ""
        var response = self.renderer.render(
            "console", title: title,
            model: SignInModel(csrf: csrf, error: error ?? "", hasError: error != nil, username: username),
            request: request, context: context, strings: strings, status: status)
        response.headers[values: .setCookie].append(self.cookie(Self.csrfCookie, csrf, maxAge: 3600))
        return response
    }

    /// The signed-in visitor of a request: the principal ``ConsoleSessionAuthenticator`` found, with its account.
    func visitor(_ request: Request, _ context: AppRequestContext) async throws -> Visitor? {
        guard let principal = context.principal, let token = request.cookies[Self.sessionCookie]?.value,
            let account = try await self.service.accounts.find(id: principal.subject)
        else { return nil }
        return Visitor(account: account, csrf: ConsoleSessionRepository.csrf(for: token))
    }

    /// The middleware that signs console requests in from the session cookie.
    public var authenticator: ConsoleSessionAuthenticator {
        ConsoleSessionAuthenticator(sessions: self.sessions, accounts: self.service.accounts)
    }

    func cookie(_ name: String, _ value: String, maxAge: Int) -> String {
        var cookie = "\(name)=\(value); Path=/console; Max-Age=\(maxAge); HttpOnly; SameSite=Strict"
        if self.secureCookies { cookie += "; Secure" }
        return cookie
    }

    /// The fields of an `application/x-www-form-urlencoded` body.
    static func form(_ request: Request, context: AppRequestContext) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: 16 * 1024)
        return try URLEncodedFormDecoder().decode([String: String].self, from: String(buffer: body))
    }
}
