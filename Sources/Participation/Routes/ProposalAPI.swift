import Foundation
import Hummingbird
import Platform

/// The proposals API: public listings; residents propose and support; officials answer for the council.
public struct ProposalAPI: Sendable {
    let service: ProposalService

    public init(service: ProposalService) {
        self.service = service
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        let base = "/api/v1/participation"
        api.on(.get, "\(base)/communities/{code}/proposals") { request, context in
            let query = try QueryParameters(request, allowed: ["status"])
            return Page(
                items: try await self.service.proposals.proposals(
                    community: try context.parameters.require("code"),
                    status: try query.choice("status", as: Proposal.Status.self)), nextCursor: nil)
        }
        api.on(.post, "\(base)/communities/{code}/proposals") { request, context in
            let body = try await request.decode(as: ProposalService.NewProposal.self, context: context)
            let proposal = try await self.service.propose(
                community: try context.parameters.require("code"), request: body, by: context.principal)
            return EditedResponse(status: .created, response: proposal)
        }
        api.on(.get, "\(base)/proposals/{id}") { _, context in
            try await self.service.proposal(try context.parameters.require("id"))
        }
        api.on(.post, "\(base)/proposals/{id}/support") { _, context in
            try await self.service.support(
                try context.parameters.require("id"), supporting: true, by: context.principal)
        }
        api.on(.delete, "\(base)/proposals/{id}/support") { _, context in
            try await self.service.support(
                try context.parameters.require("id"), supporting: false, by: context.principal)
        }
        api.on(.post, "\(base)/proposals/{id}/answer") { request, context in
            let body = try await request.decode(as: ProposalService.Answer.self, context: context)
            return try await self.service.answer(
                try context.parameters.require("id"), answer: body, by: context.principal)
        }
    }
}

extension Proposal: ResponseEncodable {}
