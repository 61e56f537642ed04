import Foundation
import Hummingbird
import Platform

/// The consent campaigns API: public progress; officials open campaigns; heads of listed households sign and
/// withdraw until the deadline.
public struct CampaignAPI: Sendable {
    let service: CampaignService

    public init(service: CampaignService) {
        self.service = service
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        let base = "/api/v1/participation"
        api.on(.post, "\(base)/communities/{code}/campaigns") { request, context in
            let body = try await request.decode(as: CampaignService.NewCampaign.self, context: context)
            let campaign = try await self.service.create(
                community: try context.parameters.require("code"), request: body, by: context.principal)
            return EditedResponse(status: .created, response: CampaignView(campaign, now: self.service.now()))
        }
        api.on(.get, "\(base)/communities/{code}/campaigns") { _, context in
            let now = self.service.now()
            return Page(
                items: try await self.service.campaigns.campaigns(community: try context.parameters.require("code"))
                    .map { CampaignView($0, now: now) }, nextCursor: nil)
        }
        api.on(.get, "\(base)/campaigns/{id}") { _, context in
            try await self.service.progress(try context.parameters.require("id"))
        }
        api.on(.post, "\(base)/campaigns/{id}/signature") { _, context in
            try await self.service.sign(
                try context.parameters.require("id"), signed: true, principal: context.principal)
        }
        api.on(.delete, "\(base)/campaigns/{id}/signature") { _, context in
            try await self.service.sign(
                try context.parameters.require("id"), signed: false, principal: context.principal)
        }
    }
}
