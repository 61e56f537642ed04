import Accessibility
import Platform
import Population
import Territory

extension LivabilityService {
    /// Households of a community that miss at least one category (or `category`), in household order, for an
    /// official whose scope holds the community. Returns the page and the cursor key of the next.
    public func gaps(
        community code: String, category: FacilityCategory?, after: Int64?, limit: Int, by principal: Principal?
    ) async throws -> (items: [Gap], next: Int64?) {
        try Authorization.require(principal, .viewLivability, divisionCode: code)
        _ = try await self.community(code)
        let snapshot = try await self.index.current()
        let nearest = snapshot.access.base.nearest
        var found: [(NetworkRepository.Dwelling, [FacilityCategory])] = []
        var cursor = after
        // Scan in batches until the page is full: most households of a well-served community have no gap.
        while found.count < limit {
            let batch = try await self.networks.dwellings(community: code, after: cursor, limit: 1_000)
            for dwelling in batch {
                cursor = dwelling.householdID
                guard let node = snapshot.network.index(of: dwelling.nodeID) else { continue }
                let lacking = FacilityCategory.allCases.filter {
                    !(nearest[$0.index].distance[Int(node)] < WalkingRule.horizonMeters)
                }
                if let category, !lacking.contains(category) { continue }
                if !lacking.isEmpty { found.append((dwelling, lacking)) }
                if found.count == limit { break }
            }
            if batch.count < 1_000 { break }
        }
        let addresses = try await RegisterRepository(database: self.database).addresses(
            of: found.map(\.0.householdID))
        let items = found.map { dwelling, lacking in
            Gap(
                householdId: dwelling.householdID,
                address: addresses[dwelling.householdID].map(RegisterRepository.maskedAddress) ?? "—",
                nodeId: dwelling.nodeID, lacking: lacking)
        }
        return (items, found.count == limit ? found.last?.0.householdID : nil)
    }
}
