import Hummingbird
import Platform

/// Reads the site's session cookies on HTML pages and puts the session's principal and CSRF token into the context.
///
/// `/console…` pages use the console's cookie (`Path=/console`); every other page of the site uses the resident
/// session cookie (`Path=/`) that `/signin` sets. API routes (`/api/…`) and the OpenID Connect provider (`/oauth/…`)
/// never accept cookies: the API takes bearer tokens only, so no cross-site form can act through it.
/// An unknown or expired session passes the request on anonymously; the principal is rebuilt from the account on
/// every request, so a changed role or scope applies at once.
public struct ConsoleSessionAuthenticator: RouterMiddleware {
    public typealias Context = AppRequestContext
    let sessions: ConsoleSessionRepository
    let accounts: AccountRepository

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard context.principal == nil, let cookie = Self.cookieName(for: request.uri.path),
            let token = request.cookies[cookie]?.value, !token.isEmpty,
            let accountID = try await self.sessions.find(
                token, kind: cookie == ConsolePages.sessionCookie ? .console : .site),
            let account = try await self.accounts.find(id: accountID)
        else { return try await next(request, context) }
        var context = context
        context.principal = account.principal
        context.sessionCSRF = ConsoleSessionRepository.csrf(for: token)
        return try await next(request, context)
    }

    /// The session cookie that applies to a path, nil where cookies are never accepted; decided on the path as the
    /// router sees it (``RoutePath``), so `//api/…` is as cookie-free as `/api/…`.
    static func cookieName(for path: String) -> String? {
        if RoutePath.isUnder("/console", path) { return ConsolePages.sessionCookie }
        for prefix in Self.cookieFreePrefixes where RoutePath.isUnder(prefix, path) { return nil }
        return SignInPages.sessionCookie
    }

    static let cookieFreePrefixes = [
        "/api", "/oauth", "/.well-known", "/static", "/healthz", "/readyz", "/metrics", "/openapi.yaml",
    ]
}
