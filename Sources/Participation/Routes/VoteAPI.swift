import Foundation
import HTTPTypes
import Hummingbird
import Platform

/// The votes API: officials create votes and enter paper ballots; residents check eligibility and receive a
/// blind-signed token; anybody casts with a token (no account), checks a receipt and recounts the published list.
public struct VoteAPI: Sendable {
    let service: VoteService
    let paper: PaperBallotService

    public init(service: VoteService, paper: PaperBallotService) {
        self.service = service
        self.paper = paper
    }

    /// The body of a token request.
    struct TokenRequest: Decodable {
        let blindedMessage: String
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        let base = "/api/v1/participation"
        api.on(.post, "\(base)/communities/{code}/votes") { request, context in
            let body = try await request.decode(as: VoteService.NewVote.self, context: context)
            let vote = try await self.service.create(
                community: try context.parameters.require("code"), request: body, by: context.principal)
            return EditedResponse(status: .created, response: VoteView(vote, now: self.service.now()))
        }
        api.on(.get, "\(base)/communities/{code}/votes") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let now = self.service.now()
            return Page(
                items: try await self.service.votes.votes(community: try context.parameters.require("code"))
                    .map { VoteView($0, now: now) }, nextCursor: nil)
        }
        api.on(.get, "\(base)/votes/{id}") { _, context in
            let vote = try await self.service.vote(try context.parameters.require("id"))
            return VoteDetail(
                vote: VoteView(vote, now: self.service.now()), standing: try await self.service.standing(vote))
        }
        api.on(.get, "\(base)/votes/{id}/eligibility") { _, context in
            guard context.principal != nil else { throw AuthorizationProblem.unauthenticated }
            let vote = try await self.service.vote(try context.parameters.require("id"))
            let result = try await self.service.eligibility.evaluate(
                vote.eligibility, community: vote.communityCode, principal: context.principal)
            return EligibilityAnswer(result, rule: vote.eligibility)
        }
        api.on(.post, "\(base)/votes/{id}/tokens") { request, context in
            let body = try await request.decode(as: TokenRequest.self, context: context)
            return try await self.service.issueToken(
                voteID: try context.parameters.require("id"), blindedMessage: body.blindedMessage,
                principal: context.principal)
        }
        // Deliberately reads nothing of the request but the path and body: no principal, no cookie, no address.
        api.on(.post, "\(base)/votes/{id}/ballots") { request, context in
            let body = try await request.decode(as: VoteService.Ballot.self, context: context)
            let receipt = try await self.service.cast(voteID: try context.parameters.require("id"), ballot: body)
            return EditedResponse(status: .created, response: receipt)
        }
        api.on(.get, "\(base)/votes/{id}/ballots") { request, context in
            let query = try QueryParameters(request, allowed: ["cursor", "limit"])
            let limit = try query.int("limit", in: 1...1000, default: 100)
            let after = try query.string("cursor").map { try Cursor(token: $0).after }
            let items = try await self.service.published(
                voteID: try context.parameters.require("id"), after: after, limit: limit)
            return Page(
                items: items,
                nextCursor: items.count == limit ? items.last.map { Cursor(after: $0.tokenHash).token } : nil)
        }
        api.on(.get, "\(base)/votes/{id}/ballots/{tokenHash}") { _, context in
            try await self.service.receipt(
                voteID: try context.parameters.require("id"), tokenHash: try context.parameters.require("tokenHash"))
        }
        api.on(.post, "\(base)/votes/{id}/paper-batches") { request, context in
            let body = try await request.decode(as: PaperBallotService.Entry.self, context: context)
            let batch = try await self.paper.enter(
                voteID: try context.parameters.require("id"), entry: body, by: context.principal)
            return EditedResponse(status: batch.status == .confirmed ? .ok : .created, response: batch)
        }
        api.on(.get, "\(base)/votes/{id}/paper-batches") { _, context in
            let vote = try await self.service.vote(try context.parameters.require("id"))
            try Authorization.require(context.principal, .countPaperBallots, divisionCode: vote.communityCode)
            return Page(items: try await self.paper.batches.batches(voteID: vote.id), nextCursor: nil)
        }
        api.on(.post, "\(base)/votes/{id}/certify") { _, context in
            try await self.service.certify(voteID: try context.parameters.require("id"), by: context.principal)
        }
    }
}
