/// The k nearest facilities of one category for every node.
///
/// Labels of node `v` live in `distance[v*k ..< v*k + k]` and `facility[...]`, ascending by distance,
/// padded with `.infinity` / -1 when fewer than k facilities are within the horizon.
public struct CategoryKNearest: Sendable, Equatable {
    /// Labels kept per node.
    public let k: Int
    /// Distances, `k` per node, ascending.
    public internal(set) var distance: [Float32]
    /// Facility indices (within the category), parallel to `distance`.
    public internal(set) var facility: [Int32]

    /// Empty labels for `nodeCount` nodes.
    public init(nodeCount: Int, k: Int) {
        precondition(k >= 1, "k must be at least 1")
        self.k = k
        distance = [Float32](repeating: .infinity, count: nodeCount * k)
        facility = [Int32](repeating: -1, count: nodeCount * k)
    }

    /// The labels of `node` that are within the horizon, nearest first.
    public func labels(of node: Int) -> [(meters: Float32, facility: Int32)] {
        (node * k..<node * k + k).filter { facility[$0] >= 0 }.map { (distance[$0], facility[$0]) }
    }

    /// Computes the k nearest distinct facilities of every node within `horizon` metres.
    ///
    /// Label-setting Dijkstra over (distance, node, facility) states: a node accepts a facility only if it
    /// has fewer than k labels and not that facility yet. This is exact because if facility f is among the
    /// k nearest of u, it is also among the k nearest of every node on the shortest path from f to u.
    public static func compute(
        graph: StreetGraph, facilityNodes: [Int32], k: Int,
        horizon: Float32
    ) -> CategoryKNearest {
        var result = CategoryKNearest(nodeCount: graph.nodeCount, k: k)
        var filled = [UInt16](repeating: 0, count: graph.nodeCount)
        var heap = LabelHeap()
        guard horizon > 0 else { return result }
        for (index, node) in facilityNodes.enumerated() { heap.push(0, node, Int32(index)) }
        while let (d, v, f) = heap.pop() {
            let vi = Int(v)
            let count = Int(filled[vi])
            if count == k || result.has(node: vi, facility: f, filled: count) { continue }
            result.distance[vi * k + count] = d
            result.facility[vi * k + count] = f
            filled[vi] += 1
            for e in Int(graph.offsets[vi])..<Int(graph.offsets[vi + 1]) {
                let u = Int(graph.targets[e])
                let nd = d + graph.weights[e]
                let uc = Int(filled[u])
                if nd < horizon && uc < k && !result.has(node: u, facility: f, filled: uc) {
                    heap.push(nd, graph.targets[e], f)
                }
            }
        }
        return result
    }

    /// Whether `node` already holds `facility` among its first `filled` labels.
    private func has(node: Int, facility f: Int32, filled: Int) -> Bool {
        var i = node * k
        let end = i + filled
        while i < end {
            if facility[i] == f { return true }
            i += 1
        }
        return false
    }
}

/// Binary min-heap of (distance, node, facility) used by the k-nearest search; ties break on node then facility
/// so results are deterministic.
struct LabelHeap {
    private var keys: [UInt64] = []
    private var payload: [Int32] = []

    /// Inserts a state.
    mutating func push(_ distance: Float32, _ node: Int32, _ facility: Int32) {
        var hole = keys.count
        let key = PackedMinHeap.key(distance, node)
        keys.append(key)
        payload.append(facility)
        while hole > 0 {
            let parent = (hole - 1) / 2
            if !Self.less(key, facility, keys[parent], payload[parent]) { break }
            keys[hole] = keys[parent]
            payload[hole] = payload[parent]
            hole = parent
        }
        keys[hole] = key
        payload[hole] = facility
    }

    /// Removes the smallest state.
    mutating func pop() -> (Float32, Int32, Int32)? {
        guard let top = keys.first else { return nil }
        let topFacility = payload[0]
        let lastKey = keys.removeLast()
        let lastFacility = payload.removeLast()
        if !keys.isEmpty {
            var hole = 0
            while true {
                var child = hole * 2 + 1
                if child >= keys.count { break }
                if child + 1 < keys.count
                    && Self.less(keys[child + 1], payload[child + 1], keys[child], payload[child])
                {
                    child += 1
                }
                if !Self.less(keys[child], payload[child], lastKey, lastFacility) { break }
                keys[hole] = keys[child]
                payload[hole] = payload[child]
                hole = child
            }
            keys[hole] = lastKey
            payload[hole] = lastFacility
        }
        return (PackedMinHeap.distance(top), PackedMinHeap.node(top), topFacility)
    }

    /// Orders by packed (distance, node), then facility.
    private static func less(_ a: UInt64, _ fa: Int32, _ b: UInt64, _ fb: Int32) -> Bool {
        a < b || (a == b && fa < fb)
    }
}
