import Foundation
import Hummingbird
import Identity
import NIOCore
import Platform
import Population
import SQLKit
import Territory

/// The residents' and public pages: a community's participation page, a vote with its receipt check, a consent
/// campaign with live progress and the head's signature, a proposal with supports. Server-rendered and usable
/// without JavaScript, except casting a secret ballot, whose blinding runs in the browser (`/participation/ballot.js`).
struct ParticipationPages: Sendable {
    let votes: VoteService
    let campaigns: CampaignService
    let proposals: ProposalService
    let meetings: MeetingRepository
    let reviews: ReviewService
    let bodies: BodyRepository
    let divisions: DivisionRepository?
    let renderer: PageRenderer

    /// The directory holding this context's templates.
    static var templateDirectory: String {
        Bundle.module.resourcePath.map { $0 + "/templates" } ?? "Sources/Participation/Resources/templates"
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/participation") { _, context in
            guard let principal = context.principal else {
                return WebForm.signInRedirect(returningTo: "/participation")
            }
            if let membership = try await self.votes.eligibility.registration.membership(of: principal) {
                return WebForm.redirect("/participation/communities/\(membership.communityCode)")
            }
            throw ParticipationProblem.levelRequired(2)
        }
        router.get("/participation/ballot.js") { _, _ in
            guard let path = Bundle.module.path(forResource: "ballot", ofType: "js", inDirectory: "static"),
                let script = FileManager.default.contents(atPath: path)
            else { throw Problem.notFound(code: "not_found", zh: "找不到。", en: "Not found.") }
            return Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: ByteBuffer(bytes: script)))
        }
        router.get("/participation/communities/{code}") { request, context in
            let query = try QueryParameters(request, allowed: ["error"])
            return try await self.community(
                try context.parameters.require("code"), error: query.string("error"), request, context)
        }
        router.get("/participation/votes/{id}") { request, context in
            let query = try QueryParameters(request, allowed: ["receipt"])
            return try await self.vote(
                try context.parameters.require("id"), receipt: query.string("receipt"), request, context)
        }
        // The page's side of token issuance (cookie session + CSRF); the API's takes a bearer token.
        router.post("/participation/votes/{id}/token") { request, context in
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            let issued = try await self.votes.issueToken(
                voteID: try context.parameters.require("id"), blindedMessage: fields["blindedMessage"] ?? "",
                principal: principal)
            return issued
        }
        router.get("/participation/campaigns/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return try await self.campaign(try context.parameters.require("id"), request, context)
        }
        router.post("/participation/campaigns/{id}/signature") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            _ = try await self.campaigns.sign(id, signed: fields["action"] != "withdraw", principal: principal)
            return WebForm.redirect("/participation/campaigns/\(id)")
        }
        router.get("/participation/proposals/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return try await self.proposal(try context.parameters.require("id"), request, context)
        }
        router.post("/participation/proposals/{id}/support") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            _ = try await self.proposals.support(id, supporting: fields["action"] != "withdraw", by: principal)
            return WebForm.redirect("/participation/proposals/\(id)")
        }
    }

    func community(_ code: String, error: String? = nil, _ request: Request, _ context: AppRequestContext)
        async throws -> Response
    {
        let strings = ParticipationStrings.table(for: context.locale)
        let name = try await self.divisions?.find(code)?.name
        guard name != nil || self.divisions == nil else { throw ParticipationProblem.communityNotFound }
        let now = self.votes.now()
        let votes = try await self.votes.votes.votes(community: code).map {
            CommunityPageModel.vote($0, now: now, strings: strings, locale: context.locale)
        }
        var campaigns: [CommunityPageModel.CampaignRow] = []
        for campaign in try await self.campaigns.campaigns.campaigns(community: code) {
            var signed = campaign.signedAtDeadline ?? 0
            if campaign.signedAtDeadline == nil { signed = try await self.campaigns.campaigns.signedCount(campaign.id) }
            campaigns.append(
                .init(
                    id: campaign.id, title: campaign.title.pick(context.locale), signed: signed,
                    households: campaign.households, percent: 100 * signed / max(1, campaign.households),
                    state: strings["p_state_" + CampaignView(campaign, now: now).state] ?? ""))
        }
        let proposals = try await self.proposals.proposals.proposals(community: code, status: nil).map {
            CommunityPageModel.ProposalRow(
                id: $0.id, title: $0.title, supports: $0.supports,
                status: strings["p_status_" + $0.status.rawValue] ?? "")
        }
        let today = CityClock.localDate(now)
        let bodies = try await self.bodies.bodies(community: code).filter { $0.termEnd >= today }.map {
            CommunityPageModel.body($0, strings: strings, locale: context.locale)
        }
        let meetings = try await self.meetings.meetings(community: code, limit: 10).map {
            CommunityPageModel.MeetingRow(
                id: $0.id, title: $0.title, when: $0.startsAtLocal, place: $0.place,
                status: strings["p_meeting_" + $0.status.rawValue] ?? "")
        }
        let supervisor = try await self.reviews.isMember(context.principal, community: code)
        let subjects =
            supervisor
            ? votes.map { CommunityPageModel.Subject(value: "vote:\($0.id)", label: $0.title) }
                + campaigns.map { CommunityPageModel.Subject(value: "campaign:\($0.id)", label: $0.title) }
                + meetings.map { CommunityPageModel.Subject(value: "meeting:\($0.id)", label: $0.title) } : []
        let reviews = try await self.reviews.reviews.reviews(community: code).map {
            CommunityPageModel.ReviewRow(
                id: $0.id, subject: $0.subjectTitle, link: "/participation/\($0.subjectKind.rawValue)s/\($0.subjectID)",
                reason: $0.reason, finding: $0.finding, open: $0.finding == nil && supervisor)
        }
        let model = CommunityPageModel(
            code: code, name: name ?? code, votes: votes, campaigns: campaigns, proposals: proposals,
            meetings: meetings, bodies: bodies, reviews: reviews, subjects: subjects, supervisor: supervisor,
            error: error, hasVotes: !votes.isEmpty, hasCampaigns: !campaigns.isEmpty,
            hasProposals: !proposals.isEmpty, hasMeetings: !meetings.isEmpty, hasReviews: !reviews.isEmpty,
            hasBodies: !bodies.isEmpty)
        return self.renderer.render(
            "participation-community", title: (name ?? code) + " · " + (strings["p_title"] ?? ""), model: model,
            request: request, context: context, strings: strings)
    }

    /// Whether the visitor may act under `rule`, and the refusal in their language when not.
    func standing(_ rule: EligibilityRule, community: String, _ context: AppRequestContext) async throws -> (
        Bool, String?
    ) {
        guard context.principal != nil else { return (false, nil) }
        switch try await self.votes.eligibility.evaluate(rule, community: community, principal: context.principal) {
        case .success: return (true, nil)
        case .failure(let problem): return (false, context.locale.pick(zh: problem.detailZH, en: problem.detailEN))
        }
    }
}
