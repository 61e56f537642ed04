import Foundation
import Hummingbird
import Identity
import Platform
import Population
import SQLKit

extension ParticipationPages {
    func vote(_ id: String, receipt: String?, _ request: Request, _ context: AppRequestContext) async throws
        -> Response
    {
        let strings = ParticipationStrings.table(for: context.locale)
        let vote = try await self.votes.vote(id)
        let standing = try await self.votes.standing(vote)
        let (eligible, refusal) = try await self.standing(vote.eligibility, community: vote.communityCode, context)
        var found: String?
        var missing = false
        if let receipt, receipt.utf8.count <= 80 {
            if let ballot = try? await self.votes.receipt(voteID: id, tokenHash: receipt) {
                found = ballot.choices.map { vote.options[$0].pick(context.locale) }.joined(separator: "、")
            } else {
                missing = true
            }
        }
        let tally = standing.tally
        let model = VotePageModel(
            id: vote.id, communityCode: vote.communityCode, title: vote.title.pick(context.locale),
            description: vote.description, opens: CityClock.localDateTime(vote.opensAt),
            closes: CityClock.localDateTime(vote.closesAt), phase: standing.phase.rawValue,
            open: standing.phase == .open, closed: tally != nil,
            options: vote.options.enumerated().map {
                .init(
                    index: $0.offset, label: $0.element.pick(context.locale), count: tally?.counts[$0.offset],
                    multiple: vote.kind == .approval)
            }, conditions: vote.eligibility.describe().map { $0.pick(context.locale) },
            signedIn: context.principal != nil, eligible: eligible, refusal: refusal,
            turnout: tally?.turnout ?? standing.onlineBallots, eligibleCount: vote.eligibleCount,
            passed: tally?.passed ?? false, quorumMissed: tally.map { !$0.quorumMet } ?? false, receiptQuery: receipt,
            receiptFound: found, receiptMissing: missing, maxChoices: vote.maxChoices, publicKey: vote.publicKeyPEM)
        return self.renderer.render(
            "participation-vote", title: vote.title.pick(context.locale), model: model, request: request,
            context: context, strings: strings)
    }

    func campaign(_ id: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let strings = ParticipationStrings.table(for: context.locale)
        let progress = try await self.campaigns.progress(id)
        let campaign = try await self.campaigns.campaign(id)
        let (eligible, refusal) = try await self.standing(campaign.rule, community: campaign.communityCode, context)
        var mySigned = false
        if eligible, let principal = context.principal,
            let household = try await self.votes.eligibility.registration.membership(of: principal)?.householdID
        {
            mySigned = try await self.campaigns.campaigns.household(id, household: household) ?? false
        }
        let model = CampaignPageModel(
            id: id, communityCode: campaign.communityCode, title: campaign.title.pick(context.locale),
            description: campaign.description, buildings: campaign.buildings.joined(separator: "、"),
            deadline: CityClock.localDateTime(campaign.deadline), signed: progress.signed,
            households: campaign.households, percent: 100 * progress.signed / max(1, campaign.households),
            threshold: campaign.thresholdPercent, missing: progress.missing, open: progress.campaign.state == "open",
            succeeded: campaign.outcome == .succeeded, failed: campaign.outcome == .failed,
            signedIn: context.principal != nil, eligible: eligible, refusal: refusal, mySigned: mySigned)
        return self.renderer.render(
            "participation-campaign", title: campaign.title.pick(context.locale), model: model, request: request,
            context: context, strings: strings)
    }

    func proposal(_ id: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let strings = ParticipationStrings.table(for: context.locale)
        let proposal = try await self.proposals.proposal(id)
        let (eligible, refusal) = try await self.standing(
            .communityResident, community: proposal.communityCode, context)
        let answer =
            proposal.status.isAnswered
            ? (strings["p_status_" + proposal.status.rawValue] ?? "") + (proposal.answerReason.map { "：" + $0 } ?? "")
            : nil
        let model = ProposalPageModel(
            id: id, communityCode: proposal.communityCode, title: proposal.title, body: proposal.body,
            place: proposal.place, cost: yuan(proposal.costFen), supports: proposal.supports,
            threshold: proposal.supportThreshold, status: strings["p_status_" + proposal.status.rawValue] ?? "",
            answerable: !proposal.status.isAnswered, answer: answer, signedIn: context.principal != nil,
            eligible: eligible, refusal: refusal)
        return self.renderer.render(
            "participation-proposal", title: proposal.title, model: model, request: request, context: context,
            strings: strings)
    }
}
