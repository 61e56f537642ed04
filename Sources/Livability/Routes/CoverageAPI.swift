import Hummingbird
import Platform

/// `GET /api/v1/divisions/{code}/coverage`, `GET /api/v1/divisions/{code}/ranking` (public: aggregated figures,
/// for transparency) and `GET /api/v1/communities/{code}/gaps` (officials of the scope: household level).
public struct CoverageAPI: Sendable {
    let service: LivabilityService

    public init(service: LivabilityService) {
        self.service = service
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/divisions/{code}/coverage") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return try await self.service.coverage(of: try context.parameters.require("code"))
        }
        api.on(.get, "/api/v1/divisions/{code}/ranking") { request, context in
            let query = try QueryParameters(request, allowed: ["category"])
            let category = try query.choice("category", as: FacilityCategory.self)
            return try await self.service.ranking(of: try context.parameters.require("code"), category: category)
        }
        api.on(.get, "/api/v1/communities/{code}/gaps") { request, context in
            let query = try QueryParameters(request, allowed: ["category", "cursor", "limit"])
            let category = try query.choice("category", as: FacilityCategory.self)
            let limit = try query.int("limit", in: 1...200, default: 50)
            let after = try query.string("cursor").map { try Self.householdCursor($0) }
            let (items, next) = try await self.service.gaps(
                community: try context.parameters.require("code"), category: category, after: after, limit: limit,
                by: context.principal)
            return Page(items: items, nextCursor: next.map { Cursor(after: String($0)).token })
        }
    }

    /// The household id a gap-list cursor points after, or `invalid_cursor`.
    static func householdCursor(_ token: String) throws -> Int64 {
        guard let id = Int64(try Cursor(token: token).after) else {
            throw Problem(
                .badRequest, code: "invalid_cursor", zh: "分页游标无效，请从第一页重新开始。",
                en: "The page cursor is invalid; start again from the first page.", extensions: ["parameter": "cursor"])
        }
        return id
    }
}
