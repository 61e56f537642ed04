import Foundation
import Platform
import Population

/// Consent campaigns: officials open one over the households of some buildings (listed from the register); each
/// household's head signs or withdraws until the deadline; at the deadline the outcome is fixed once and published
/// (`participation.campaign.succeeded` / `.failed`).
public struct CampaignService: Sendable {
    let database: Database
    let campaigns: CampaignRepository
    let eligibility: EligibilityChecker
    let register: RegisterRepository
    let outbox: EventOutbox
    let now: @Sendable () -> Int64

    public init(
        database: Database, eligibility: EligibilityChecker, register: RegisterRepository, outbox: EventOutbox,
        now: @escaping @Sendable () -> Int64 = { CityClock.now() }
    ) {
        self.database = database
        self.campaigns = CampaignRepository(database: database)
        self.eligibility = eligibility
        self.register = register
        self.outbox = outbox
        self.now = now
    }

    /// What an official sends to open a campaign.
    public struct NewCampaign: Codable, Sendable {
        public let titleZh: String
        public let titleEn: String
        public let description: String
        public let buildings: [String]
        public let thresholdPercent: Int
        public let opensAt: String
        public let deadline: String

        public init(
            titleZh: String, titleEn: String, description: String, buildings: [String], thresholdPercent: Int,
            opensAt: String, deadline: String
        ) {
            self.titleZh = titleZh
            self.titleEn = titleEn
            self.description = description
            self.buildings = buildings
            self.thresholdPercent = thresholdPercent
            self.opensAt = opensAt
            self.deadline = deadline
        }
    }

    /// A campaign with its live count.
    public struct Progress: Codable, Sendable {
        public let campaign: CampaignView
        public let signed: Int
        public let missing: Int
        public let reached: Bool
    }

    /// A campaign, or `campaign_not_found`; fixes its outcome first when the deadline has passed.
    public func campaign(_ id: String) async throws -> Campaign {
        guard var campaign = try await self.campaigns.find(id) else { throw ParticipationProblem.campaignNotFound }
        if campaign.outcome == nil && campaign.deadline <= self.now() {
            try await self.decide(campaign)
            campaign = try await self.campaigns.find(id) ?? campaign
        }
        return campaign
    }

    /// The campaign with its live count (public).
    public func progress(_ id: String) async throws -> Progress {
        let campaign = try await self.campaign(id)
        var signed = campaign.signedAtDeadline ?? 0
        if campaign.signedAtDeadline == nil { signed = try await self.campaigns.signedCount(id) }
        return Progress(
            campaign: CampaignView(campaign, now: self.now()), signed: signed, missing: campaign.missing(signed),
            reached: campaign.reaches(signed))
    }

    /// Opens a campaign over every registered household of the buildings.
    public func create(community: String, request: NewCampaign, by principal: Principal?) async throws -> Campaign {
        let official = try Authorization.require(principal, .manageParticipation, divisionCode: community)
        let field = ParticipationProblem.invalidField
        guard (1...100).contains(request.titleZh.count), (1...200).contains(request.titleEn.count) else {
            throw field("titleZh", "标题必须是 1–100 个字。", "The title must have 1–100 characters.")
        }
        guard request.description.count <= 4000 else {
            throw field("description", "说明最多 4000 个字。", "The description has at most 4,000 characters.")
        }
        guard (1...100).contains(request.thresholdPercent) else {
            throw field("thresholdPercent", "门槛必须是 1–100。", "thresholdPercent must be 1–100.")
        }
        try EligibilityRule(buildings: request.buildings).validate()
        guard !request.buildings.isEmpty else {
            throw field("buildings", "请列出涉及的楼栋。", "List the buildings concerned.")
        }
        guard let opens = VoteService.parseTime(request.opensAt),
            let deadline = VoteService.parseTime(request.deadline),
            deadline > opens, deadline > self.now()
        else {
            throw field(
                "deadline", "开始和截止时间必须是 RFC 3339 时间，截止晚于开始和现在。",
                "opensAt and deadline must be RFC 3339 times, the deadline after both the opening and now.")
        }
        let households = try await self.register.households(community: community, buildings: request.buildings)
        guard !households.isEmpty else {
            throw field("buildings", "户籍登记中这些楼栋没有住户。", "The register lists no household in these buildings.")
        }
        let campaign = Campaign(
            id: SortableID.make(), communityCode: community,
            title: LocalizedText(zh: request.titleZh, en: request.titleEn), description: request.description,
            buildings: request.buildings, thresholdPercent: request.thresholdPercent, opensAt: opens,
            deadline: deadline, households: households.count, outcome: nil, signedAtDeadline: nil, decidedAt: nil)
        try await self.campaigns.insert(campaign, households: households, by: official.subject, at: self.now())
        return campaign
    }

    /// Signs (or withdraws) for the principal's household; the head of a listed household only, before the
    /// deadline. Doing what is already done changes nothing.
    public func sign(_ id: String, signed: Bool, principal: Principal?) async throws -> Progress {
        let campaign = try await self.campaign(id)
        let participant = try await self.eligibility.check(
            campaign.rule, community: campaign.communityCode, principal: principal)
        guard let household = participant.householdID,
            try await self.campaigns.household(id, household: household) != nil
        else { throw ParticipationProblem.householdNotListed }
        let time = self.now()
        try await self.database.transaction { sql in
            guard try await self.campaigns.touchIfRunning(id, now: time, on: sql) else {
                throw time < campaign.opensAt
                    ? ParticipationProblem.campaignNotOpen : ParticipationProblem.campaignClosed
            }
            _ = try await self.campaigns.setSigned(
                id, household: household, signed: signed, by: participant.accountID, at: time, on: sql)
        }
        return try await self.progress(id)
    }

    /// Fixes the outcome of a campaign whose deadline passed and publishes it, once.
    func decide(_ campaign: Campaign) async throws {
        let time = self.now()
        try await self.database.transaction { sql in
            guard let signed = try await self.campaigns.decide(campaign, now: time, on: sql) else { return }
            let outcome = CampaignOutcome(
                campaignID: campaign.id, communityCode: campaign.communityCode, titleZH: campaign.title.zh,
                titleEN: campaign.title.en, buildings: campaign.buildings, households: campaign.households,
                signed: signed, thresholdPercent: campaign.thresholdPercent, decidedAt: time)
            try await self.outbox.publish(
                topic: campaign.reaches(signed)
                    ? ParticipationEvents.campaignSucceeded : ParticipationEvents.campaignFailed,
                payload: outcome, on: sql, at: time)
        }
    }

    /// Fixes every campaign whose deadline passed (the periodic job).
    public func decideDue() async throws {
        for campaign in try await self.campaigns.due(now: self.now()) { try await self.decide(campaign) }
    }
}
