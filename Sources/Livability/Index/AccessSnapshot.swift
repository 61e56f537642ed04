import Accessibility
import Platform

/// The facilities on the network and what they give every node: nearest distances per category (kept in a
/// what-if scenario, so a proposal is an incremental update of a copy) and coverage per community and division.
///
/// Rebuilt whenever the facilities revision (or the network) changes; never written.
public struct AccessSnapshot: Sendable {
    /// Facilities by id.
    let facilities: [String: Facility]
    /// The same facilities in id order, and a grid over their positions (for clipping maps).
    let placed: [Facility]
    let grid: PointGrid
    /// Where each facility sits in the scenario: (category index, facility index).
    let slots: [String: (category: Int, facility: Int)]
    /// Nearest answers for every node, per category, as a scenario that copies can change.
    let base: WhatIfScenario
    /// Coverage of each community of the network snapshot (same order as its `communities`).
    let communityFigures: [CoverageFigures]
    /// Coverage of every division that has households: communities, streets, districts and the city.
    let divisionFigures: [String: CoverageFigures]
    let revision: Int64

    /// Computes nearest distances for every category and the coverage figures.
    static func build(network: NetworkSnapshot, facilities: [Facility], revision: Int64) async -> AccessSnapshot {
        var set = FacilitySet()
        for category in FacilityCategory.allCases { set.addCategory(category.rawValue) }
        var slots: [String: (category: Int, facility: Int)] = [:]
        var byID: [String: Facility] = [:]
        for facility in facilities {
            // The position is the truth and the node derived from it, so a replaced network cannot leave a
            // facility on a stale node id.
            guard let snapped = network.snap(lon: facility.lon, lat: facility.lat), snapped.meters <= SnapRule.maxMeters
            else { continue }
            let node = snapped.node
            slots[facility.id] = set.add(id: facility.id, category: facility.category.rawValue, node: node)
            byID[facility.id] = facility
        }
        let engine = AccessEngine(graph: network.graph, horizon: WalkingRule.horizonMeters)
        let base = await WhatIfScenario(engine: engine, facilities: set)
        let perCommunity = network.communities.indices.map {
            CoverageCalculator.figures(network.dwellings(ofCommunity: network.communities[$0]), nearest: base.nearest)
        }
        let placed = byID.values.sorted { $0.id < $1.id }
        return AccessSnapshot(
            facilities: byID, placed: placed, grid: PointGrid(lon: placed.map(\.lon), lat: placed.map(\.lat)),
            slots: slots, base: base, communityFigures: perCommunity,
            divisionFigures: CoverageCalculator.aggregate(communities: network.communities, figures: perCommunity),
            revision: revision)
    }

    /// Number of facilities on the network.
    public var facilityCount: Int { self.facilities.count }

    /// The facilities whose position lies in `box`, in id order. Costs the facilities of the grid cells the box
    /// touches.
    func facilities(in box: GeoBox) -> [Facility] {
        self.grid.candidates(in: box).map { self.placed[Int($0)] }.filter { box.contains(lon: $0.lon, lat: $0.lat) }
    }

    /// Coverage of a division (zero households when none live there).
    func figures(for code: String) -> CoverageFigures {
        self.divisionFigures[code] ?? .empty
    }
}

/// Counts covered households from nearest distances.
enum CoverageCalculator {
    /// Coverage of a set of dwelling entries.
    static func figures(_ entries: [(node: Int32, households: Int32)], nearest: [CategoryNearest]) -> CoverageFigures {
        var figures = CoverageFigures.empty
        for (node, households) in entries {
            let count = Int(households)
            figures.households += count
            var all = true
            for category in 0..<nearest.count {
                if nearest[category].distance[Int(node)] < WalkingRule.horizonMeters {
                    figures.covered[category] += count
                } else {
                    all = false
                }
            }
            if all { figures.coveredByAll += count }
        }
        return figures
    }

    /// Sums communities into their streets, districts and the city (codes nest: 12 → 9 → 6 digits → city).
    static func aggregate(communities: [String], figures: [CoverageFigures]) -> [String: CoverageFigures] {
        var result: [String: CoverageFigures] = [:]
        for (code, figure) in zip(communities, figures) {
            for key in Self.enclosingCodes(of: code) {
                result[key, default: .empty].add(figure)
            }
        }
        return result
    }

    /// The code itself and the codes of every division above it.
    static func enclosingCodes(of code: String) -> [String] {
        var codes = [code]
        if code.count == 12 { codes.append(String(code.prefix(9))) }
        if code.count >= 9 { codes.append(String(code.prefix(6))) }
        if code.count >= 6, !code.prefix(6).hasSuffix("00") { codes.append(String(code.prefix(4)) + "00") }
        return codes
    }
}
