/// Nearest-facility answer of one category for every node.
///
/// `distance[v]` is the walking distance in metres from node `v` to the nearest facility of the category,
/// or `+infinity` when none is within the horizon; `facility[v]` is that facility's index in the category
/// (or -1). The facility index is what makes removal in a what-if scenario local: only nodes owned by the
/// removed facility need recomputation.
public struct CategoryNearest: Sendable, Equatable {
    /// Distance in metres per node (`.infinity` = nothing within the horizon).
    public internal(set) var distance: [Float32]
    /// Owning facility index per node, -1 when unreachable.
    public internal(set) var facility: [Int32]

    /// An all-unreachable answer for `nodeCount` nodes.
    public init(nodeCount: Int) {
        distance = [Float32](repeating: .infinity, count: nodeCount)
        facility = [Int32](repeating: -1, count: nodeCount)
    }

    /// Number of nodes with a facility within the horizon.
    public var reachedCount: Int { distance.reduce(0) { $0 + ($1.isFinite ? 1 : 0) } }
}
