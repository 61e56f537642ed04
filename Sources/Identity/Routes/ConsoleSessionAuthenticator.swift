import Hummingbird
import Platform

/// Reads the console's session cookie on `/console` pages and puts the session's principal into the context.
///
/// An unknown or expired session passes the request on anonymously (pages then show the sign-in form); the
/// principal is rebuilt from the account on every request, so a changed role or scope applies at once.
public struct ConsoleSessionAuthenticator: RouterMiddleware {
    public typealias Context = AppRequestContext
    let sessions: ConsoleSessionRepository
    let accounts: AccountRepository

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard context.principal == nil, request.uri.path.hasPrefix("/console"),
            let token = request.cookies[ConsolePages.sessionCookie]?.value, !token.isEmpty,
            let accountID = try await self.sessions.find(token),
            let account = try await self.accounts.find(id: accountID)
        else { return try await next(request, context) }
        var context = context
        context.principal = account.principal
        return try await next(request, context)
    }
}
