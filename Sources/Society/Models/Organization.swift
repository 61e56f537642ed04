/// A social organization, social enterprise or community self-organization in the registry.
public struct Organization: Sendable, Equatable, Codable {
    /// What kind of body it is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case socialOrganization = "social_organization"
        case socialEnterprise = "social_enterprise"
        case communitySelfOrganization = "community_self_organization"
    }

    /// Where it stands with the officials.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case pending, verified, suspended
    }

    public let id: String
    public let kind: Kind
    public let name: String
    /// Nil only for a community self-organization, which is not registered with civil affairs.
    public let creditCode: String?
    public let legalRepresentative: String
    public let serviceAreas: [String]
    /// The community it is seated in (officials of this community's subtree supervise it).
    public let communityCode: String
    public let communitiesServed: [String]
    public let status: Status
    public let statusReason: String?
    public let createdAt: Int64
}

/// A yearly report an organization files.
public struct OrganizationReport: Sendable, Equatable, Codable {
    public let year: Int
    public let summary: String
    public let volunteers: Int
    public let incomeFen: Int64
    public let submittedAt: Int64

    public init(year: Int, summary: String, volunteers: Int, incomeFen: Int64, submittedAt: Int64) {
        self.year = year
        self.summary = summary
        self.volunteers = volunteers
        self.incomeFen = incomeFen
        self.submittedAt = submittedAt
    }
}
