import Logging
import Platform
import Population
import Territory

/// Gives the demo city a walking network, a dwelling for every household and facilities, deterministically from
/// the seed. Runs after the population seeder (it places the register's households).
public struct LivabilityDemoSeeder: Sendable {
    private let database: Database
    private let logger: Logger

    public init(database: Database, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// What a run created.
    public struct Summary: Sendable {
        public let nodes: Int
        public let edges: Int
        public let dwellings: Int
        public let facilities: Int
    }

    /// Generates and stores the network, dwellings and demo facilities; returns nil without doing anything when a
    /// network exists already and `replace` is not set.
    public func seed(seed: UInt64, replace: Bool) async throws -> Summary? {
        let networks = NetworkRepository(database: self.database)
        if !replace, try await !networks.isEmpty() { return nil }
        let communities = try await self.communities()
        let layout = DemoCityLayout(communities: communities)
        let network = DemoNetwork(layout: layout, communities: communities, seed: seed)
        let dwellings = try await self.dwellings(network: network, seed: seed)
        let facilities = DemoFacilities.plan(communities: communities, network: network, seed: seed)
        try await networks.replace(nodes: network.nodes, edges: network.edges, dwellings: dwellings)
        try await FacilityRepository(database: self.database).replaceDemo(
            facilities.map { ($0.id, FacilityRepository.Placed($0.facility, nodeID: $0.nodeID)) })
        let summary = Summary(
            nodes: network.nodes.count, edges: network.edges.count, dwellings: dwellings.count,
            facilities: facilities.count)
        self.logger.info(
            "livability.seeded",
            metadata: [
                "nodes": "\(summary.nodes)", "edges": "\(summary.edges)", "dwellings": "\(summary.dwellings)",
                "facilities": "\(summary.facilities)",
            ])
        return summary
    }

    private func communities() async throws -> [Division] {
        let repository = DivisionRepository(database: self.database)
        var all: [Division] = []
        var after: String? = nil
        while true {
            let page = try await repository.list(.init(level: .community), after: after, limit: 5_000)
            all += page.items
            guard page.more, let last = page.items.last else { break }
            after = last.code
        }
        return all
    }

    /// Every household of the register at a node of its community, chosen from the household's own stream.
    private func dwellings(network: DemoNetwork, seed: UInt64) async throws -> [NetworkRepository.Dwelling] {
        let register = RegisterRepository(database: self.database)
        let position = Dictionary(uniqueKeysWithValues: network.nodes.map { ($0.id, ($0.lon, $0.lat)) })
        var result: [NetworkRepository.Dwelling] = []
        var after: Int64? = nil
        while true {
            let page = try await register.households(after: after, limit: 20_000)
            for household in page {
                guard let nodes = network.nodesOfCommunity[household.communityCode], !nodes.isEmpty else { continue }
                var random = DemoRandom(seed: seed, stream: UInt64(household.id), substream: 31)
                let node = nodes[random.int(0...(nodes.count - 1))]
                let (lon, lat) = position[node]!
                result.append(
                    .init(
                        householdID: household.id, communityCode: household.communityCode, nodeID: node, lon: lon,
                        lat: lat))
            }
            guard page.count == 20_000, let last = page.last else { break }
            after = last.id
        }
        return result
    }
}
