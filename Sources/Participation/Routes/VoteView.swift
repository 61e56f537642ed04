import Hummingbird
import Platform

/// A vote as the API shows it (times in RFC 3339 with the city's offset).
public struct VoteView: ResponseEncodable, Sendable, Decodable {
    public let id: String
    public let communityCode: String
    public let title: LocalizedText
    public let description: String
    public let kind: Vote.Kind
    public let options: [LocalizedText]
    public let maxChoices: Int
    public let unit: Vote.Unit
    public let eligibility: EligibilityRule
    public let opensAt: String
    public let closesAt: String
    public let quorumPercent: Int
    public let threshold: Vote.Threshold
    public let eligibleCount: Int
    /// The SPKI PEM of the key that signs this vote's ballot tokens.
    public let publicKey: String
    public let phase: Vote.Phase

    public init(_ vote: Vote, now: Int64) {
        self.id = vote.id
        self.communityCode = vote.communityCode
        self.title = vote.title
        self.description = vote.description
        self.kind = vote.kind
        self.options = vote.options
        self.maxChoices = vote.maxChoices
        self.unit = vote.unit
        self.eligibility = vote.eligibility
        self.opensAt = CityClock.rfc3339(vote.opensAt)
        self.closesAt = CityClock.rfc3339(vote.closesAt)
        self.quorumPercent = vote.quorumPercent
        self.threshold = vote.threshold
        self.eligibleCount = vote.eligibleCount
        self.publicKey = vote.publicKeyPEM
        self.phase = vote.phase(at: now)
    }
}

/// A vote with its standing (turnout; the count once closed).
public struct VoteDetail: ResponseEncodable, Sendable {
    public let vote: VoteView
    public let standing: VoteService.Standing
}

/// Whether the signed-in resident may act, and if not, what they lack.
public struct EligibilityAnswer: ResponseEncodable, Sendable, Decodable {
    public let eligible: Bool
    /// The problem code of the first unmet condition.
    public let code: String?
    public let reason: LocalizedText?
    /// The rule's conditions in words.
    public let conditions: [LocalizedText]

    public init(_ result: Result<Participant, Problem>, rule: EligibilityRule) {
        switch result {
        case .success:
            self.eligible = true
            self.code = nil
            self.reason = nil
        case .failure(let problem):
            self.eligible = false
            self.code = problem.code
            self.reason = LocalizedText(zh: problem.detailZH, en: problem.detailEN)
        }
        self.conditions = rule.describe()
    }
}

extension VoteService.IssuedToken: ResponseEncodable {}
extension VoteService.Receipt: ResponseEncodable {}
extension VoteService.Standing: ResponseEncodable {}
extension VoteTally: ResponseEncodable {}
extension PaperBatch: ResponseEncodable {}
extension Body: ResponseEncodable {}
