/// A compact, immutable, undirected street network in compressed-sparse-row (CSR) form.
///
/// Nodes are dense indices `0..<nodeCount`. Each undirected edge is stored twice (once per direction) so a
/// node's neighbours are the contiguous slice `targets[offsets[v]..<offsets[v + 1]]`. Indices are `Int32` and
/// lengths `Float32` (metres): 8 bytes per directed edge and 4 bytes per node, which is what lets a
/// 2,000,000-node city fit comfortably in memory. Duplicates and self-loops are removed by `GraphBuilder`.
public struct StreetGraph: Sendable {
    /// `offsets[v]..<offsets[v + 1]` is the adjacency slice of node `v`; `offsets.count == nodeCount + 1`.
    public let offsets: [Int32]
    /// Neighbour node index of every directed edge.
    public let targets: [Int32]
    /// Length in metres of every directed edge (same index as `targets`).
    public let weights: [Float32]

    /// Creates a graph from already-valid CSR arrays; use `GraphBuilder` to build one from an edge list.
    public init(offsets: [Int32], targets: [Int32], weights: [Float32]) {
        precondition(
            !offsets.isEmpty && targets.count == weights.count && Int(offsets.last!) == targets.count,
            "invalid CSR arrays")
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
    }

    /// Number of nodes (including isolated ones).
    public var nodeCount: Int { offsets.count - 1 }

    /// Number of undirected edges (each stored as two directed entries).
    public var edgeCount: Int { targets.count / 2 }

    /// Number of neighbours of `node`.
    public func degree(_ node: Int) -> Int { Int(offsets[node + 1] - offsets[node]) }

    /// The neighbours of `node` with edge lengths, in ascending neighbour order.
    public func neighbours(of node: Int) -> [(node: Int, meters: Float32)] {
        (Int(offsets[node])..<Int(offsets[node + 1])).map { (Int(targets[$0]), weights[$0]) }
    }

    /// Bytes held by the graph arrays (payload only, not the few bytes of array headers).
    public var memoryBytes: Int {
        offsets.count * MemoryLayout<Int32>.stride + targets.count * MemoryLayout<Int32>.stride
            + weights.count * MemoryLayout<Float32>.stride
    }

    /// Bytes per node attributable to node storage (the offsets array).
    public var bytesPerNode: Double { nodeCount == 0 ? 0 : Double(offsets.count * 4) / Double(nodeCount) }

    /// Bytes per undirected edge (two directed entries of target + weight).
    public var bytesPerEdge: Double { edgeCount == 0 ? 0 : Double(targets.count * 8) / Double(edgeCount) }
}
