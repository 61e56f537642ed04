import Platform

/// A community-wide or council vote with a secret ballot: its question, options and rules, and the public half of
/// the key that signs its ballot tokens.
public struct Vote: Sendable, Equatable {
    /// How a ballot chooses.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Exactly one option.
        case single
        /// Yes, no or abstain (the options are fixed).
        case yesNoAbstain = "yes_no_abstain"
        /// Any number of options from one to ``Vote/maxChoices``.
        case approval
    }

    /// Whose voice a ballot is.
    public enum Unit: String, Codable, Sendable, CaseIterable {
        /// One person, one vote.
        case person
        /// One household, one vote (cast by any eligible member, once for the household).
        case household
    }

    /// What it takes for the leading option to pass.
    public enum Threshold: String, Codable, Sendable, CaseIterable {
        /// More than half of the ballots that chose (abstentions do not count against).
        case simpleMajority = "simple_majority"
        /// At least two thirds of the ballots cast, abstentions included.
        case twoThirdsCast = "two_thirds_cast"
        /// At least two thirds of everybody eligible.
        case twoThirdsEligible = "two_thirds_eligible"
    }

    /// Where the vote stands on the server's clock.
    public enum Phase: String, Codable, Sendable {
        case upcoming, open, closed, certified
    }

    public let id: String
    public let communityCode: String
    public let title: LocalizedText
    public let description: String
    public let kind: Kind
    public let options: [LocalizedText]
    public let maxChoices: Int
    public let unit: Unit
    public let eligibility: EligibilityRule
    public let opensAt: Int64
    public let closesAt: Int64
    /// The least turnout (online and paper voters) as a percentage of the eligible, 0 for none.
    public let quorumPercent: Int
    public let threshold: Threshold
    /// Households or persons the register lists as eligible when the vote was created (the turnout's base).
    public let eligibleCount: Int
    /// The RSA public key (SPKI PEM) that verifies ballot tokens.
    public let publicKeyPEM: String
    public let certifiedAt: Int64?

    /// The phase at `now`.
    public func phase(at now: Int64) -> Phase {
        if self.certifiedAt != nil { return .certified }
        if now < self.opensAt { return .upcoming }
        return now < self.closesAt ? .open : .closed
    }

    /// The option labels of a yes/no/abstain vote.
    public static let yesNoAbstainOptions = [
        LocalizedText(zh: "赞成", en: "Yes"), LocalizedText(zh: "反对", en: "No"), LocalizedText(zh: "弃权", en: "Abstain"),
    ]

    /// The canonical form of a ballot's choices (sorted option indexes joined by commas), or nil when they break
    /// the vote's rules.
    public func canonicalChoice(_ choices: [Int]) -> String? {
        let unique = Set(choices)
        guard unique.count == choices.count, !choices.isEmpty,
            choices.allSatisfy({ (0..<self.options.count).contains($0) })
        else { return nil }
        switch self.kind {
        case .single, .yesNoAbstain: guard choices.count == 1 else { return nil }
        case .approval: guard choices.count <= self.maxChoices else { return nil }
        }
        return choices.sorted().map(String.init).joined(separator: ",")
    }

    /// The option indexes of a stored canonical choice.
    public static func options(of canonical: String) -> [Int] {
        canonical.split(separator: ",").compactMap { Int($0) }
    }

    /// The prefix every token message of this vote starts with, so a token for one vote is useless in another.
    public var tokenPrefix: String { "citizen-cloud/vote/\(self.id)/" }
}
