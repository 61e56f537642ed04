#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Snaps coordinates to the nearest graph node using a uniform grid over locally projected coordinates.
///
/// Coordinates are projected equirectangularly around the mean latitude (accurate to well under 1 % over a
/// city), bucketed into square cells, and a query scans rings of cells outward until no closer node can
/// exist. Only nodes with at least one edge are candidates, so a facility never lands on an isolated node
/// (unless the graph has no edges at all).
public struct NodeSnapper: Sendable {
    private let originLon: Double, originLat: Double
    private let metersPerDegreeLon: Double, metersPerDegreeLat: Double
    private let cellSize: Double
    private let columns: Int, rows: Int
    private let cellStart: [Int32]
    private let cellNodes: [Int32]
    private let x: [Float32], y: [Float32]

    /// Indexes the nodes of `graph` located at `lon`/`lat`.
    public init(lon: [Double], lat: [Double], graph: StreetGraph) {
        let n = lon.count
        let anyEdges = graph.edgeCount > 0
        let candidates = (0..<n).filter { !anyEdges || graph.degree($0) > 0 }
        let minLon = candidates.map { lon[$0] }.min() ?? 0
        let maxLon = candidates.map { lon[$0] }.max() ?? 0
        let minLat = candidates.map { lat[$0] }.min() ?? 0
        let maxLat = candidates.map { lat[$0] }.max() ?? 0
        originLon = minLon
        originLat = minLat
        let meanLat = (minLat + maxLat) / 2 * Double.pi / 180
        metersPerDegreeLat = Geodesy.earthRadius * Double.pi / 180
        metersPerDegreeLon = metersPerDegreeLat * cos(meanLat)
        let width = max(1, (maxLon - minLon) * metersPerDegreeLon)
        let height = max(1, (maxLat - minLat) * metersPerDegreeLat)
        // About two candidate nodes per cell on average, but never cells smaller than 20 m.
        cellSize = max(20, (width * height / Double(max(1, candidates.count)) * 2).squareRoot())
        columns = Int(width / cellSize) + 1
        rows = Int(height / cellSize) + 1
        var px = [Float32](repeating: 0, count: n)
        var py = [Float32](repeating: 0, count: n)
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        var cellOf = [Int32](repeating: 0, count: candidates.count)
        for (i, v) in candidates.enumerated() {
            px[v] = Float32((lon[v] - minLon) * metersPerDegreeLon)
            py[v] = Float32((lat[v] - minLat) * metersPerDegreeLat)
            let cx = min(columns - 1, max(0, Int(Double(px[v]) / cellSize)))
            let cy = min(rows - 1, max(0, Int(Double(py[v]) / cellSize)))
            cellOf[i] = Int32(cy * columns + cx)
            counts[Int(cellOf[i]) + 1] += 1
        }
        for c in 0..<(columns * rows) { counts[c + 1] += counts[c] }
        var cursor = counts
        var nodes = [Int32](repeating: 0, count: candidates.count)
        for (i, v) in candidates.enumerated() {
            nodes[Int(cursor[Int(cellOf[i])])] = Int32(v)
            cursor[Int(cellOf[i])] += 1
        }
        cellStart = counts
        cellNodes = nodes
        x = px
        y = py
    }

    /// The nearest candidate node to (`lon`, `lat`) and its straight-line distance in metres.
    public func nearest(lon: Double, lat: Double) -> (node: Int32, meters: Double)? {
        guard !cellNodes.isEmpty else { return nil }
        let qx = (lon - originLon) * metersPerDegreeLon
        let qy = (lat - originLat) * metersPerDegreeLat
        let cx = Int((qx / cellSize).rounded(.down))
        let cy = Int((qy / cellSize).rounded(.down))
        var best: Int32 = -1
        var bestSquared = Double.infinity
        // Rings nearer than the grid hold no cells: start at the grid's Chebyshev distance in cells, and visit only
        // the cells of each ring that exist, so a query far outside the network costs the grid, not the distance.
        var ring = max(0, cx - (columns - 1), -cx, cy - (rows - 1), -cy)
        while true {
            // Distance from the query to the nearest cell of this ring bounds any node in it.
            let ringDistance = Double(max(0, ring - 1)) * cellSize
            if best >= 0 && ringDistance * ringDistance > bestSquared { break }
            if ring > columns + rows + abs(cx) + abs(cy) { break }
            let rowLow = max(0, cy - ring)
            let rowHigh = min(rows - 1, cy + ring)
            let columnLow = max(0, cx - ring)
            let columnHigh = min(columns - 1, cx + ring)
            if rowLow <= rowHigh && columnLow <= columnHigh {
                for gy in rowLow...rowHigh {
                    let onEdgeRow = gy == cy - ring || gy == cy + ring
                    // Inner rows only need the two border cells of the ring.
                    let span =
                        onEdgeRow || ring == 0
                        ? stride(from: columnLow, through: columnHigh, by: 1)
                        : stride(from: cx - ring, through: cx + ring, by: max(1, 2 * ring))
                    for gx in span where gx >= 0 && gx < columns {
                        let cell = gy * columns + gx
                        for k in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
                            let v = cellNodes[k]
                            let dx = Double(x[Int(v)]) - qx
                            let dy = Double(y[Int(v)]) - qy
                            let d2 = dx * dx + dy * dy
                            if d2 < bestSquared || (d2 == bestSquared && v < best) {
                                bestSquared = d2
                                best = v
                            }
                        }
                    }
                }
            }
            ring += 1
        }
        return (best, bestSquared.squareRoot())
    }
}
