import Hummingbird
import Platform

/// Reads `Authorization: Bearer <access token>` on `/api/` routes (as the router sees the path: ``RoutePath``) and puts the principal into the context.
///
/// Without a bearer header it passes the request on anonymously; with a bearer token that is not a valid
/// first-party access token it stops the request with 401 `invalid_token` (a client with a bad token must learn so,
/// not be treated as anonymous). Tokens issued to OpenID Connect clients are not accepted here: their audience is
/// the client. `/oauth/` endpoints read their own credentials.
public struct BearerAuthenticator: RouterMiddleware {
    public typealias Context = AppRequestContext
    let service: IdentityService

    public init(service: IdentityService) {
        self.service = service
    }

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard RoutePath.isUnder("/api", request.uri.path), let header = request.headers[.authorization],
            header.prefix(7).lowercased() == "bearer "
        else { return try await next(request, context) }
        guard let principal = try await self.service.principal(bearer: String(header.dropFirst(7)))
        else {
            throw IdentityProblem.invalidToken
        }
        var context = context
        context.principal = principal
        return try await next(request, context)
    }
}
