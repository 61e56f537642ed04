/// Counts, for every node, the facilities of one category within the horizon.
///
/// Each facility runs its own Dijkstra bounded by the horizon (the "ball" around it) and increments the
/// count of every node it settles. The per-search distance array is reset only where it was touched, so a
/// city with many facilities costs facilities x ball size, not facilities x nodes.
public struct FacilityCounter: Sendable {
    private let graph: StreetGraph
    private let horizon: Float32
    private var distance: [Float32]
    private var touched: [Int32] = []

    /// Prepares a counter (allocates one distance array) for `graph` and `horizon` metres.
    public init(graph: StreetGraph, horizon: Float32) {
        self.graph = graph
        self.horizon = horizon
        distance = [Float32](repeating: .infinity, count: graph.nodeCount)
    }

    /// Counts of all `facilityNodes` (one per facility; shared nodes count once per facility).
    public mutating func counts(facilityNodes: [Int32]) -> [Int32] {
        var counts = [Int32](repeating: 0, count: graph.nodeCount)
        for node in facilityNodes {
            visitBall(from: node) { counts[Int($0)] += 1 }
        }
        return counts
    }

    /// Calls `visit` once for every node strictly within the horizon of `source` (including `source`).
    public mutating func visitBall(from source: Int32, _ visit: (Int32) -> Void) {
        guard horizon > 0 else { return }
        var heap = PackedMinHeap(initialCapacity: 1024)
        distance[Int(source)] = 0
        touched.append(source)
        heap.push(PackedMinHeap.key(0, source))
        while !heap.isEmpty {
            let key = heap.popMin()
            let v = Int(PackedMinHeap.node(key))
            let d = PackedMinHeap.distance(key)
            if d > distance[v] { continue }
            visit(Int32(v))
            for e in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) {
                let u = Int(graph.targets[e])
                let nd = d + graph.weights[e]
                if nd < distance[u] && nd < horizon {
                    if distance[u] == .infinity { touched.append(Int32(u)) }
                    distance[u] = nd
                    heap.push(PackedMinHeap.key(nd, Int32(u)))
                }
            }
        }
        for node in touched { distance[Int(node)] = .infinity }
        touched.removeAll(keepingCapacity: true)
    }
}
