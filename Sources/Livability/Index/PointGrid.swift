import Accessibility
import Foundation

/// A uniform grid over points given by longitude and latitude, answering "which points lie in this box" in time
/// proportional to the points in the cells the box touches, not to all points.
///
/// Cells are about `cellMeters` wide (larger when the points spread so far that the grid would exceed
/// ``maxCells``). Built once per index revision; points are referred to by their position in the input arrays.
struct PointGrid: Sendable {
    /// The most cells a grid allocates (4 bytes each).
    static let maxCells = 1 << 22

    private let minLon: Double
    private let minLat: Double
    private let cellLon: Double
    private let cellLat: Double
    private let columns: Int
    private let rows: Int
    /// Points of cell `c` are `points[start[c]..<start[c + 1]]`, ascending.
    private let start: [Int32]
    private let points: [Int32]

    /// Indexes the points (`lon[i]`, `lat[i]`).
    init(lon: [Double], lat: [Double], cellMeters: Double = 250) {
        precondition(lon.count == lat.count, "one latitude per longitude")
        // A point without a finite position (a corrupt row) goes to the first cell and matches no box.
        let minLon = lon.filter(\.isFinite).min() ?? 0
        let maxLon = lon.filter(\.isFinite).max() ?? 0
        let minLat = lat.filter(\.isFinite).min() ?? 0
        let maxLat = lat.filter(\.isFinite).max() ?? 0
        let perLat = Geodesy.earthRadius * Double.pi / 180
        let perLon = max(1, perLat * cos((minLat + maxLat) / 2 * Double.pi / 180))
        var cell = cellMeters
        while ((maxLon - minLon) * perLon / cell + 1) * ((maxLat - minLat) * perLat / cell + 1) > Double(Self.maxCells)
        {
            cell *= 2
        }
        self.minLon = minLon
        self.minLat = minLat
        self.cellLon = cell / perLon
        self.cellLat = cell / perLat
        self.columns = Int((maxLon - minLon) / self.cellLon) + 1
        self.rows = Int((maxLat - minLat) / self.cellLat) + 1
        var counts = [Int32](repeating: 0, count: self.columns * self.rows + 1)
        var cellOf = [Int32](repeating: 0, count: lon.count)
        for i in lon.indices {
            let c = Self.cell(lon[i], lat[i], minLon, minLat, self.cellLon, self.cellLat, self.columns, self.rows)
            cellOf[i] = Int32(c)
            counts[c + 1] += 1
        }
        for c in 0..<(self.columns * self.rows) { counts[c + 1] += counts[c] }
        var cursor = counts
        var points = [Int32](repeating: 0, count: lon.count)
        for i in lon.indices {
            points[Int(cursor[Int(cellOf[i])])] = Int32(i)
            cursor[Int(cellOf[i])] += 1
        }
        self.start = counts
        self.points = points
    }

    private static func cell(
        _ lon: Double, _ lat: Double, _ minLon: Double, _ minLat: Double, _ cellLon: Double, _ cellLat: Double,
        _ columns: Int, _ rows: Int
    ) -> Int {
        guard lon.isFinite, lat.isFinite else { return 0 }
        let x = min(columns - 1, max(0, Int(((lon - minLon) / cellLon).rounded(.down))))
        let y = min(rows - 1, max(0, Int(((lat - minLat) / cellLat).rounded(.down))))
        return y * columns + x
    }

    /// The points of every cell the box touches, ascending: a superset of the points inside it, which callers
    /// filter by their exact test.
    func candidates(in box: GeoBox) -> [Int32] {
        guard !self.points.isEmpty, box.maxLon >= box.minLon, box.maxLat >= box.minLat,
            box.minLon.isFinite, box.maxLon.isFinite, box.minLat.isFinite, box.maxLat.isFinite
        else { return [] }
        let x0 = max(0, Int(((box.minLon - self.minLon) / self.cellLon).rounded(.down)))
        let x1 = min(self.columns - 1, Int(((box.maxLon - self.minLon) / self.cellLon).rounded(.down)))
        let y0 = max(0, Int(((box.minLat - self.minLat) / self.cellLat).rounded(.down)))
        let y1 = min(self.rows - 1, Int(((box.maxLat - self.minLat) / self.cellLat).rounded(.down)))
        guard x0 <= x1, y0 <= y1 else { return [] }
        var found: [Int32] = []
        for y in y0...y1 {
            let row = y * self.columns
            found.append(contentsOf: self.points[Int(self.start[row + x0])..<Int(self.start[row + x1 + 1])])
        }
        found.sort()
        return found
    }
}

/// A longitude/latitude box, edges included.
struct GeoBox: Sendable, Equatable {
    var minLon: Double
    var maxLon: Double
    var minLat: Double
    var maxLat: Double

    /// An empty box, to be widened by ``include(lon:lat:)``.
    static let empty = GeoBox(minLon: .infinity, maxLon: -.infinity, minLat: .infinity, maxLat: -.infinity)

    /// Widens the box to hold the point.
    mutating func include(lon: Double, lat: Double) {
        self.minLon = min(self.minLon, lon)
        self.maxLon = max(self.maxLon, lon)
        self.minLat = min(self.minLat, lat)
        self.maxLat = max(self.maxLat, lat)
    }

    /// Whether the point lies in the box.
    func contains(lon: Double, lat: Double) -> Bool {
        lon >= self.minLon && lon <= self.maxLon && lat >= self.minLat && lat <= self.maxLat
    }
}
