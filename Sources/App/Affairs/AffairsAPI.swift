import Hummingbird
import Platform

/// `GET /api/v1/me/affairs` and `GET /api/v1/me/affairs/{kind}/{id}`: a resident's own affairs (bearer token;
/// officials get 403).
struct AffairsAPI: Sendable {
    let service: AffairsService

    func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/me/affairs") { request, context in
            let query = try QueryParameters(request, allowed: ["kind", "status", "cursor", "limit"])
            let kind = try query.choice("kind", as: AffairKind.self)
            let state = try query.choice("status", as: AffairState.self)
            let limit = try query.int("limit", in: 1...100, default: 20)
            let cursor = try query.string("cursor").map { try AffairsCursor(token: $0) }
            let listing = try await self.service.list(
                context.principal, kinds: kind.map { [$0] } ?? Set(AffairKind.allCases), state: state, after: cursor,
                limit: limit)
            return Page(
                items: listing.items.map { AffairView($0, locale: context.locale) }, nextCursor: listing.next?.token)
        }
        api.on(.get, "/api/v1/me/affairs/{kind}/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let detail = try await self.service.detail(
                context.principal, kind: try Self.kind(context), id: try context.parameters.require("id"))
            return AffairDetailView(
                affair: AffairView(detail.affair, locale: context.locale),
                timeline: detail.timeline.map { AffairStepView($0, locale: context.locale) })
        }
    }

    /// The `{kind}` of the path; an unknown kind names no affair.
    static func kind(_ context: AppRequestContext) throws -> AffairKind {
        guard let kind = AffairKind(rawValue: try context.parameters.require("kind")) else {
            throw AffairsProblem.notFound
        }
        return kind
    }
}
