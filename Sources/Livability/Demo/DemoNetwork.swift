import Foundation
import Territory

/// The demo city's walking network: a jittered street grid inside every community block (100 m spacing in
/// residential communities, 125 m in villages, a few interior links missing and a few diagonal paths), joined to
/// the neighbouring blocks across their shared edge.
struct DemoNetwork: Sendable {
    var nodes: [NetworkRepository.Node] = []
    var edges: [NetworkRepository.Edge] = []
    /// The ids of each community's nodes.
    var nodesOfCommunity: [String: [Int64]] = [:]
    /// Local plane position (metres east and north of the centre) of every node, by id − 1.
    private var x: [Double] = []
    private var y: [Double] = []

    static let metersPerDegreeLat = 111_195.0
    static let metersPerDegreeLon = 111_195.0 * cos(DemoCityLayout.centre.lat * Double.pi / 180)

    init(layout: DemoCityLayout, communities: [Division], seed: UInt64) {
        var boundary: [String: [Int: [Int64]]] = [:]  // community → side (0 W, 1 E, 2 S, 3 N) → node ids
        for community in communities.sorted(by: { $0.code < $1.code }) {
            guard let block = layout.blocks[community.code] else { continue }
            var random = DemoRandom(seed: seed, stream: UInt64(community.code) ?? 0, substream: 11)
            let isVillage = (Int(community.code.suffix(3)) ?? 0) >= 200
            let count = isVillage ? 4 : 5
            let spacing = DemoCityLayout.blockMeters / Double(count)
            var grid: [[Int64]] = Array(repeating: [], count: count)
            for row in 0..<count {
                for column in 0..<count {
                    let px =
                        (Double(block.x) + 0) * DemoCityLayout.blockMeters + (Double(column) + 0.5) * spacing
                        + (random.unit() - 0.5) * 24
                    let py =
                        Double(block.y) * DemoCityLayout.blockMeters + (Double(row) + 0.5) * spacing
                        + (random.unit() - 0.5) * 24
                    grid[row].append(self.addNode(community: community.code, x: px, y: py))
                }
            }
            self.nodesOfCommunity[community.code] = grid.flatMap { $0 }
            for row in 0..<count {
                for column in 0..<count {
                    let interior = row > 0 && row < count - 1 && column > 0 && column < count - 1
                    if column + 1 < count, !(interior && random.chance(0.1)) {
                        self.link(grid[row][column], grid[row][column + 1], random: &random)
                    }
                    if row + 1 < count, !(interior && random.chance(0.1)) {
                        self.link(grid[row][column], grid[row + 1][column], random: &random)
                    }
                    if row + 1 < count, column + 1 < count, random.chance(0.08) {
                        self.link(grid[row][column], grid[row + 1][column + 1], random: &random)
                    }
                }
            }
            boundary[community.code] = [
                0: grid.map { $0[0] }, 1: grid.map { $0[count - 1] }, 2: grid[0], 3: grid[count - 1],
            ]
        }
        // Join each block to its eastern and northern neighbours: every facing node to the nearest across.
        for (code, block) in layout.blocks.sorted(by: { $0.key < $1.key }) {
            guard let sides = boundary[code] else { continue }
            var random = DemoRandom(seed: seed, stream: UInt64(code) ?? 0, substream: 12)
            for (dx, dy, mine, theirs) in [(1, 0, 1, 0), (0, 1, 3, 2)] {
                guard let other = layout.occupant[DemoCityLayout.key(block.x + dx, block.y + dy)],
                    let otherSides = boundary[other], let near = sides[mine], let far = otherSides[theirs]
                else { continue }
                var linked = 0
                for (offset, node) in near.enumerated() {
                    // A few crossings are missing (a wall, a canal), but never all of them.
                    if random.chance(0.2), linked > 0 || offset < near.count - 1 { continue }
                    let target = far.min { self.distance(node, $0) < self.distance(node, $1) }!
                    self.link(node, target, random: &random)
                    linked += 1
                }
            }
        }
    }

    private mutating func addNode(community: String, x: Double, y: Double) -> Int64 {
        let id = Int64(self.nodes.count + 1)
        self.x.append(x)
        self.y.append(y)
        self.nodes.append(
            .init(
                id: id, divisionCode: community,
                lon: ((DemoCityLayout.centre.lon + x / Self.metersPerDegreeLon) * 1e7).rounded() / 1e7,
                lat: ((DemoCityLayout.centre.lat + y / Self.metersPerDegreeLat) * 1e7).rounded() / 1e7))
        return id
    }

    private func distance(_ a: Int64, _ b: Int64) -> Double {
        let dx = self.x[Int(a - 1)] - self.x[Int(b - 1)]
        let dy = self.y[Int(a - 1)] - self.y[Int(b - 1)]
        return (dx * dx + dy * dy).squareRoot()
    }

    /// A walkable link: the straight distance with a small detour (paths are never ruler-straight).
    private mutating func link(_ a: Int64, _ b: Int64, random: inout DemoRandom) {
        let meters = self.distance(a, b) * (1 + 0.08 * random.unit())
        self.edges.append(.init(from: min(a, b), to: max(a, b), meters: (meters * 10).rounded() / 10))
    }
}
