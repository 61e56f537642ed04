import Platform

/// A case (诉求) as stored: where it is, who owns it, where it stands and its deadlines.
///
/// `ownerCode` is the one owner at any time: the division (community, street, district or city) that must act,
/// together with `departmentID`, the department the routing rules assigned. Personal data of the reporter never
/// leaves the context unmasked; the public sees ``PublicCase``.
public struct CaseRecord: Sendable, Equatable {
    public let id: String
    /// The community where the problem is.
    public let divisionCode: String
    public let ownerCode: String
    public let ownerLevel: CaseLevel
    public let departmentID: String
    public let categoryCode: String
    public let routingRuleID: String
    public let status: CaseStatus
    public let version: Int
    public let description: String
    public let address: String
    public let lat: Double?
    public let lon: Double?
    /// `resident`, `worker`, `open311:<key id>`, `demo`.
    public let source: String
    public let reporterAccountID: String?
    public let mediaURL: String?
    public let escalations: Int
    public let rating: Int?
    public let ratingComment: String?
    public let createdAt: Int64
    public let updatedAt: Int64
    /// The deadline promised at the report (the on-time figure is measured against it).
    public let promisedAt: Int64
    /// The current owner's deadline (reset when the case escalates or a joint meeting sets one).
    public let dueAt: Int64
    public let resolvedAt: Int64?
    public let closedAt: Int64?

    /// Whether the current owner's deadline has passed while the case is still open.
    public func isOverdue(at now: Int64) -> Bool { self.status.isOpen && now > self.dueAt }
}

/// One row of a case's history: every transition, routing decision, reminder, rating and revisit.
public struct CaseEvent: Sendable, Equatable, Codable {
    /// 1, 2, 3 … with no gap: the case's version after this event.
    public let seq: Int
    /// The command (`accept` …) or `report`, `route`, `remind`, `rate`, `revisit`, `decide`.
    public let command: String
    public let fromStatus: CaseStatus?
    public let toStatus: CaseStatus
    public let ownerCode: String
    public let departmentId: String
    public let actorKind: String
    public let note: String
    public let createdAt: Int64
}

/// A category of cases (the Open311 service): its promised working days and default department.
public struct CaseCategory: Sendable, Equatable {
    public let code: String
    public let name: LocalizedText
    /// `urgent`, `consultation`, `help` or `complaint`.
    public let kind: String
    public let deadlineDays: Int
    public let departmentID: String
}

/// A routing rule: cases of `categoryCode` located under `divisionPrefix` go to `departmentID`; the longest
/// matching prefix wins, and each category has a rule with the empty prefix (the city-wide default).
public struct RoutingRule: Sendable, Equatable, Codable {
    public let id: String
    public let categoryCode: String
    public let divisionPrefix: String
    public let departmentId: String
    public let note: String
    public let updatedBy: String
    public let updatedAt: Int64

    /// The rule for a case of `category` in `community` among `rules`: the longest matching prefix.
    public static func pick(_ rules: [RoutingRule], category: String, community: String) -> RoutingRule? {
        rules.filter { $0.categoryCode == category && community.hasPrefix($0.divisionPrefix) }
            .max { $0.divisionPrefix.count < $1.divisionPrefix.count }
    }
}
