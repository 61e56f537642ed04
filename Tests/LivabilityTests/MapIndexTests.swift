import Foundation
import Platform
import Testing

@testable import Livability

/// The indexes a community map reads instead of the whole city: the point grid, the nodes per division, and the
/// map drawn from them (pure code, no database).
@Suite("Map indexes")
struct MapIndexTests {
    /// A deterministic generator, so a failure can be replayed.
    struct Numbers: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            self.state = self.state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return self.state
        }
    }

    @Test("the grid finds exactly the points a full scan finds, for boxes of every size and position")
    func gridMatchesScan() {
        var numbers = Numbers(state: 42)
        let lon = (0..<3_000).map { _ in 104.0 + Double.random(in: 0..<0.2, using: &numbers) }
        var lat = (0..<3_000).map { _ in 30.6 + Double.random(in: 0..<0.1, using: &numbers) }
        // Points on cell edges and repeated points are normal.
        lat[7] = lat[8]
        let grid = PointGrid(lon: lon, lat: lat)
        for _ in 0..<300 {
            let a = (
                104.0 + Double.random(in: -0.05..<0.25, using: &numbers),
                104.0 + Double.random(in: -0.05..<0.25, using: &numbers)
            )
            let b = (
                30.6 + Double.random(in: -0.03..<0.13, using: &numbers),
                30.6 + Double.random(in: -0.03..<0.13, using: &numbers)
            )
            let box = GeoBox(minLon: min(a.0, a.1), maxLon: max(a.0, a.1), minLat: min(b.0, b.1), maxLat: max(b.0, b.1))
            let expected = lon.indices.filter { box.contains(lon: lon[$0], lat: lat[$0]) }.map(Int32.init)
            let found = grid.candidates(in: box).filter { box.contains(lon: lon[Int($0)], lat: lat[Int($0)]) }
            #expect(found == expected)
        }
        // A box holding one point exactly, and one outside everything.
        let one = GeoBox(minLon: lon[5], maxLon: lon[5], minLat: lat[5], maxLat: lat[5])
        #expect(grid.candidates(in: one).contains(5))
        #expect(grid.candidates(in: GeoBox(minLon: 0, maxLon: 1, minLat: 0, maxLat: 1)).isEmpty)
        #expect(PointGrid(lon: [], lat: []).candidates(in: one).isEmpty)
        // A corrupt position neither traps nor lands in a box.
        let (badLon, badLat): ([Double], [Double]) = ([104, .nan, 104.01], [30.6, 30.6, .infinity])
        let damaged = PointGrid(lon: badLon, lat: badLat)
        let all = GeoBox(minLon: 103, maxLon: 105, minLat: 30, maxLat: 31)
        #expect(damaged.candidates(in: all).filter { all.contains(lon: badLon[Int($0)], lat: badLat[Int($0)]) } == [0])
        #expect(damaged.candidates(in: GeoBox(minLon: .nan, maxLon: 105, minLat: 30, maxLat: 31)).isEmpty)
    }

    @Test("nodes are grouped by division with the box around them")
    func divisionAreas() {
        let areas = DivisionAreas(
            nodeDivision: [1, 0, 1, 2, 1], divisionCount: 4, lon: [1, 2, 3, 4, 5], lat: [10, 20, 30, 40, 50])
        #expect(Array(areas.nodes(of: 1)) == [0, 2, 4])
        #expect(Array(areas.nodes(of: 0)) == [1])
        #expect(areas.nodes(of: 3).isEmpty)
        #expect(areas.box(of: 1) == GeoBox(minLon: 1, maxLon: 5, minLat: 10, maxLat: 50))
    }

    @Test("numbers in the map are written with one decimal")
    func numbers() {
        var text = SVGText(capacity: 64)
        for value in [0, 12.34, 12.35, -0.04, -7.25, 1_234_567.89, .nan] {
            text.add(value)
            text.add(" ")
        }
        #expect(text.text == "0.0 12.3 12.4 0.0 -7.3 1234567.9 0.0 ")
    }
}
