import Foundation
import Hummingbird
import Platform

/// The officials' participation page (`/console/participation`): the votes of their scope with paper-ballot entry
/// (double entry) and certification, and proposals waiting for the council's answer.
struct ConsolePages: Sendable {
    let votes: VoteService
    let paper: PaperBallotService
    let proposals: ProposalService
    let renderer: PageRenderer

    /// A vote with its paper batches.
    struct VoteRow {
        let id: String
        let title: String
        let community: String
        let phase: String
        let options: [String]
        let batches: [BatchRow]
        let closed: Bool
    }

    /// A paper batch.
    struct BatchRow {
        let station: String
        let status: String
        let counts: String
    }

    /// A proposal to answer.
    struct ProposalRow {
        let id: String
        let title: String
        let supports: Int
    }

    /// The page's model.
    struct Model {
        let votes: [VoteRow]
        let proposals: [ProposalRow]
        let message: String?
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/console/participation") { request, context in
            let query = try QueryParameters(request, allowed: ["community", "message"])
            guard context.principal != nil else { return WebForm.redirect("/console") }
            let official = try Authorization.requireRole(context.principal, .countPaperBallots)
            let community = query.string("community") ?? official.scope ?? ""
            try Authorization.require(official, .countPaperBallots, divisionCode: community)
            return try await self.page(community: community, message: query.string("message"), request, context)
        }
        router.post("/console/participation/votes/{id}/paper") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            let entry = PaperBallotService.Entry(
                station: fields["station"] ?? "",
                counts: (fields["counts"] ?? "").split(separator: ",").map {
                    Int($0.trimmingCharacters(in: .whitespaces)) ?? -1
                },
                ballots: Int(fields["ballots"] ?? "") ?? -1,
                voters: (fields["voters"] ?? "").split(separator: ",").compactMap {
                    Int64($0.trimmingCharacters(in: .whitespaces))
                })
            let vote = try await self.votes.vote(id)
            return try await self.outcome(vote.communityCode, context) {
                let batch = try await self.paper.enter(voteID: id, entry: entry, by: principal)
                return batch.status.rawValue
            }
        }
        router.post("/console/participation/votes/{id}/certify") { request, context in
            let id = try context.parameters.require("id")
            let (principal, _) = try await WebForm.requireSession(request, context: context)
            let vote = try await self.votes.vote(id)
            return try await self.outcome(vote.communityCode, context) {
                _ = try await self.votes.certify(voteID: id, by: principal)
                return "certified"
            }
        }
        router.post("/console/participation/proposals/{id}/answer") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            let proposal = try await self.proposals.proposal(id)
            let answer = ProposalService.Answer(
                status: Proposal.Status(rawValue: fields["status"] ?? "") ?? .open,
                reason: fields["reason"].flatMap { $0.isEmpty ? nil : $0 },
                mergedInto: fields["mergedInto"].flatMap { $0.isEmpty ? nil : $0 })
            return try await self.outcome(proposal.communityCode, context) {
                _ = try await self.proposals.answer(id, answer: answer, by: principal)
                return "answered"
            }
        }
    }

    /// Runs an action and comes back to the page with its outcome (or the refusal) as the message.
    func outcome(_ community: String, _ context: AppRequestContext, _ action: () async throws -> String) async throws
        -> Response
    {
        var message: String
        do {
            let key = try await action()
            message = ParticipationStrings.table(for: context.locale)["p_" + key] ?? key
        } catch let problem as Problem where problem.status != .unauthorized && problem.status != .forbidden {
            message = context.locale.pick(zh: problem.detailZH, en: problem.detailEN)
        }
        let encoded = message.addingPercentEncoding(withAllowedCharacters: WebForm.unreserved) ?? ""
        return WebForm.redirect("/console/participation?community=\(community)&message=\(encoded)")
    }

    func page(community: String, message: String?, _ request: Request, _ context: AppRequestContext) async throws
        -> Response
    {
        let strings = ParticipationStrings.table(for: context.locale)
        let now = self.votes.now()
        var rows: [VoteRow] = []
        for vote in try await self.votes.votes.votes(community: community) where vote.certifiedAt == nil {
            let batches = try await self.paper.batches.batches(voteID: vote.id).map {
                BatchRow(
                    station: $0.station, status: strings[$0.status == .pending ? "p_pending" : "p_confirmed"] ?? "",
                    counts: $0.counts.map(String.init).joined(separator: ","))
            }
            rows.append(
                VoteRow(
                    id: vote.id, title: vote.title.pick(context.locale), community: vote.communityCode,
                    phase: strings["p_phase_" + vote.phase(at: now).rawValue] ?? "",
                    options: vote.options.map { $0.pick(context.locale) },
                    batches: batches, closed: vote.phase(at: now) == .closed))
        }
        let proposals = try await self.proposals.proposals.proposals(community: community, status: .onAgenda).map {
            ProposalRow(id: $0.id, title: $0.title, supports: $0.supports)
        }
        return self.renderer.render(
            "participation-console", title: strings["p_console"] ?? "",
            model: Model(votes: rows, proposals: proposals, message: message), request: request, context: context,
            strings: strings)
    }
}
