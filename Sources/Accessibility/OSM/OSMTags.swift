/// The tags of one OSM element (a short list of key/value pairs).
public struct OSMTags: Sendable, Equatable {
    /// Pairs in file order.
    public var pairs: [(key: String, value: String)]

    /// Creates tags from pairs.
    public init(_ pairs: [(key: String, value: String)] = []) { self.pairs = pairs }

    /// The value of `key`, if present.
    public subscript(key: String) -> String? {
        for pair in pairs where pair.key == key { return pair.value }
        return nil
    }

    /// True when there are no tags.
    public var isEmpty: Bool { pairs.isEmpty }

    /// Compares pairwise (tuples are not Equatable themselves).
    public static func == (lhs: OSMTags, rhs: OSMTags) -> Bool {
        lhs.pairs.count == rhs.pairs.count && zip(lhs.pairs, rhs.pairs).allSatisfy { $0 == $1 }
    }
}
