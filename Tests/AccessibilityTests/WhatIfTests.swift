import Testing

@testable import Accessibility

/// What-if updates must equal a full recomputation, and undo must restore the previous state exactly.
@Suite("What-if scenarios")
struct WhatIfTests {
    /// Random adds and removes, each checked against a full recompute of the active facilities.
    @Test(arguments: [21 as UInt64, 22, 23, 24, 25])
    func updatesEqualFullRecompute(seed: UInt64) async throws {
        var rng = SplitMix64(seed: seed)
        let n = 120
        let edges = RandomGraphs.make(nodes: n, edges: 260, integral: seed % 2 == 1, rng: &rng)
        let facilities = RandomGraphs.facilities(nodes: n, categories: 2, perCategory: 4, rng: &rng)
        let engine = AccessEngine(graph: RandomGraphs.graph(nodes: n, edges), horizon: 100)
        var scenario = await WhatIfScenario(engine: engine, facilities: facilities, withCounts: true, kNearest: 3)
        var snapshots: [([CategoryNearest], [[Int32]]?, [CategoryKNearest]?)] = []
        for step in 0..<30 {
            snapshots.append((scenario.nearest, scenario.counts, scenario.kNearest))
            let c = Int(rng.next() % 2)
            let active = (0..<scenario.facilities.nodes[c].count).filter { !scenario.isRemoved[c][$0] }
            if rng.next() % 2 == 0 || active.isEmpty {
                // Sometimes on a node that already has a facility.
                let node = rng.next() % 4 == 0 ? scenario.facilities.nodes[c][0] : Int32(rng.next() % UInt64(n))
                scenario.addFacility(id: "new\(step)", category: "cat\(c)", node: node)
            } else {
                scenario.removeFacility(category: c, facility: active[Int(rng.next() % UInt64(active.count))])
            }
            let full = await engine.nearest(scenario.activeFacilities)
            let fullCounts = await engine.counts(scenario.activeFacilities)
            let fullLabels = await engine.kNearest(scenario.activeFacilities, k: 3)
            for cat in 0..<2 {
                #expect(Self.close(scenario.nearest[cat].distance, full[cat].distance), "step \(step) category \(cat)")
                #expect(scenario.counts?[cat] == fullCounts[cat], "counts step \(step)")
                let labels = try #require(scenario.kNearest?[cat])
                #expect(Self.close(labels.distance, fullLabels[cat].distance), "k-nearest step \(step) category \(cat)")
                #expect(labels.facility.allSatisfy { $0 < 0 || !scenario.isRemoved[cat][Int($0)] })
                // Owners must be active facilities of this category at the stated distance.
                for v in 0..<n where scenario.nearest[cat].facility[v] >= 0 {
                    #expect(!scenario.isRemoved[cat][Int(scenario.nearest[cat].facility[v])])
                }
            }
        }
        // Undo everything, checking each intermediate state.
        while let (nearest, counts, labels) = snapshots.popLast() {
            let undone = scenario.undo()
            #expect(undone)
            #expect(scenario.nearest == nearest)
            #expect(scenario.counts == counts)
            #expect(scenario.kNearest == labels)
        }
        let nothingLeft = !scenario.undo()
        #expect(nothingLeft)
        #expect(scenario.facilities == facilities)
    }

    /// Same reachability and distances within a millimetre (float sums may round differently on equal-length paths).
    static func close(_ a: [Float32], _ b: [Float32]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || abs($0 - $1) < 0.001 }
    }

    /// Removing one of two facilities on the same node changes nothing; removing the second clears the area.
    @Test func sharedNodeRemoval() async {
        var builder = GraphBuilder(nodeCount: 3)
        builder.addEdge(0, 1, 10)
        builder.addEdge(1, 2, 10)
        var facilities = FacilitySet()
        facilities.add(id: "a", category: "clinic", node: 1)
        facilities.add(id: "b", category: "clinic", node: 1)
        var scenario = await WhatIfScenario(
            engine: AccessEngine(graph: builder.build(), horizon: 100),
            facilities: facilities)
        scenario.removeFacility(category: 0, facility: 0)
        #expect(scenario.nearest[0].distance == [10, 0, 10])
        #expect(scenario.nearest[0].facility == [1, 1, 1])
        scenario.removeFacility(category: 0, facility: 1)
        #expect(scenario.nearest[0].reachedCount == 0)
        scenario.addFacility(id: "c", category: "clinic", node: 2)
        #expect(scenario.nearest[0].distance == [20, 10, 0])
    }
}
