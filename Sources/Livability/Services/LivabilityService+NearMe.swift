import Accessibility
import Platform

extension LivabilityService {
    /// How far "near me" looks for a category missing from the 15-minute circle.
    static let nearMeRadius: Float32 = 3_000

    /// The nearest facility of each category from the signed-in resident's home, with metres and minutes.
    public func nearMe(_ principal: Principal?) async throws -> NearMe {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        guard principal.role == .resident else { throw AuthorizationProblem.forbidden }
        guard let households = self.households, let household = try await households.household(of: principal),
            let dwelling = try await self.networks.dwelling(householdID: household)
        else { throw LivabilityProblem.noHousehold }
        let snapshot = try await self.index.current()
        guard let home = snapshot.network.index(of: dwelling.nodeID) else { throw LivabilityProblem.noHousehold }
        let reached = HomeSearch.distances(from: home, graph: snapshot.network.graph, radius: Self.nearMeRadius)
        let facilities = snapshot.access.base.facilities
        var items: [NearMe.Item] = []
        for category in FacilityCategory.allCases {
            var nearest: (meters: Float32, id: String)? = nil
            var within = 0
            for (offset, node) in facilities.nodes[category.index].enumerated() {
                guard let meters = reached[node] else { continue }
                let id = facilities.ids[category.index][offset]
                if meters < WalkingRule.horizonMeters { within += 1 }
                if nearest == nil || (meters, id) < (nearest!.meters, nearest!.id) { nearest = (meters, id) }
            }
            let facility = nearest.flatMap { snapshot.access.facilities[$0.id] }
            items.append(
                NearMe.Item(
                    category: category, facility: facility, meters: nearest.map { Int($0.meters.rounded()) },
                    minutes: nearest.map { WalkingRule.minutes(Double($0.meters)) },
                    withinHorizon: nearest.map { $0.meters < WalkingRule.horizonMeters } ?? false,
                    countWithinHorizon: within))
        }
        return NearMe(
            communityCode: dwelling.communityCode, lon: dwelling.lon, lat: dwelling.lat,
            searchMeters: Int(Self.nearMeRadius), items: items)
    }
}
