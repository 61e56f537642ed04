import Territory

/// Where each community of the demo city lies: one 500 m block per community on a city-wide block grid.
///
/// Each district is a near-square tile of blocks filled street by street in a snake order, so a street's
/// communities are neighbours and a district's streets too. Tiles are placed in order of their distance from the
/// city centre, each touching the tiles placed before it and as close to its real centre (scaled) as that allows,
/// so the city is one walkable piece, the central districts sit in the middle, 简阳 lies east and 大邑 west.
struct DemoCityLayout: Sendable {
    /// The block (column, row) of every community, keyed by code; rows grow northwards.
    let blocks: [String: (x: Int, y: Int)]
    /// The community at each occupied block.
    let occupant: [Int: String]
    /// Size of a block in metres.
    static let blockMeters = 500.0
    /// Chengdu's centre (天府广场), the origin of the layout.
    static let centre = (lon: 104.0657, lat: 30.6595)

    /// Approximate real centres of the districts (lon, lat), for placing the tiles.
    static let districtCentres: [String: (Double, Double)] = [
        "510104": (104.08, 30.65), "510105": (104.05, 30.67), "510106": (104.05, 30.70), "510107": (104.04, 30.63),
        "510108": (104.10, 30.67), "510112": (104.27, 30.56), "510113": (104.25, 30.88), "510114": (104.16, 30.82),
        "510115": (103.84, 30.69), "510116": (103.92, 30.57), "510117": (103.90, 30.80), "510118": (103.81, 30.41),
        "510121": (104.41, 30.86), "510129": (103.52, 30.59), "510131": (103.51, 30.20), "510181": (103.62, 31.00),
        "510182": (103.96, 30.99), "510183": (103.46, 30.41), "510184": (103.67, 30.63), "510185": (104.55, 30.41),
    ]

    init(communities: [Division]) {
        let byDistrict = Dictionary(grouping: communities) { String($0.code.prefix(6)) }
        var tiles: [(district: String, width: Int, height: Int, members: [String], target: (Double, Double))] = []
        for (district, members) in byDistrict {
            let sorted = members.map(\.code).sorted()
            let width = max(1, Int(Double(sorted.count).squareRoot().rounded(.up)))
            let height = (sorted.count + width - 1) / width
            let real = Self.districtCentres[district] ?? (Self.centre.lon, Self.centre.lat)
            // Real offsets in blocks, spread by 0.45 so dense central districts do not all collide.
            let dx = (real.0 - Self.centre.lon) * 95_800 / Self.blockMeters * 0.45
            let dy = (real.1 - Self.centre.lat) * 111_200 / Self.blockMeters * 0.45
            tiles.append((district, width, height, sorted, (dx, dy)))
        }
        tiles.sort { a, b in
            let da = a.target.0 * a.target.0 + a.target.1 * a.target.1
            let db = b.target.0 * b.target.0 + b.target.1 * b.target.1
            return da != db ? da < db : a.district < b.district
        }
        var placed: [(x: Int, y: Int, width: Int, height: Int)] = []
        var blocks: [String: (x: Int, y: Int)] = [:]
        var occupant: [Int: String] = [:]
        for tile in tiles {
            let cells = Self.cells(count: tile.members.count, width: tile.width)
            let target = (Int(tile.target.0.rounded()) - tile.width / 2, Int(tile.target.1.rounded()) - tile.height / 2)
            var best = target
            if !placed.isEmpty {
                // Touch the tiles already placed (so the city is one walkable piece) along at least a few
                // occupied blocks, as close to the district's real place as that allows.
                var bestScore = Double.infinity
                for other in placed {
                    for candidate in Self.around(other, width: tile.width, height: tile.height) {
                        let box = (candidate.0, candidate.1, tile.width, tile.height)
                        guard !placed.contains(where: { Self.overlaps($0, box) }) else { continue }
                        let shared = cells.reduce(0) { count, cell in
                            let (x, y) = (candidate.0 + cell.0, candidate.1 + cell.1)
                            let touching = [(1, 0), (-1, 0), (0, 1), (0, -1)].contains {
                                occupant[Self.key(x + $0.0, y + $0.1)] != nil
                            }
                            return count + (touching ? 1 : 0)
                        }
                        guard shared >= 3 else { continue }
                        let dx = Double(candidate.0 - target.0)
                        let dy = Double(candidate.1 - target.1)
                        let score = dx * dx + dy * dy
                        if score < bestScore {
                            bestScore = score
                            best = candidate
                        }
                    }
                }
            }
            placed.append((best.0, best.1, tile.width, tile.height))
            for (code, cell) in zip(tile.members, cells) {
                let block = (x: best.0 + cell.0, y: best.1 + cell.1)
                blocks[code] = block
                occupant[Self.key(block.x, block.y)] = code
            }
        }
        self.blocks = blocks
        self.occupant = occupant
    }

    /// The first `count` cells of a `width`-wide tile in snake order: street after street, each a run of neighbours.
    static func cells(count: Int, width: Int) -> [(Int, Int)] {
        (0..<count).map { offset in
            let row = offset / width
            return (row % 2 == 0 ? offset % width : width - 1 - offset % width, row)
        }
    }

    /// Positions of a `width` × `height` tile that touch `other` along one of its sides.
    static func around(_ other: (x: Int, y: Int, width: Int, height: Int), width: Int, height: Int) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        for y in (other.y - height + 1)..<(other.y + other.height) {
            result.append((other.x - width, y))
            result.append((other.x + other.width, y))
        }
        for x in (other.x - width + 1)..<(other.x + other.width) {
            result.append((x, other.y - height))
            result.append((x, other.y + other.height))
        }
        return result
    }

    /// One integer key for a block position.
    static func key(_ x: Int, _ y: Int) -> Int { (x + 100_000) * 200_000 + (y + 100_000) }

    private static func overlaps(
        _ a: (x: Int, y: Int, width: Int, height: Int), _ b: (x: Int, y: Int, width: Int, height: Int)
    ) -> Bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }
}
