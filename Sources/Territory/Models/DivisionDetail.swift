import Hummingbird

/// A division with its path to the city and the size of its subtree.
public struct DivisionDetail: ResponseEncodable, Sendable {
    /// Direct children and all descendants per level.
    public struct Counts: Codable, Sendable {
        public let children: Int
        public let districts: Int
        public let streets: Int
        public let communities: Int
    }

    public let division: Division
    /// From the city down to the parent.
    public let ancestors: [Division]
    public let childCounts: Counts
}
