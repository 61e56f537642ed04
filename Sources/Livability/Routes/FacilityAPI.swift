import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Platform

/// The facilities registry: `GET/POST /api/v1/communities/{code}/facilities`, `GET/PATCH/DELETE
/// /api/v1/facilities/{id}`. Reading is public (facilities are public places); writing needs `facilities.manage`
/// on the facility's community.
public struct FacilityAPI: Sendable {
    let service: LivabilityService

    public init(service: LivabilityService) {
        self.service = service
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/communities/{code}/facilities") { request, context in
            let query = try QueryParameters(request, allowed: ["category", "cursor", "limit"])
            let code = try context.parameters.require("code")
            _ = try await self.service.community(code)
            let category = try query.choice("category", as: FacilityCategory.self)
            let limit = try query.int("limit", in: 1...200, default: 50)
            let after = try query.string("cursor").map { try Cursor(token: $0).after }
            let (items, more) = try await self.service.facilities.list(
                community: code, category: category, after: after, limit: limit)
            return Page(items: items, nextCursor: more ? items.last.map { Cursor(after: $0.id).token } : nil)
        }
        api.on(.post, "/api/v1/communities/{code}/facilities") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let code = try context.parameters.require("code")
            // Authorize before reading the body: a stranger learns nothing from validation errors.
            try Authorization.require(context.principal, .manageFacilities, divisionCode: code)
            let input = try await Self.decode(request, context: context)
            let facility = try await self.service.create(input, community: code, by: context.principal)
            return try Self.json(facility, status: .created, location: "/api/v1/facilities/\(facility.id)")
        }
        api.on(.get, "/api/v1/facilities/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return try await self.service.facility(try context.parameters.require("id"))
        }
        api.on(.patch, "/api/v1/facilities/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let id = try context.parameters.require("id")
            // Authorize before reading the body, as for POST.
            let existing = try await self.service.facility(id)
            try Authorization.require(context.principal, .manageFacilities, divisionCode: existing.communityCode)
            let input = try await Self.decode(request, context: context)
            return try await self.service.update(id, with: input, by: context.principal)
        }
        api.on(.delete, "/api/v1/facilities/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            try await self.service.delete(try context.parameters.require("id"), by: context.principal)
            return Response(status: .noContent)
        }
    }

    /// Decodes a JSON facility, answering malformed JSON with `invalid_facility`.
    static func decode(_ request: Request, context: AppRequestContext) async throws -> FacilityInput {
        do {
            return try await request.decode(as: FacilityInput.self, context: context)
        } catch let error as any AppError where error.code != "invalid_body" {
            throw error
        } catch {
            throw LivabilityProblem.invalidField(
                "body", zh: "请求体必须是设施的 JSON 对象（经纬度为数字）。",
                en: "The body must be a JSON facility object (lon and lat as numbers).")
        }
    }

    /// A JSON response with a status and a `Location` header.
    static func json(_ value: some Encodable, status: HTTPResponse.Status, location: String) throws -> Response {
        let body = try JSONEncoder().encode(value)
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .location: location],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
