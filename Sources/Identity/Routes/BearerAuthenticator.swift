import Hummingbird
import Platform

/// Reads `Authorization: Bearer <access token>` and puts the principal into the context.
///
/// Without the header it passes the request on anonymously; with a header that is not a valid token it stops the
/// request with 401 `invalid_token` (a client with a bad token must learn so, not be treated as anonymous).
public struct BearerAuthenticator: RouterMiddleware {
    public typealias Context = AppRequestContext
    let service: IdentityService

    public init(service: IdentityService) {
        self.service = service
    }

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        guard header.count > 7, header.prefix(7).lowercased() == "bearer ",
            let principal = try await self.service.principal(bearer: String(header.dropFirst(7)))
        else {
            throw IdentityProblem.invalidToken
        }
        var context = context
        context.principal = principal
        return try await next(request, context)
    }
}
