import Foundation
import Notifications
import Platform

/// Proposals: residents of the community propose and support (a support follows the proposal); enough supports
/// put it on the council's agenda; the council answers every proposal, and its author and supporters are told.
public struct ProposalService: Sendable {
    /// Supports that put a proposal on the council's agenda.
    public static let defaultSupportThreshold = 20

    let database: Database
    let proposals: ProposalRepository
    let eligibility: EligibilityChecker
    let now: @Sendable () -> Int64

    public init(
        database: Database, eligibility: EligibilityChecker, now: @escaping @Sendable () -> Int64 = { CityClock.now() }
    ) {
        self.database = database
        self.proposals = ProposalRepository(database: database)
        self.eligibility = eligibility
        self.now = now
    }

    /// What a resident sends to propose.
    public struct NewProposal: Codable, Sendable {
        public let title: String
        public let body: String
        public let place: String
        public let costFen: Int64

        public init(title: String, body: String, place: String, costFen: Int64) {
            self.title = title
            self.body = body
            self.place = place
            self.costFen = costFen
        }
    }

    /// The council's answer.
    public struct Answer: Codable, Sendable {
        public let status: Proposal.Status
        public let reason: String?
        public let mergedInto: String?

        public init(status: Proposal.Status, reason: String?, mergedInto: String?) {
            self.status = status
            self.reason = reason
            self.mergedInto = mergedInto
        }
    }

    /// A proposal, or `proposal_not_found`.
    public func proposal(_ id: String) async throws -> Proposal {
        guard let proposal = try await self.proposals.find(id) else { throw ParticipationProblem.proposalNotFound }
        return proposal
    }

    /// Adds a proposal by an eligible resident of the community.
    public func propose(community: String, request: NewProposal, by principal: Principal?) async throws -> Proposal {
        let participant = try await self.eligibility.check(
            .communityResident, community: community, principal: principal)
        let field = ParticipationProblem.invalidField
        guard (4...80).contains(request.title.count) else {
            throw field("title", "标题必须是 4–80 个字。", "The title must have 4–80 characters.")
        }
        guard (10...4000).contains(request.body.count) else {
            throw field("body", "内容必须是 10–4000 个字。", "The text must have 10–4,000 characters.")
        }
        guard (1...100).contains(request.place.count) else {
            throw field("place", "请写明地点（1–100 个字）。", "Name the place (1–100 characters).")
        }
        guard (0...10_000_000_000).contains(request.costFen) else {
            throw field("costFen", "估算费用必须是 0 到 1 亿元之间的分。", "costFen must be 0 to 10,000,000,000 fen.")
        }
        let proposal = Proposal(
            id: SortableID.make(), communityCode: community, title: request.title, body: request.body,
            place: request.place, costFen: request.costFen, supportThreshold: Self.defaultSupportThreshold,
            status: .open, supports: 0, answerReason: nil, mergedInto: nil, createdAt: self.now())
        try await self.proposals.insert(proposal, author: participant.accountID)
        return proposal
    }

    /// Supports (or withdraws the support of) an eligible resident of the proposal's community.
    public func support(_ id: String, supporting: Bool, by principal: Principal?) async throws -> Proposal {
        let proposal = try await self.proposal(id)
        let participant = try await self.eligibility.check(
            .communityResident, community: proposal.communityCode, principal: principal)
        guard !proposal.status.isAnswered else { throw ParticipationProblem.proposalAnswered }
        try await self.database.transaction { sql in
            if supporting {
                try await self.proposals.support(id, account: participant.accountID, at: self.now(), on: sql)
                try await self.proposals.promoteIfReached(id, on: sql)
            } else {
                try await self.proposals.withdrawSupport(id, account: participant.accountID, on: sql)
            }
        }
        return try await self.proposal(id)
    }

    /// Records the council's answer and notifies the author and every supporter (inbox and SMS) in the same
    /// transaction. A rejection needs a reason; a merge names another proposal of the same community.
    public func answer(_ id: String, answer: Answer, by principal: Principal?) async throws -> Proposal {
        let proposal = try await self.proposal(id)
        let official = try Authorization.require(principal, .answerProposals, divisionCode: proposal.communityCode)
        let field = ParticipationProblem.invalidField
        switch answer.status {
        case .accepted: break
        case .rejected:
            guard let reason = answer.reason, (4...1000).contains(reason.count) else {
                throw field("reason", "驳回必须说明理由（4–1000 个字）。", "A rejection needs a reason of 4–1,000 characters.")
            }
        case .merged:
            guard let target = answer.mergedInto, target != id, let into = try await self.proposals.find(target),
                into.communityCode == proposal.communityCode
            else { throw field("mergedInto", "请指定本社区的另一条提议。", "Name another proposal of this community.") }
        case .open, .onAgenda:
            throw field("status", "答复只能是采纳、驳回或合并。", "The answer is accepted, rejected or merged.")
        }
        let time = self.now()
        try await self.database.transaction { sql in
            guard
                try await self.proposals.answer(
                    id, status: answer.status, reason: answer.reason,
                    mergedInto: answer.status == .merged ? answer.mergedInto : nil, by: official.subject, at: time,
                    on: sql)
            else { throw ParticipationProblem.proposalAnswered }
            let (zh, en) = Self.words(answer.status)
            for account in try await self.proposals.followers(id, on: sql) {
                try await Notifier().enqueue(
                    NotificationDraft(
                        accountID: account, topic: "participation.proposal.answered",
                        titleZh: "议事会答复了提议“\(proposal.title)”", titleEn: "The council answered “\(proposal.title)”",
                        bodyZh: "结果：\(zh)。\(answer.reason ?? "")", bodyEn: "Outcome: \(en). \(answer.reason ?? "")",
                        link: "/participation/proposals/\(id)", channels: [.inbox, .sms]),
                    on: sql)
            }
        }
        return try await self.proposal(id)
    }

    static func words(_ status: Proposal.Status) -> (String, String) {
        switch status {
        case .accepted: ("采纳", "accepted")
        case .rejected: ("驳回", "rejected")
        case .merged: ("并入另一条提议", "merged into another proposal")
        case .open: ("征集中", "collecting supports")
        case .onAgenda: ("已列入议程", "on the agenda")
        }
    }
}
