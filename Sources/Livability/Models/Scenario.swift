import Hummingbird

/// A what-if question: facilities proposed (category and position) and existing ones taken away.
public struct ScenarioRequest: Decodable, Sendable {
    /// A proposed facility.
    public struct Addition: Decodable, Sendable {
        public var category: String
        public var lon: Double
        public var lat: Double

        public init(category: String, lon: Double, lat: Double) {
            self.category = category
            self.lon = lon
            self.lat = lat
        }
    }

    public var add: [Addition]?
    /// Ids of registered facilities to leave out.
    public var remove: [String]?

    /// At most this many additions and removals together.
    public static let maxChanges = 10

    public init(add: [Addition]? = nil, remove: [String]? = nil) {
        self.add = add
        self.remove = remove
    }
}

/// What a scenario changes: where the proposals landed and coverage before and after in every community it
/// touches (nothing is saved).
public struct ScenarioResult: Sendable, Codable, ResponseEncodable {
    /// Where a proposed facility was placed on the network.
    public struct Placement: Sendable, Codable {
        public let category: FacilityCategory
        public let lon: Double
        public let lat: Double
        public let nodeId: Int64
        /// Straight-line distance from the proposed point to the node, metres.
        public let snapMeters: Int
        /// The division of the node (the community in the demo city).
        public let divisionCode: String
    }

    /// One affected community.
    public struct CommunityChange: Sendable, Codable {
        public let code: String
        public let name: String
        public let before: DivisionCoverage
        public let after: DivisionCoverage
    }

    public let placements: [Placement]
    public let removed: [String]
    /// Communities whose coverage changes, largest change of the all-categories share first.
    public let communities: [CommunityChange]
    /// Households covered by all categories, before and after, over the affected communities.
    public let householdsAffected: Int
    public let coveredByAllBefore: Int
    public let coveredByAllAfter: Int
}
