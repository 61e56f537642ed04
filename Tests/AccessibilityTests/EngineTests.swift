import Testing

@testable import Accessibility

/// The engine against the naive reference on random graphs, plus the edge cases named in the spec.
@Suite("Access engine")
struct EngineTests {
    /// Nearest distances match the reference to the centimetre, including horizon boundaries.
    @Test(arguments: [(1 as UInt64, true), (2, false), (3, true), (4, false), (5, true), (6, false)])
    func nearestMatchesReference(seed: UInt64, integral: Bool) async throws {
        var rng = SplitMix64(seed: seed)
        let n = 40 + Int(rng.next() % 40)
        let edges = RandomGraphs.make(nodes: n, edges: n * 2, integral: integral, rng: &rng)
        // Integral weights make exact-horizon paths possible: those must be excluded (meters < horizon).
        let horizon: Float32 = integral ? 60 : 75.5
        let facilities = RandomGraphs.facilities(nodes: n, categories: 3, perCategory: 3, rng: &rng)
        let engine = AccessEngine(graph: RandomGraphs.graph(nodes: n, edges), horizon: horizon)
        let result = await engine.nearest(facilities)
        let reference = ReferenceSolver(nodeCount: n, edges: edges, horizon: Double(horizon))
        var reached = 0
        for c in 0..<facilities.categories.count {
            let expected = reference.facilityDistances(facilities.nodes[c])
            for v in 0..<n {
                if let best = expected[v].first {
                    reached += 1
                    #expect(abs(Double(result[c].distance[v]) - best) < 0.001, "node \(v) category \(c)")
                    // The owner really is a facility of this category at that distance.
                    let owner = Int(result[c].facility[v])
                    try #require(owner >= 0)
                    let ownerDistance = reference.distances(from: Int(facilities.nodes[c][owner]))[v]
                    #expect(abs(ownerDistance - best) < 0.001)
                } else {
                    #expect(result[c].distance[v] == .infinity, "node \(v) category \(c) should be unreachable")
                    #expect(result[c].facility[v] == -1)
                }
            }
        }
        #expect(reached > 0)
    }

    /// k nearest (distances of distinct facilities) and counts match the reference.
    @Test(arguments: [11 as UInt64, 12, 13, 14])
    func kNearestAndCountsMatchReference(seed: UInt64) async throws {
        var rng = SplitMix64(seed: seed)
        let n = 50
        let edges = RandomGraphs.make(nodes: n, edges: 110, integral: seed % 2 == 0, rng: &rng)
        let facilities = RandomGraphs.facilities(nodes: n, categories: 2, perCategory: 6, rng: &rng)
        let engine = AccessEngine(graph: RandomGraphs.graph(nodes: n, edges), horizon: 90)
        let k = 3
        let labels = await engine.kNearest(facilities, k: k)
        let counts = await engine.counts(facilities)
        let reference = ReferenceSolver(nodeCount: n, edges: edges, horizon: 90)
        for c in 0..<2 {
            let expected = reference.facilityDistances(facilities.nodes[c])
            for v in 0..<n {
                let got = labels[c].labels(of: v)
                #expect(got.count == min(k, expected[v].count), "node \(v)")
                for (i, label) in got.enumerated() {
                    #expect(abs(Double(label.meters) - expected[v][i]) < 0.001)
                }
                #expect(Set(got.map(\.facility)).count == got.count, "facilities must be distinct")
                #expect(Int(counts[c][v]) == expected[v].count, "count at node \(v)")
            }
        }
    }

    /// Duplicate edges keep the shortest, self-loops vanish, isolated nodes have no neighbours.
    @Test func builderNormalisesEdges() {
        var builder = GraphBuilder(nodeCount: 4)
        builder.addEdge(0, 1, 10)
        builder.addEdge(1, 0, 7)
        builder.addEdge(0, 1, 12)
        builder.addEdge(2, 2, 3)
        builder.addEdge(1, 2, 5)
        let graph = builder.build()
        #expect(graph.edgeCount == 2)
        #expect(graph.neighbours(of: 0).map(\.node) == [1])
        #expect(graph.neighbours(of: 0).map(\.meters) == [7])
        #expect(graph.neighbours(of: 2).map(\.node) == [1])
        #expect(graph.degree(3) == 0)
        #expect(graph.bytesPerEdge == 16)
    }

    /// Horizon cases: 0 reaches nothing, a facility node itself is 0 m, exact-horizon paths are excluded.
    @Test func horizonEdgeCases() async {
        var builder = GraphBuilder(nodeCount: 4)
        builder.addEdge(0, 1, 50)
        builder.addEdge(1, 2, 50)
        let graph = builder.build()
        var facilities = FacilitySet()
        facilities.add(id: "a", category: "school", node: 0)
        facilities.add(id: "b", category: "school", node: 0)  // shared node
        facilities.addCategory("empty")
        let zero = await AccessEngine(graph: graph, horizon: 0).nearest(facilities)
        #expect(zero[0].reachedCount == 0)
        let hundred = await AccessEngine(graph: graph, horizon: 100).nearest(facilities)
        #expect(hundred[0].distance == [0, 50, .infinity, .infinity])
        #expect(hundred[1].reachedCount == 0)
        let wide = await AccessEngine(graph: graph, horizon: 100.01).nearest(facilities)
        #expect(wide[0].distance[2] == 100)
        let counts = await AccessEngine(graph: graph, horizon: 100).counts(facilities)
        #expect(counts[0] == [2, 2, 0, 0])
        let k = await AccessEngine(graph: graph, horizon: 100).kNearest(facilities, k: 5)
        #expect(k[0].labels(of: 1).map(\.meters) == [50, 50])
    }

    /// Results do not depend on scheduling: repeated parallel runs are identical.
    @Test func parallelRunsAreDeterministic() async {
        var rng = SplitMix64(seed: 99)
        let edges = RandomGraphs.make(nodes: 300, edges: 700, integral: false, rng: &rng)
        let facilities = RandomGraphs.facilities(nodes: 300, categories: 6, perCategory: 5, rng: &rng)
        let engine = AccessEngine(graph: RandomGraphs.graph(nodes: 300, edges), horizon: 120)
        let first = await engine.nearest(facilities)
        for _ in 0..<3 { #expect(await engine.nearest(facilities) == first) }
    }
}
