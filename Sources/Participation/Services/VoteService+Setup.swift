import Foundation
import Identity
import Platform
import Population
import SQLKit

extension VoteService {
    /// What an official sends to create a vote. Times are RFC 3339 (`2026-12-01T09:00:00+08:00`).
    public struct NewVote: Codable, Sendable {
        public var titleZh: String
        public var titleEn: String
        public var description: String
        public var kind: Vote.Kind
        /// The options of a single-choice or approval vote (a yes/no/abstain vote has fixed options).
        public var options: [LocalizedText]?
        public var maxChoices: Int?
        public var unit: Vote.Unit
        public var eligibility: EligibilityRule?
        public var opensAt: String
        public var closesAt: String
        public var quorumPercent: Int
        public var threshold: Vote.Threshold

        public init(
            titleZh: String, titleEn: String, description: String, kind: Vote.Kind, options: [LocalizedText]?,
            maxChoices: Int?, unit: Vote.Unit, eligibility: EligibilityRule?, opensAt: String, closesAt: String,
            quorumPercent: Int, threshold: Vote.Threshold
        ) {
            self.titleZh = titleZh
            self.titleEn = titleEn
            self.description = description
            self.kind = kind
            self.options = options
            self.maxChoices = maxChoices
            self.unit = unit
            self.eligibility = eligibility
            self.opensAt = opensAt
            self.closesAt = closesAt
            self.quorumPercent = quorumPercent
            self.threshold = threshold
        }
    }

    /// Creates a vote in a community inside the official's scope, with a fresh key pair and the electorate counted
    /// from the register (adults, or households, of the listed buildings; the council's linked members for a
    /// council vote).
    public func create(community: String, request: NewVote, by principal: Principal?) async throws -> Vote {
        let official = try Authorization.require(principal, .manageParticipation, divisionCode: community)
        guard community.utf8.count == 12, community.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw ParticipationProblem.communityNotFound
        }
        let field = ParticipationProblem.invalidField
        guard (1...100).contains(request.titleZh.count), (1...200).contains(request.titleEn.count) else {
            throw field("titleZh", "标题必须是 1–100 个字。", "The title must have 1–100 characters.")
        }
        guard request.description.count <= 4000 else {
            throw field("description", "说明最多 4000 个字。", "The description has at most 4,000 characters.")
        }
        let options = request.kind == .yesNoAbstain ? Vote.yesNoAbstainOptions : request.options ?? []
        guard (2...20).contains(options.count), options.allSatisfy({ !$0.zh.isEmpty && !$0.en.isEmpty }) else {
            throw field("options", "选项必须有 2–20 个，每个都要有中英文。", "A vote needs 2–20 options, each in both languages.")
        }
        let maxChoices = request.kind == .approval ? request.maxChoices ?? options.count : 1
        guard (1...options.count).contains(maxChoices) else {
            throw field("maxChoices", "最多可选数必须在 1 到选项数之间。", "maxChoices must lie between 1 and the number of options.")
        }
        let rule = request.eligibility ?? .communityResident
        try rule.validate()
        guard let opens = Self.parseTime(request.opensAt), let closes = Self.parseTime(request.closesAt), closes > opens
        else {
            throw field(
                "closesAt", "开始和截止时间必须是 RFC 3339 时间，且截止晚于开始。",
                "opensAt and closesAt must be RFC 3339 times, closing after opening.")
        }
        guard (0...100).contains(request.quorumPercent) else {
            throw field("quorumPercent", "法定人数比例必须是 0–100。", "quorumPercent must be 0–100.")
        }
        let eligible = try await self.electorate(community: community, rule: rule, unit: request.unit)
        let (publicKey, sealed) = try self.keys.generate()
        let vote = Vote(
            id: SortableID.make(), communityCode: community,
            title: LocalizedText(zh: request.titleZh, en: request.titleEn), description: request.description,
            kind: request.kind, options: options, maxChoices: maxChoices, unit: request.unit, eligibility: rule,
            opensAt: opens, closesAt: closes, quorumPercent: request.quorumPercent, threshold: request.threshold,
            eligibleCount: eligible, publicKeyPEM: publicKey, certifiedAt: nil)
        try await self.votes.insert(vote, sealedPrivateKey: sealed, createdBy: official.subject, at: self.now())
        return vote
    }

    /// The number of voices the register gives the vote.
    func electorate(community: String, rule: EligibilityRule, unit: Vote.Unit) async throws -> Int {
        if rule.councilMember {
            let today = CityClock.localDate(self.now())
            return try await self.bodies.bodies(community: community)
                .filter { $0.kind == .council && $0.termStart <= today && today <= $0.termEnd }
                .reduce(0) { $0 + $1.members.filter(\.linked).count }
        }
        switch unit {
        case .household:
            return try await self.register.households(community: community, buildings: rule.buildings).count
        case .person:
            return try await self.register.adultCount(
                community: community, buildings: rule.buildings, today: CityClock.localDate(self.now()))
        }
    }

    /// Unix seconds of an RFC 3339 time with an offset, nil when malformed.
    static func parseTime(_ text: String) -> Int64? {
        guard text.utf8.count <= 40 else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text).map { Int64($0.timeIntervalSince1970) }
    }
}
