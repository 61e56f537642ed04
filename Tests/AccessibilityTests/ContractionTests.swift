import Foundation
import Testing

@testable import Accessibility

/// Way contraction rules and coordinate snapping on hand-made inputs.
@Suite("Contraction and snapping")
struct ContractionTests {
    /// Builds a collector with nodes 1...6 on a line (about 11 m apart) and the given walkable ways.
    private func collector(ways: [[Int64]], skipNode: Int64? = nil) -> OSMElementCollector {
        var c = OSMElementCollector()
        for id: Int64 in 1...6 where id != skipNode {
            c.node(id: id, lon: 24.9 + Double(id) * 0.0002, lat: 60.17, tags: OSMTags())
        }
        for (i, refs) in ways.enumerated() {
            c.way(id: Int64(100 + i), refs: refs, tags: OSMTags([("highway", "footway")]))
        }
        return c
    }

    /// Degree-2 nodes are contracted; intersections and ends are kept; lengths add up.
    @Test func contractsDegreeTwoNodes() {
        let c = collector(ways: [[1, 2, 3, 4], [3, 5]])
        var position = [Int64: Int32]()
        for (i, id) in c.nodeIds.enumerated() { position[id] = Int32(i) }
        var contraction = WayContraction(collector: c, position: position, maxSegmentMeters: 1000)
        contraction.run()
        let kept = Set(contraction.graphNodes.map { c.nodeIds[Int($0)] })
        #expect(kept == [1, 3, 4, 5])
        #expect(contraction.edges.count == 3)
        let first = contraction.edges[0]
        let straight = Geodesy.haversine(lon1: c.nodeLon[0], lat1: 60.17, lon2: c.nodeLon[2], lat2: 60.17)
        #expect(abs(Double(first.meters) - straight) < 0.01)
        #expect(contraction.missingRefs == 0)
    }

    /// A missing node splits the way: no edge joins across the gap, and the gap is counted.
    @Test func splitsAtMissingNodes() {
        let c = collector(ways: [[1, 2, 3, 4, 5]], skipNode: 3)
        var position = [Int64: Int32]()
        for (i, id) in c.nodeIds.enumerated() { position[id] = Int32(i) }
        var contraction = WayContraction(collector: c, position: position, maxSegmentMeters: 1000)
        contraction.run()
        let pairs = Set(
            contraction.edges.map { edge in
                [
                    c.nodeIds[Int(contraction.graphNodes[Int(edge.a)])],
                    c.nodeIds[Int(contraction.graphNodes[Int(edge.b)])],
                ]
                .sorted()
            })
        #expect(pairs == [[1, 2], [4, 5]])
        #expect(contraction.missingRefs == 1)
        #expect(contraction.waysSplit == 1)
    }

    /// Long ways keep a shape node at least every `maxSegmentMeters`.
    @Test func keepsShapeNodesOnLongWays() {
        let c = collector(ways: [[1, 2, 3, 4, 5, 6]])
        var position = [Int64: Int32]()
        for (i, id) in c.nodeIds.enumerated() { position[id] = Int32(i) }
        var contraction = WayContraction(collector: c, position: position, maxSegmentMeters: 20)
        contraction.run()
        // Nodes are ~11 m apart: edges of ~22 m, ~22 m and the remaining ~11 m.
        #expect(contraction.edges.map { Int($0.meters) } == [22, 22, 11])
    }

    /// The grid snapper returns the same node as a brute-force search.
    @Test func snapperMatchesBruteForce() {
        var rng = SplitMix64(seed: 5)
        let n = 400
        var lon: [Double] = []
        var lat: [Double] = []
        var builder = GraphBuilder(nodeCount: n)
        for i in 0..<n {
            lon.append(104.0 + Double(rng.next() % 10_000) / 100_000)
            lat.append(30.6 + Double(rng.next() % 10_000) / 100_000)
            if i > 0 && i % 7 != 0 { builder.addEdge(Int32(i - 1), Int32(i), 1) }
        }
        let graph = builder.build()
        let snapper = NodeSnapper(lon: lon, lat: lat, graph: graph)
        let cosLat = 0.8603  // cos(30.65°): same local projection as the snapper, up to rounding
        for _ in 0..<200 {
            let qx = 103.99 + Double(rng.next() % 12_000) / 100_000
            let qy = 30.59 + Double(rng.next() % 12_000) / 100_000
            var best = -1
            var bestD = Double.infinity
            for v in 0..<n where graph.degree(v) > 0 {
                let dx = (lon[v] - qx) * cosLat
                let dy = lat[v] - qy
                let d = dx * dx + dy * dy
                if d < bestD {
                    bestD = d
                    best = v
                }
            }
            let got = snapper.nearest(lon: qx, lat: qy)
            #expect(got.map { Int($0.node) } == best)
        }
    }

    /// Queries thousands of kilometres outside the grid still find the node a brute-force search finds (the
    /// snapper used to scan every ring between the query and the grid, cell by cell).
    @Test func farQueries() {
        let lon = [104.00, 104.01, 104.02, 104.03]
        let lat = [30.60, 30.60, 30.61, 30.61]
        var builder = GraphBuilder(nodeCount: 4)
        for i in 1..<4 { builder.addEdge(Int32(i - 1), Int32(i), 1) }
        let snapper = NodeSnapper(lon: lon, lat: lat, graph: builder.build())
        let cosLat = cos(30.605 * Double.pi / 180)  // the snapper's projection: its mean latitude
        for (qx, qy) in [(24.9, 60.2), (150.0, 30.6), (104.0, -40.0), (104.015, 31.6), (104.025, 30.0)] {
            let best = (0..<4).min { a, b in
                let da = pow((lon[a] - qx) * cosLat, 2) + pow(lat[a] - qy, 2)
                let db = pow((lon[b] - qx) * cosLat, 2) + pow(lat[b] - qy, 2)
                return da < db
            }
            #expect(snapper.nearest(lon: qx, lat: qy).map { Int($0.node) } == best, "\(qx), \(qy)")
        }
        let far = snapper.nearest(lon: 104.015, lat: 31.6)
        #expect((110_000...112_000).contains(Int(far?.meters ?? 0)))
    }
}
