import Platform

/// A consent campaign (模拟搬迁): every household of the affected buildings is listed; its head signs or withdraws
/// until the deadline; the renovation goes ahead only if signed households reach the threshold by then.
public struct Campaign: Sendable, Equatable {
    /// The final outcome, fixed once at the deadline.
    public enum Outcome: String, Codable, Sendable {
        case succeeded, failed
    }

    public let id: String
    public let communityCode: String
    public let title: LocalizedText
    public let description: String
    public let buildings: [String]
    public let thresholdPercent: Int
    public let opensAt: Int64
    public let deadline: Int64
    public let households: Int
    public let outcome: Outcome?
    /// The signed households counted at the deadline (nil until the outcome is fixed).
    public let signedAtDeadline: Int?
    public let decidedAt: Int64?

    /// Whether `signed` households reach the threshold: signed / households ≥ threshold%, in integers.
    public func reaches(_ signed: Int) -> Bool {
        100 * signed >= self.thresholdPercent * self.households
    }

    /// Households still needed to reach the threshold.
    public func missing(_ signed: Int) -> Int {
        let needed = (self.thresholdPercent * self.households + 99) / 100
        return max(0, needed - signed)
    }

    /// The rule for signing: the head of a listed household (level 2, register-matched).
    public var rule: EligibilityRule {
        EligibilityRule(minimumLevel: 2, residentOfCommunity: true, householdHead: true, buildings: self.buildings)
    }
}
