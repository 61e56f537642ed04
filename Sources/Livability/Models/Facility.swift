import Hummingbird

/// One service facility of the registry: a school, clinic, market … located on the walking network.
public struct Facility: Sendable, Equatable, Codable, ResponseEncodable {
    public let id: String
    public let communityCode: String
    public let category: FacilityCategory
    public let name: String
    public let lon: Double
    public let lat: Double
    /// The network node the facility was snapped to.
    public let nodeID: Int64
    /// Opening hours in OpenStreetMap `opening_hours` syntax (`Mo-Fr 08:00-18:00`), free text accepted.
    public let openingHours: String?
    public let `operator`: String?
    /// Where the entry came from: `demo`, `osm`, `csv` or `manual`.
    public let source: FacilitySource
    /// Seconds since 1970.
    public let createdAt: Int64
    public let updatedAt: Int64

    public init(
        id: String, communityCode: String, category: FacilityCategory, name: String, lon: Double, lat: Double,
        nodeID: Int64, openingHours: String?, operator: String?, source: FacilitySource, createdAt: Int64,
        updatedAt: Int64
    ) {
        self.id = id
        self.communityCode = communityCode
        self.category = category
        self.name = name
        self.lon = lon
        self.lat = lat
        self.nodeID = nodeID
        self.openingHours = openingHours
        self.operator = `operator`
        self.source = source
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    private enum CodingKeys: String, CodingKey {
        case id, communityCode, category, name, lon, lat
        case nodeID = "nodeId"
        case openingHours, `operator`, source
        case createdAt, updatedAt
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.id, forKey: .id)
        try container.encode(self.communityCode, forKey: .communityCode)
        try container.encode(self.category, forKey: .category)
        try container.encode(self.name, forKey: .name)
        try container.encode(self.lon, forKey: .lon)
        try container.encode(self.lat, forKey: .lat)
        try container.encode(self.nodeID, forKey: .nodeID)
        // Always present, null when unknown, so clients see the whole shape.
        try container.encode(self.openingHours, forKey: .openingHours)
        try container.encode(self.operator, forKey: .operator)
        try container.encode(self.source, forKey: .source)
        try container.encode(self.createdAt, forKey: .createdAt)
        try container.encode(self.updatedAt, forKey: .updatedAt)
    }
}

/// Where a registry entry came from.
public enum FacilitySource: String, Sendable, Codable, CaseIterable {
    case demo
    case osm
    case csv
    case manual
}

/// A facility to add, already validated (see ``FacilityInput``), not yet snapped.
public struct NewFacility: Sendable, Equatable {
    public var communityCode: String
    public var category: FacilityCategory
    public var name: String
    public var lon: Double
    public var lat: Double
    public var openingHours: String?
    public var `operator`: String?
    public var source: FacilitySource
    /// The id in the source (a CSV `id`, an OSM `n123`), so a re-import updates instead of duplicating.
    public var externalRef: String?

    public init(
        communityCode: String, category: FacilityCategory, name: String, lon: Double, lat: Double,
        openingHours: String? = nil, operator: String? = nil, source: FacilitySource, externalRef: String? = nil
    ) {
        self.communityCode = communityCode
        self.category = category
        self.name = name
        self.lon = lon
        self.lat = lat
        self.openingHours = openingHours
        self.operator = `operator`
        self.source = source
        self.externalRef = externalRef
    }
}
