@testable import Accessibility

/// A deliberately naive reference: one O(n^2) Dijkstra per facility in Double precision, straight from the raw
/// edge list (handling duplicates and self-loops itself), so the engine is checked against independent code.
struct ReferenceSolver {
    /// Raw undirected edge.
    struct Edge {
        let a: Int, b: Int
        let meters: Float32
    }

    let nodeCount: Int
    let edges: [Edge]
    let horizon: Double

    /// Distances from `source` to every node (infinity when unreachable), with no horizon.
    func distances(from source: Int) -> [Double] {
        var dist = [Double](repeating: .infinity, count: nodeCount)
        var done = [Bool](repeating: false, count: nodeCount)
        dist[source] = 0
        for _ in 0..<nodeCount {
            var best = -1
            for v in 0..<nodeCount where !done[v] && dist[v].isFinite && (best < 0 || dist[v] < dist[best]) { best = v }
            if best < 0 { break }
            done[best] = true
            for e in edges where e.a == best || e.b == best {
                let other = e.a == best ? e.b : e.a
                dist[other] = min(dist[other], dist[best] + Double(e.meters))
            }
        }
        return dist
    }

    /// Per node: sorted distances to every facility within the horizon (one entry per facility).
    func facilityDistances(_ facilityNodes: [Int32]) -> [[Double]] {
        var perNode = [[Double]](repeating: [], count: nodeCount)
        for node in facilityNodes {
            let d = distances(from: Int(node))
            for v in 0..<nodeCount where d[v] < horizon { perNode[v].append(d[v]) }
        }
        return perNode.map { $0.sorted() }
    }
}

/// Random street-like test graphs with the awkward cases mixed in.
enum RandomGraphs {
    /// A random graph with duplicates, self-loops and isolated nodes; integer weights when `integral`.
    static func make(nodes: Int, edges: Int, integral: Bool, rng: inout SplitMix64) -> [ReferenceSolver.Edge] {
        var list: [ReferenceSolver.Edge] = []
        let connected = max(1, nodes - nodes / 8)  // the last ~1/8 of the nodes stay isolated
        for _ in 0..<edges {
            let a = Int(rng.next() % UInt64(connected))
            // Mostly local edges (street-like), sometimes long ones.
            let b =
                rng.next() % 4 == 0
                ? Int(rng.next() % UInt64(connected))
                : min(connected - 1, a + 1 + Int(rng.next() % 3))
            let meters: Float32 =
                integral
                ? Float32(1 + rng.next() % 60)
                : Float32(Int(rng.next() % 6000)) / 100 + 0.01
            list.append(.init(a: a, b: b, meters: meters))
            if rng.next() % 10 == 0 { list.append(.init(a: b, b: a, meters: meters + Float32(rng.next() % 20))) }
            if rng.next() % 15 == 0 { list.append(.init(a: a, b: a, meters: 5)) }
        }
        return list
    }

    /// Builds the engine graph from a raw edge list.
    static func graph(nodes: Int, _ edges: [ReferenceSolver.Edge]) -> StreetGraph {
        var builder = GraphBuilder(nodeCount: nodes)
        for e in edges { builder.addEdge(Int32(e.a), Int32(e.b), e.meters) }
        return builder.build()
    }

    /// Random facilities in `categories` categories, some sharing nodes.
    static func facilities(nodes: Int, categories: Int, perCategory: Int, rng: inout SplitMix64) -> FacilitySet {
        var set = FacilitySet()
        var id = 0
        for c in 0..<categories {
            for _ in 0..<perCategory {
                let node = Int32(rng.next() % UInt64(nodes))
                set.add(id: "f\(id)", category: "cat\(c)", node: node)
                // Occasionally a second facility on the same node.
                if rng.next() % 5 == 0 {
                    id += 1
                    set.add(id: "f\(id)", category: "cat\(c)", node: node)
                }
                id += 1
            }
        }
        return set
    }
}
