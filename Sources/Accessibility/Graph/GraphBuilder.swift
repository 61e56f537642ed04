/// Builds a `StreetGraph` from an undirected edge list.
///
/// Self-loops are dropped (they never shorten a path), duplicate edges between the same pair keep only the
/// shortest length, and nodes without edges simply get an empty adjacency slice.
public struct GraphBuilder: Sendable {
    /// Number of nodes the graph will have.
    public let nodeCount: Int
    private var from: [Int32] = []
    private var to: [Int32] = []
    private var meters: [Float32] = []

    /// Creates a builder for `nodeCount` nodes; `expectedEdges` only pre-sizes the buffers.
    public init(nodeCount: Int, expectedEdges: Int = 0) {
        precondition(nodeCount < Int(Int32.max), "too many nodes for Int32 indices")
        self.nodeCount = nodeCount
        from.reserveCapacity(expectedEdges)
        to.reserveCapacity(expectedEdges)
        meters.reserveCapacity(expectedEdges)
    }

    /// Number of edges added so far (before self-loop and duplicate removal).
    public var addedEdgeCount: Int { from.count }

    /// Adds an undirected edge; callers validate indices and that `length` is finite and non-negative.
    public mutating func addEdge(_ a: Int32, _ b: Int32, _ length: Float32) {
        from.append(a)
        to.append(b)
        meters.append(length)
    }

    /// Produces the CSR graph. Consumes the builder's buffers to keep peak memory low.
    public consuming func build() -> StreetGraph {
        let n = nodeCount
        var degree = [Int32](repeating: 0, count: n + 1)
        for i in 0..<from.count where from[i] != to[i] {
            degree[Int(from[i])] += 1
            degree[Int(to[i])] += 1
        }
        // Exclusive prefix sum -> start offset of every node.
        var offsets = [Int32](repeating: 0, count: n + 1)
        var running: Int32 = 0
        for v in 0..<n {
            offsets[v] = running
            running += degree[v]
        }
        offsets[n] = running
        var cursor = offsets
        var targets = [Int32](repeating: 0, count: Int(running))
        var weights = [Float32](repeating: 0, count: Int(running))
        for i in 0..<from.count where from[i] != to[i] {
            let a = Int(from[i])
            let b = Int(to[i])
            targets[Int(cursor[a])] = to[i]
            weights[Int(cursor[a])] = meters[i]
            cursor[a] += 1
            targets[Int(cursor[b])] = from[i]
            weights[Int(cursor[b])] = meters[i]
            cursor[b] += 1
        }
        from = []
        to = []
        meters = []
        cursor = []
        degree = []
        return Self.sortAndDeduplicate(offsets: offsets, targets: targets, weights: weights)
    }

    /// Sorts every adjacency slice by neighbour and keeps the shortest of duplicate edges, compacting in place.
    private static func sortAndDeduplicate(offsets: [Int32], targets: [Int32], weights: [Float32]) -> StreetGraph {
        var offsets = offsets
        var targets = targets
        var weights = weights
        var write = 0
        var sliceStart = 0
        let n = offsets.count - 1
        for v in 0..<n {
            let start = sliceStart
            let end = Int(offsets[v + 1])
            sliceStart = end
            // Insertion sort: street nodes have a handful of neighbours.
            if end - start > 1 {
                for i in (start + 1)..<end {
                    let t = targets[i]
                    let w = weights[i]
                    var j = i - 1
                    while j >= start && (targets[j] > t || (targets[j] == t && weights[j] > w)) {
                        targets[j + 1] = targets[j]
                        weights[j + 1] = weights[j]
                        j -= 1
                    }
                    targets[j + 1] = t
                    weights[j + 1] = w
                }
            }
            offsets[v] = Int32(write)
            var previous: Int32 = -1
            for i in start..<end where targets[i] != previous {
                // Sorted by (target, weight): the first entry of each run is the shortest duplicate.
                previous = targets[i]
                targets[write] = targets[i]
                weights[write] = weights[i]
                write += 1
            }
        }
        offsets[n] = Int32(write)
        targets.removeSubrange(write...)
        weights.removeSubrange(write...)
        targets.shrinkToFitIfLarge()
        weights.shrinkToFitIfLarge()
        return StreetGraph(offsets: offsets, targets: targets, weights: weights)
    }
}

/// Memory trimming for the large graph arrays.
extension Array {
    /// Reallocates to the exact size when more than ~10 % of the capacity is unused (frees duplicate space).
    mutating func shrinkToFitIfLarge() {
        guard capacity > count + count / 10 + 16 else { return }
        let copy = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            self.withUnsafeBufferPointer { source in
                for i in 0..<source.count { (buffer.baseAddress! + i).initialize(to: source[i]) }
            }
            initialized = count
        }
        self = copy
    }
}
