import Crypto
import Foundation
import HTTPTypes
import Livability
import NIOCore
import Platform
import Population
import Territory
import TestSupport
import Testing

@testable import Livability

/// The real divisions with the demo communities (no residents), as the plan sees them.
private func demoCommunities() throws -> [Division] {
    let divisions = try DivisionImporter.parse(try TestApp.dataFile("chengdu-divisions.csv"), fileName: "d.csv")
    let plan = try CommunityPlan(
        divisions: divisions, legacyCSV: try TestApp.dataFile("chengdu-communities-legacy.csv"), seed: 42)
    return plan.communities
}

@Suite("Demo city life circle")
struct DemoCityTests {
    @Test("the layout and network are deterministic, connected and inside Chengdu")
    func network() throws {
        let communities = try demoCommunities()
        let layout = DemoCityLayout(communities: communities)
        let first = DemoNetwork(layout: layout, communities: communities, seed: 7)
        let second = DemoNetwork(layout: DemoCityLayout(communities: communities), communities: communities, seed: 7)
        #expect(first.nodes == second.nodes)
        #expect(first.edges == second.edges)
        #expect(DemoNetwork(layout: layout, communities: communities, seed: 8).edges != first.edges)

        // Every community has a block of its own, and blocks never overlap.
        #expect(layout.blocks.count == communities.count)
        #expect(Set(layout.blocks.values.map { DemoCityLayout.key($0.x, $0.y) }).count == communities.count)
        #expect(first.nodesOfCommunity.count == communities.count)
        #expect(first.nodes.allSatisfy { (103.3...104.9).contains($0.lon) && (30.1...31.2).contains($0.lat) })
        // Spacing and edge lengths of a street grid; no duplicate edges.
        #expect(first.edges.allSatisfy { (40...400).contains($0.meters) })
        #expect(Set(first.edges.map { "\($0.from)-\($0.to)" }).count == first.edges.count)

        // Nearly everything is one walkable piece: a district tile is contiguous, tiles touch their neighbours.
        var parent = Array(0...first.nodes.count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for edge in first.edges { parent[find(Int(edge.from))] = find(Int(edge.to)) }
        let sizes = Dictionary(grouping: (1...first.nodes.count).map(find), by: { $0 }).mapValues(\.count)
        let largest = sizes.values.max() ?? 0
        #expect(Double(largest) / Double(first.nodes.count) > 0.9)
        // Streets' communities are neighbours: consecutive communities of a street share a block edge mostly.
        var adjacent = 0
        var pairs = 0
        for (a, b) in zip(communities, communities.dropFirst()) where a.parentCode == b.parentCode {
            let pa = layout.blocks[a.code]!
            let pb = layout.blocks[b.code]!
            pairs += 1
            if abs(pa.x - pb.x) + abs(pa.y - pb.y) == 1 { adjacent += 1 }
        }
        #expect(Double(adjacent) / Double(pairs) > 0.95)
        // The central districts lie nearer the centre than the outer counties.
        func distance(_ district: String) -> Double {
            let blocks = communities.filter { $0.code.hasPrefix(district) }.map { layout.blocks[$0.code]! }
            let x = Double(blocks.map(\.x).reduce(0, +)) / Double(blocks.count)
            let y = Double(blocks.map(\.y).reduce(0, +)) / Double(blocks.count)
            return (x * x + y * y).squareRoot()
        }
        #expect(distance("510104") < distance("510185"))
        #expect(distance("510105") < distance("510129"))
    }

    @Test("a seeded demo city has varied coverage, central districts ahead", arguments: TestBackend.available)
    func seeded(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: LivabilityTestSupport.migrations) { database in
            try await DivisionImporter(database: database).importCSV(
                try TestApp.dataFile("chengdu-divisions.csv"), fileName: "chengdu-divisions.csv")
            let cipher = PersonalDataCipher(keys: [1: SymmetricKey(data: Data(repeating: 7, count: 32))], current: 1)
            let people = try await DemoSeeder(database: database, cipher: cipher, logger: TestDatabase.logger).seed(
                scale: 0.0004, seed: 42, legacyCSV: try TestApp.dataFile("chengdu-communities-legacy.csv"),
                replace: false)
            let seeder = LivabilityDemoSeeder(database: database, logger: TestDatabase.logger)
            let summary = try #require(try await seeder.seed(seed: 42, replace: false))
            #expect(summary.dwellings == people.households)
            #expect(summary.nodes > 60_000)
            #expect(summary.facilities > 10_000)
            // A second run without --replace leaves the network alone; with it, it makes the same city again.
            #expect(try await seeder.seed(seed: 42, replace: false) == nil)
            let again = try #require(try await seeder.seed(seed: 42, replace: true))
            #expect(again.edges == summary.edges && again.facilities == summary.facilities)

            let service = LivabilityService(database: database)
            let city = try await service.coverage(of: "510100")
            #expect(city.households == people.households)
            #expect(city.shareAll > 0.2 && city.shareAll < 0.9, "\(city.shareAll)")
            let serviceShare = city.categories[FacilityCategory.communityService.index].share
            #expect(serviceShare > 0.9)
            let ranking = try await service.ranking(of: "510100", category: nil)
            #expect(ranking.items.count == 20)
            let central = ranking.items.first { $0.coverage.code == "510104" }!.coverage.shareAll
            let outer = ranking.items.first { $0.coverage.code == "510129" }!.coverage.shareAll
            #expect(central > outer)
            // Some communities are fully covered, some have gaps.
            let snapshot = try await service.index.current()
            let shares = snapshot.access.communityFigures.map { $0.share(nil) }
            #expect(shares.contains(1))
            #expect(shares.contains { $0 < 0.5 })
        }
    }
}
