import Hummingbird

/// The children of a division ranked by coverage, best first.
public struct Ranking: Sendable, Codable, ResponseEncodable {
    /// One ranked child.
    public struct Item: Sendable, Codable {
        public let rank: Int
        public let coverage: DivisionCoverage
    }

    public let code: String
    public let name: String
    /// The category ranked by; nil means all eight at once.
    public let category: FacilityCategory?
    public let items: [Item]

    private enum CodingKeys: String, CodingKey {
        case code, name, category, items
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.code, forKey: .code)
        try container.encode(self.name, forKey: .name)
        try container.encode(self.category, forKey: .category)
        try container.encode(self.items, forKey: .items)
    }
}

/// One household that misses at least one category, as the gap list shows it.
public struct Gap: Sendable, Codable {
    public let householdId: Int64
    /// The registered address cut to the building (`12栋…`).
    public let address: String
    public let nodeId: Int64
    /// The categories not reachable within the horizon.
    public let lacking: [FacilityCategory]
}

/// What a resident has near home: per category the nearest facility with walking distance and minutes.
public struct NearMe: Sendable, Codable, ResponseEncodable {
    /// One category's answer.
    public struct Item: Sendable, Codable {
        public let category: FacilityCategory
        /// Nil when none lies within the search radius.
        public let facility: Facility?
        public let meters: Int?
        public let minutes: Int?
        /// Whether it is within the 15-minute walk.
        public let withinHorizon: Bool
        /// Facilities of the category within the 15-minute walk.
        public let countWithinHorizon: Int

        private enum CodingKeys: String, CodingKey {
            case category, facility, meters, minutes, withinHorizon, countWithinHorizon
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(self.category, forKey: .category)
            try container.encode(self.facility, forKey: .facility)
            try container.encode(self.meters, forKey: .meters)
            try container.encode(self.minutes, forKey: .minutes)
            try container.encode(self.withinHorizon, forKey: .withinHorizon)
            try container.encode(self.countWithinHorizon, forKey: .countWithinHorizon)
        }
    }

    public let communityCode: String
    public let lon: Double
    public let lat: Double
    /// How far the search looked, in metres.
    public let searchMeters: Int
    public let items: [Item]
}
