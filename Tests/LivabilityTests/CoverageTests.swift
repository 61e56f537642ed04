import Foundation
import HTTPTypes
import HummingbirdTesting
import Livability
import NIOCore
import Platform
import TestSupport
import Testing

/// The fixture's reference figures: distances from the plain solver, facilities as the fixture places them.
private func reference(extra: [(FacilityCategory, Int64)] = []) -> ReferenceCoverage {
    ReferenceCoverage(
        nodes: LivabilityFixture.nodes.map(\.id),
        edges: LivabilityFixture.edges.map { ($0.from, $0.to, $0.meters) })
}

private let fixtureFacilities: [(FacilityCategory, Int64)] = LivabilityFixture.facilities.map {
    ($0.0, LivabilityFixture.node($0.1, $0.2))
}

/// The households of a community as nodes, one entry per household.
private func homes(_ community: String) -> [Int64] {
    LivabilityFixture.households.filter { $0.1 == community }.map(\.2)
}

@Suite("Coverage")
struct CoverageTests {
    @Test("community figures equal an independent computation", arguments: TestBackend.available)
    func matchesReference(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: LivabilityTestSupport.migrations) { database in
            try await LivabilityFixture.prepareTown(database)
            let service = LivabilityService(database: database)
            let solver = reference()
            for community in [LivabilityFixture.communityA, LivabilityFixture.communityB, LivabilityFixture.communityC]
            {
                let expected = solver.figures(households: homes(community), facilities: fixtureFacilities)
                let coverage = try await service.coverage(of: community)
                #expect(coverage.households == homes(community).count)
                #expect(coverage.categories.map(\.covered) == expected.covered, "\(community)")
                #expect(coverage.coveredByAll == expected.all)
            }
            // A: the school at (0,0) reaches (0,0) and (2,2) (800 m) and (3,0) (600 m); B's homes are ≥ 1,000 m.
            let a = try await service.coverage(of: LivabilityFixture.communityA)
            #expect(a.categories[FacilityCategory.school.index].covered == 6)
            let b = try await service.coverage(of: LivabilityFixture.communityB)
            #expect(b.categories[FacilityCategory.school.index].covered == 0)
            #expect(b.categories[FacilityCategory.clinic.index].covered == 6)
            // The street and the district add their communities; the city adds every district.
            let street = try await service.coverage(of: "510104003")
            #expect(street.households == 12)
            #expect(
                street.categories.map(\.covered) == zip(a.categories, b.categories).map { $0.covered + $1.covered })
            let city = try await service.coverage(of: "510100")
            #expect(city.households == 13)
            let everyone = LivabilityFixture.households.map(\.2)
            #expect(
                city.categories.map(\.covered)
                    == solver.figures(households: everyone, facilities: fixtureFacilities).covered)
        }
    }

    @Test(
        "a facility of every kind makes homes fully covered; the index follows writes", arguments: TestBackend.available
    )
    func allEight(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: LivabilityTestSupport.migrations) { database in
            try await LivabilityFixture.prepareTown(database)
            let service = LivabilityService(database: database)
            #expect(try await service.coverage(of: LivabilityFixture.communityA).coveredByAll == 0)
            let p = LivabilityFixture.nodes[Int(LivabilityFixture.node(1, 1)) - 1]
            let principal = Principal(
                subject: "w", role: .communityWorker, scope: LivabilityFixture.communityA, level: 3)
            var added: [(FacilityCategory, Int64)] = []
            for category in FacilityCategory.allCases {
                _ = try await service.create(
                    FacilityInput(
                        category: category.rawValue, name: "综合体 \(category.rawValue)", lon: p.lon, lat: p.lat),
                    community: LivabilityFixture.communityA, by: principal)
                added.append((category, LivabilityFixture.node(1, 1)))
            }
            let expected = reference().figures(
                households: homes(LivabilityFixture.communityA), facilities: fixtureFacilities + added)
            let after = try await service.coverage(of: LivabilityFixture.communityA)
            #expect(after.coveredByAll == expected.all)
            #expect(after.coveredByAll == 6)
            #expect(after.shareAll == 1)
            let bAfter = try await service.coverage(of: LivabilityFixture.communityB)
            let bExpected = reference().figures(
                households: homes(LivabilityFixture.communityB), facilities: fixtureFacilities + added)
            #expect(bAfter.coveredByAll == bExpected.all)
            #expect(bAfter.categories.map(\.covered) == bExpected.covered)
        }
    }

    @Test("another process's write shows once the revision is rechecked", arguments: TestBackend.available)
    func revision(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: LivabilityTestSupport.migrations) { database in
            try await LivabilityFixture.prepareTown(database)
            let index = LivabilityIndex(database: database, recheck: .seconds(3600))
            let before = try await index.current()
            // A second index stands for another server process writing.
            let other = LivabilityService(database: database)
            let p = LivabilityFixture.nodes[Int(LivabilityFixture.node(6, 1)) - 1]
            _ = try await other.create(
                FacilityInput(category: "school", name: "东小学", lon: p.lon, lat: p.lat),
                community: LivabilityFixture.communityB,
                by: Principal(subject: "w", role: .streetOfficer, scope: "510104003", level: 3))
            // Within the recheck interval this process still answers from its snapshot …
            let stale = try await index.current()
            #expect(stale.access.facilityCount == before.access.facilityCount)
            // … and a refresh (what a write of its own or the interval triggers) picks the change up.
            let fresh = try await index.refresh()
            #expect(fresh.access.facilityCount == before.access.facilityCount + 1)
            #expect(fresh.network.nodeCount == before.network.nodeCount)
        }
    }

    @Test("coverage and ranking through the API, public", arguments: TestBackend.available)
    func api(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: LivabilityFixture.prepareTown) { client in
            let street = try await client.send(.get, "/api/v1/divisions/510104003/coverage")
            #expect(street.status == .ok)
            #expect(street.object["households"] as? Int == 12)
            #expect(street.object["horizonMeters"] as? Int == 1200)
            #expect((street.object["categories"] as? [[String: Any]])?.count == 8)
            let ranking = try await client.send(.get, "/api/v1/divisions/510104003/ranking?category=school")
            #expect(ranking.status == .ok)
            let items = try #require(ranking.object["items"] as? [[String: Any]])
            let codes = items.compactMap { ($0["coverage"] as? [String: Any])?["code"] as? String }
            #expect(codes == [LivabilityFixture.communityA, LivabilityFixture.communityB])
            #expect(items.first?["rank"] as? Int == 1)
            let city = try await client.send(.get, "/api/v1/divisions/510100/ranking")
            #expect((city.object["items"] as? [[String: Any]])?.count == 2)

            #expect(
                try await client.send(.get, "/api/v1/divisions/510199/coverage").problemCode == "division_not_found")
            #expect(try await client.send(.get, "/api/v1/divisions/abc/ranking").status == .notFound)
            let badCategory = try await client.send(.get, "/api/v1/divisions/510100/ranking?category=bank")
            #expect(badCategory.status == .badRequest)
            #expect(badCategory.problemCode == "invalid_parameter")
            #expect(
                try await client.send(.get, "/api/v1/divisions/510100/coverage?x=1").problemCode == "unknown_parameter")
        }
    }
}
