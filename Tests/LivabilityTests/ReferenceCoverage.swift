import HTTPTypes
import Livability
import NIOCore

/// An independent, deliberately plain coverage computation for the fixture town: Dijkstra by scanning all nodes
/// (quadratic, fine for 26 nodes), then household by household.
struct ReferenceCoverage {
    let distances: [Int64: [Int64: Double]]

    init(nodes: [Int64], edges: [(Int64, Int64, Double)]) {
        var adjacency: [Int64: [(Int64, Double)]] = [:]
        for (a, b, meters) in edges {
            adjacency[a, default: []].append((b, meters))
            adjacency[b, default: []].append((a, meters))
        }
        var all: [Int64: [Int64: Double]] = [:]
        for source in nodes {
            var distance: [Int64: Double] = [source: 0]
            var done = Set<Int64>()
            while let (node, d) = distance.filter({ !done.contains($0.key) }).min(by: { $0.value < $1.value }) {
                done.insert(node)
                for (next, meters) in adjacency[node] ?? [] where d + meters < distance[next, default: .infinity] {
                    distance[next] = d + meters
                }
            }
            all[source] = distance
        }
        self.distances = all
    }

    /// Households covered per category and by all eight, among `households` (node, size ignored: households count 1).
    func figures(households: [Int64], facilities: [(FacilityCategory, Int64)]) -> (covered: [Int], all: Int) {
        var covered = Array(repeating: 0, count: FacilityCategory.allCases.count)
        var all = 0
        for home in households {
            var every = true
            for category in FacilityCategory.allCases {
                let reach = facilities.filter { $0.0 == category }.contains {
                    (self.distances[home]?[$0.1] ?? .infinity) < 1200
                }
                if reach { covered[category.index] += 1 } else { every = false }
            }
            if every { all += 1 }
        }
        return (covered, all)
    }
}
