/// The events the participation context publishes on the platform outbox, with their payloads, so later contexts
/// (projects and funds) can decode them with `DomainEvent.decode(_:)`.
///
/// Each event is written in the transaction of the change it reports and published exactly once per change.
public enum ParticipationEvents {
    /// A certified vote whose result passed: `participation.decision.passed`, payload ``DecisionPassed``.
    public static let decisionPassed = "participation.decision.passed"
    /// A certified vote whose result did not pass: `participation.decision.rejected`, payload ``DecisionPassed``.
    public static let decisionRejected = "participation.decision.rejected"
    /// A consent campaign reached its threshold by the deadline: `participation.campaign.succeeded`, payload
    /// ``CampaignOutcome``.
    public static let campaignSucceeded = "participation.campaign.succeeded"
    /// A consent campaign missed its threshold: `participation.campaign.failed`, payload ``CampaignOutcome``.
    public static let campaignFailed = "participation.campaign.failed"
}

/// The payload of a certified vote's outcome (`participation.decision.passed` / `.rejected`).
public struct DecisionPassed: Codable, Sendable, Equatable {
    public let voteID: String
    public let communityCode: String
    public let titleZH: String
    public let titleEN: String
    /// The option that carried (for yes/no/abstain votes 0 = yes), nil on a tie.
    public let winningOption: Int?
    public let counts: [Int]
    public let turnout: Int
    public let eligible: Int
    /// When the result was certified (Unix seconds).
    public let certifiedAt: Int64

    public init(
        voteID: String, communityCode: String, titleZH: String, titleEN: String, winningOption: Int?, counts: [Int],
        turnout: Int, eligible: Int, certifiedAt: Int64
    ) {
        self.voteID = voteID
        self.communityCode = communityCode
        self.titleZH = titleZH
        self.titleEN = titleEN
        self.winningOption = winningOption
        self.counts = counts
        self.turnout = turnout
        self.eligible = eligible
        self.certifiedAt = certifiedAt
    }
}

/// The payload of a consent campaign's final outcome (`participation.campaign.succeeded` / `.failed`).
public struct CampaignOutcome: Codable, Sendable, Equatable {
    public let campaignID: String
    public let communityCode: String
    public let titleZH: String
    public let titleEN: String
    public let buildings: [String]
    public let households: Int
    public let signed: Int
    public let thresholdPercent: Int
    /// When the outcome became final (Unix seconds).
    public let decidedAt: Int64

    public init(
        campaignID: String, communityCode: String, titleZH: String, titleEN: String, buildings: [String],
        households: Int, signed: Int, thresholdPercent: Int, decidedAt: Int64
    ) {
        self.campaignID = campaignID
        self.communityCode = communityCode
        self.titleZH = titleZH
        self.titleEN = titleEN
        self.buildings = buildings
        self.households = households
        self.signed = signed
        self.thresholdPercent = thresholdPercent
        self.decidedAt = decidedAt
    }
}
