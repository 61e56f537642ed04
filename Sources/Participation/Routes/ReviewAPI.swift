import Foundation
import Hummingbird
import Platform

/// The supervision API: public reviews of a community; members of its supervisory committee flag and publish.
public struct ReviewAPI: Sendable {
    let service: ReviewService

    public init(service: ReviewService) {
        self.service = service
    }

    /// A finding as a committee member sends it.
    struct Finding: Decodable {
        let finding: String
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        let base = "/api/v1/participation"
        api.on(.get, "\(base)/communities/{code}/reviews") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return Page(
                items: try await self.service.reviews.reviews(community: try context.parameters.require("code")),
                nextCursor: nil)
        }
        api.on(.post, "\(base)/reviews") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let body = try await request.decode(as: ReviewService.Flag.self, context: context)
            return EditedResponse(status: .created, response: try await self.service.flag(body, by: context.principal))
        }
        api.on(.post, "\(base)/reviews/{id}/finding") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let body = try await request.decode(as: Finding.self, context: context)
            return try await self.service.publish(
                try context.parameters.require("id"), finding: body.finding, by: context.principal)
        }
    }
}

extension Review: ResponseEncodable {}
