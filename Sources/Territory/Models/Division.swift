import Hummingbird

/// The four levels of the territory tree, top-down.
public enum DivisionLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case city
    case district
    case street
    case community

    /// Depth in the tree: the city is 0.
    public var depth: Int {
        switch self {
        case .city: 0
        case .district: 1
        case .street: 2
        case .community: 3
        }
    }

    /// Number of digits of a code at this level.
    public var codeLength: Int {
        switch self {
        case .city, .district: 6
        case .street: 9
        case .community: 12
        }
    }

    public static func < (lhs: DivisionLevel, rhs: DivisionLevel) -> Bool { lhs.depth < rhs.depth }
}

/// A node of the territory tree: the city, a district or county, a street or town, a community or village.
public struct Division: Codable, Sendable, Equatable, ResponseEncodable {
    /// Official code: 6 digits for the city and districts, 9 for streets, 12 for communities.
    public let code: String
    public let name: String
    public let level: DivisionLevel
    /// The parent's code; nil for the city.
    public let parentCode: String?

    public init(code: String, name: String, level: DivisionLevel, parentCode: String?) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
    }

    private enum CodingKeys: String, CodingKey {
        case code, name, level, parentCode
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.code, forKey: .code)
        try container.encode(self.name, forKey: .name)
        try container.encode(self.level, forKey: .level)
        try container.encode(self.parentCode, forKey: .parentCode)
    }
}
