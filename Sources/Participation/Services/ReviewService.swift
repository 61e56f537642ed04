import Foundation
import Platform

/// Supervision (监委会监督): a member of the community's supervisory committee flags a vote, a consent campaign or a
/// council meeting for review with a reason; a member publishes the committee's finding with it. Everyone can
/// read both.
public struct ReviewService: Sendable {
    public let reviews: ReviewRepository
    let bodies: BodyRepository
    let votes: VoteRepository
    let campaigns: CampaignRepository
    let meetings: MeetingRepository
    let now: @Sendable () -> Int64

    public init(database: Database, now: @escaping @Sendable () -> Int64 = { CityClock.now() }) {
        self.reviews = ReviewRepository(database: database)
        self.bodies = BodyRepository(database: database)
        self.votes = VoteRepository(database: database)
        self.campaigns = CampaignRepository(database: database)
        self.meetings = MeetingRepository(database: database)
        self.now = now
    }

    /// What a committee member sends to flag something.
    public struct Flag: Codable, Sendable {
        public let subjectKind: Review.Subject
        public let subjectId: String
        public let reason: String

        public init(subjectKind: Review.Subject, subjectId: String, reason: String) {
            (self.subjectKind, self.subjectId, self.reason) = (subjectKind, subjectId, reason)
        }
    }

    /// Flags a subject for review, by a member of its community's supervisory committee.
    public func flag(_ flag: Flag, by principal: Principal?) async throws -> Review {
        let (community, title) = try await self.subject(flag.subjectKind, flag.subjectId)
        let member = try await self.requireMember(principal, community: community)
        let reason = flag.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (4...2000).contains(reason.count) else {
            throw ParticipationProblem.invalidField(
                "reason", zh: "请写明提请监督的理由（4–2000 个字）。", en: "Give the reason for the review (4–2,000 characters).")
        }
        let review = Review(
            id: SortableID.make(), communityCode: community, subjectKind: flag.subjectKind,
            subjectID: flag.subjectId, subjectTitle: title, reason: reason, finding: nil, flaggedAt: self.now(),
            publishedAt: nil)
        try await self.reviews.insert(review, by: member.subject)
        return review
    }

    /// Publishes the committee's finding on an open review, by a member of the committee.
    public func publish(_ id: String, finding: String, by principal: Principal?) async throws -> Review {
        guard let review = try await self.reviews.find(id) else { throw ParticipationProblem.reviewNotFound }
        let member = try await self.requireMember(principal, community: review.communityCode)
        let text = finding.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (4...4000).contains(text.count) else {
            throw ParticipationProblem.invalidField(
                "finding", zh: "监督意见须为 4–4000 个字。", en: "The finding must have 4–4,000 characters.")
        }
        guard try await self.reviews.publish(id, finding: text, by: member.subject, at: self.now()) else {
            throw ParticipationProblem.reviewPublished
        }
        return try await self.reviews.find(id) ?? review
    }

    /// Whether `principal` sits on the community's supervisory committee today.
    public func isMember(_ principal: Principal?, community: String) async throws -> Bool {
        guard let principal, principal.role == .resident else { return false }
        return try await self.bodies.isMember(
            of: .committee, accountID: principal.subject, community: community,
            today: CityClock.localDate(self.now()))
    }

    func requireMember(_ principal: Principal?, community: String) async throws -> Principal {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        guard try await self.isMember(principal, community: community) else {
            throw ParticipationProblem.committeeMemberRequired
        }
        return principal
    }

    /// The community and title of a subject, or its 404.
    func subject(_ kind: Review.Subject, _ id: String) async throws -> (String, String) {
        switch kind {
        case .vote:
            guard let vote = try await self.votes.find(id) else { throw ParticipationProblem.voteNotFound }
            return (vote.communityCode, vote.title.zh)
        case .campaign:
            guard let campaign = try await self.campaigns.find(id) else { throw ParticipationProblem.campaignNotFound }
            return (campaign.communityCode, campaign.title.zh)
        case .meeting:
            guard let meeting = try await self.meetings.find(id) else { throw ParticipationProblem.meetingNotFound }
            return (meeting.communityCode, meeting.title)
        }
    }
}
