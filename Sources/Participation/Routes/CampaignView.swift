import Hummingbird
import Platform

/// A consent campaign as the API shows it.
public struct CampaignView: Codable, Sendable {
    public let id: String
    public let communityCode: String
    public let title: LocalizedText
    public let description: String
    public let buildings: [String]
    public let thresholdPercent: Int
    public let opensAt: String
    public let deadline: String
    public let households: Int
    /// `upcoming`, `open`, `succeeded` or `failed`.
    public let state: String

    public init(_ campaign: Campaign, now: Int64) {
        self.id = campaign.id
        self.communityCode = campaign.communityCode
        self.title = campaign.title
        self.description = campaign.description
        self.buildings = campaign.buildings
        self.thresholdPercent = campaign.thresholdPercent
        self.opensAt = CityClock.rfc3339(campaign.opensAt)
        self.deadline = CityClock.rfc3339(campaign.deadline)
        self.households = campaign.households
        self.state = campaign.outcome?.rawValue ?? (now < campaign.opensAt ? "upcoming" : "open")
    }
}

extension CampaignView: ResponseEncodable {}
extension CampaignService.Progress: ResponseEncodable {}
