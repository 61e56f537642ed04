import Accessibility
import HTTPTypes
import Platform
import Territory

extension LivabilityService {
    /// A scenario's answer together with the changed distances, for drawing the map after the change.
    public struct ScenarioOutcome: Sendable {
        public let result: ScenarioResult
        /// Nearest answers per category after the change.
        let nearest: [CategoryNearest]
        let snapshot: LivabilitySnapshot
        let proposedNodes: [(category: FacilityCategory, node: Int32)]
    }

    /// Runs a what-if on a copy of the current distances: each proposal is an incremental update (a bounded
    /// search from the new facility), each removal re-seeds only the nodes the removed facility served.
    public func scenario(_ request: ScenarioRequest) async throws -> ScenarioOutcome {
        let additions = request.add ?? []
        let removals = request.remove ?? []
        guard additions.count + removals.count <= ScenarioRequest.maxChanges else {
            throw LivabilityProblem.tooManyChanges
        }
        guard !additions.isEmpty || !removals.isEmpty else {
            throw Problem(
                .badRequest, code: "empty_scenario", zh: "请至少提出一处新增或撤除。",
                en: "Propose at least one facility to add or remove.")
        }
        guard Set(removals).count == removals.count else {
            throw Problem(
                .badRequest, code: "invalid_scenario", zh: "同一设施不能撤除两次。", en: "A facility is removed twice.",
                extensions: ["field": "remove"])
        }
        let snapshot = try await self.index.current()
        let network = snapshot.network
        guard network.nodeCount > 0 else { throw LivabilityProblem.networkMissing }
        var scenario = snapshot.access.base
        var touched = Set<Int>()
        var placements: [ScenarioResult.Placement] = []
        var proposed: [(category: FacilityCategory, node: Int32)] = []
        for (offset, addition) in additions.enumerated() {
            let category = try FacilityRules.category(addition.category)
            let lon = try FacilityRules.longitude(addition.lon)
            let lat = try FacilityRules.latitude(addition.lat)
            guard let snapped = network.snap(lon: lon, lat: lat) else { throw LivabilityProblem.networkMissing }
            guard snapped.meters <= SnapRule.maxMeters else {
                throw LivabilityProblem.offNetwork(meters: snapped.meters)
            }
            scenario.addFacility(id: "proposed-\(offset)", category: category.rawValue, node: snapped.node)
            touched.insert(category.index)
            proposed.append((category, snapped.node))
            placements.append(
                .init(
                    category: category, lon: lon, lat: lat, nodeId: network.nodeIDs[Int(snapped.node)],
                    snapMeters: Int(snapped.meters.rounded()), divisionCode: network.division(of: snapped.node)))
        }
        for id in removals {
            guard let slot = snapshot.access.slots[id] else { throw LivabilityProblem.facilityNotFound(id) }
            scenario.removeFacility(category: slot.category, facility: slot.facility)
            touched.insert(slot.category)
        }
        let before = snapshot.access.base.nearest
        let after = scenario.nearest
        var changes: [(code: String, before: CoverageFigures, after: CoverageFigures)] = []
        for (index, code) in network.communities.enumerated() {
            let entries = network.dwellings(ofCommunity: code)
            let changed = entries.contains { entry in
                touched.contains { c in
                    (before[c].distance[Int(entry.node)] < WalkingRule.horizonMeters)
                        != (after[c].distance[Int(entry.node)] < WalkingRule.horizonMeters)
                }
            }
            guard changed else { continue }
            changes.append(
                (code, snapshot.access.communityFigures[index], CoverageCalculator.figures(entries, nearest: after)))
        }
        changes.sort { a, b in
            let gainA = abs(a.after.coveredByAll - a.before.coveredByAll)
            let gainB = abs(b.after.coveredByAll - b.before.coveredByAll)
            return gainA != gainB ? gainA > gainB : a.code < b.code
        }
        var communities: [ScenarioResult.CommunityChange] = []
        for change in changes.prefix(50) {
            let name = try await self.divisions.find(change.code)?.name ?? change.code
            communities.append(
                .init(
                    code: change.code, name: name,
                    before: DivisionCoverage(code: change.code, name: name, level: "community", figures: change.before),
                    after: DivisionCoverage(code: change.code, name: name, level: "community", figures: change.after)))
        }
        let result = ScenarioResult(
            placements: placements, removed: removals, communities: communities,
            householdsAffected: changes.reduce(0) { $0 + $1.before.households },
            coveredByAllBefore: changes.reduce(0) { $0 + $1.before.coveredByAll },
            coveredByAllAfter: changes.reduce(0) { $0 + $1.after.coveredByAll })
        return ScenarioOutcome(result: result, nearest: after, snapshot: snapshot, proposedNodes: proposed)
    }
}
