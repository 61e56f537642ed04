import Accessibility
import Foundation
import HTTPTypes
import HummingbirdTesting
import Livability
import NIOCore
import Platform
import TestSupport
import Testing

@testable import Livability

@Suite("What-if scenarios")
struct ScenarioTests {
    @Test("a proposed facility changes coverage exactly as building it would", arguments: TestBackend.available)
    func proposalEqualsBuilding(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: LivabilityTestSupport.migrations) { database in
            try await LivabilityFixture.prepareTown(database)
            let service = LivabilityService(database: database)
            let p = LivabilityFixture.nodes[Int(LivabilityFixture.node(6, 1)) - 1]
            let outcome = try await service.scenario(
                ScenarioRequest(add: [.init(category: "school", lon: p.lon + 0.0002, lat: p.lat)]))
            let result = outcome.result
            #expect(result.placements.first?.nodeId == LivabilityFixture.node(6, 1))
            #expect(result.placements.first?.divisionCode == LivabilityFixture.communityB)
            #expect((15...25).contains(result.placements.first?.snapMeters ?? 0))
            let changed = try #require(result.communities.first { $0.code == LivabilityFixture.communityB })
            #expect(changed.before.categories[FacilityCategory.school.index].covered == 0)
            #expect(changed.after.categories[FacilityCategory.school.index].covered == 6)
            // A: the school at (0,0) covers everyone already, so A is not among the changes.
            #expect(!result.communities.contains { $0.code == LivabilityFixture.communityA })
            // Nothing was saved …
            #expect(try await service.coverage(of: LivabilityFixture.communityB).categories[0].covered == 0)
            // … and the answer equals a full recompute with the facility built.
            _ = try await service.create(
                FacilityInput(category: "school", name: "新学校", lon: p.lon, lat: p.lat),
                community: LivabilityFixture.communityB,
                by: Principal(subject: "w", role: .cityOfficer, scope: "510100", level: 3))
            let built = try await service.coverage(of: LivabilityFixture.communityB)
            #expect(built.categories.map(\.covered) == changed.after.categories.map(\.covered))
            #expect(built.coveredByAll == changed.after.coveredByAll)
        }
    }

    @Test("the incremental answer equals a full computation of the changed facility set")
    func incrementalEqualsFull() async throws {
        try await TestDatabase.with(.sqlite, migrations: LivabilityTestSupport.migrations) { database in
            try await LivabilityFixture.prepareTown(database)
            let service = LivabilityService(database: database)
            let snapshot = try await service.index.current()
            let grocery = try #require(snapshot.access.facilities.values.first { $0.category == .grocery })
            let p = LivabilityFixture.nodes[Int(LivabilityFixture.node(7, 2)) - 1]
            let outcome = try await service.scenario(
                ScenarioRequest(add: [.init(category: "dining", lon: p.lon, lat: p.lat)], remove: [grocery.id]))
            var expected = FacilitySet()
            for category in FacilityCategory.allCases { expected.addCategory(category.rawValue) }
            for facility in snapshot.access.facilities.values.sorted(by: { $0.id < $1.id })
            where facility.id != grocery.id {
                let node = try #require(snapshot.network.index(of: facility.nodeID))
                expected.add(id: facility.id, category: facility.category.rawValue, node: node)
            }
            expected.add(
                id: "new", category: "dining",
                node: try #require(snapshot.network.index(of: LivabilityFixture.node(7, 2))))
            let full = await AccessEngine(graph: snapshot.network.graph, horizon: 1200).nearest(expected)
            for category in FacilityCategory.allCases {
                #expect(outcome.nearest[category.index].distance == full[category.index].distance, "\(category)")
            }
            #expect(outcome.result.removed == [grocery.id])
            let a = try #require(outcome.result.communities.first { $0.code == LivabilityFixture.communityA })
            #expect(
                a.after.categories[FacilityCategory.grocery.index].covered
                    < a.before.categories[FacilityCategory.grocery.index].covered)
        }
    }

    @Test("the scenarios API answers and refuses bad requests", arguments: TestBackend.available)
    func api(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: LivabilityFixture.prepareTown) { client in
            let p = LivabilityFixture.nodes[Int(LivabilityFixture.node(7, 1)) - 1]
            let ok = try await client.send(
                .post, "/api/v1/scenarios",
                json: #"{"add":[{"category":"elderly_care","lon":\#(p.lon),"lat":\#(p.lat)}]}"#)
            #expect(ok.status == .ok, "\(String(buffer: ok.body))")
            let communities = try #require(ok.object["communities"] as? [[String: Any]])
            #expect(communities.map { $0["code"] as? String }.contains(LivabilityFixture.communityB))
            #expect(ok.object["householdsAffected"] as? Int ?? 0 > 0)

            let many = (0..<11).map { _ in #"{"category":"school","lon":\#(p.lon),"lat":\#(p.lat)}"# }.joined(
                separator: ",")
            #expect(
                try await client.send(.post, "/api/v1/scenarios", json: #"{"add":[\#(many)]}"#).problemCode
                    == "too_many_changes")
            #expect(try await client.send(.post, "/api/v1/scenarios", json: "{}").problemCode == "empty_scenario")
            #expect(try await client.send(.post, "/api/v1/scenarios", json: "[1,2]").problemCode == "invalid_scenario")
            let twice = try await client.send(.post, "/api/v1/scenarios", json: #"{"remove":["a","a"]}"#)
            #expect(twice.problemCode == "invalid_scenario")
            #expect(
                try await client.send(.post, "/api/v1/scenarios", json: #"{"remove":["nope"]}"#).problemCode
                    == "facility_not_found")
            let far = try await client.send(
                .post, "/api/v1/scenarios", json: #"{"add":[{"category":"school","lon":105.5,"lat":30.6}]}"#)
            #expect(far.problemCode == "facility_off_network")
            let bad = try await client.send(
                .post, "/api/v1/scenarios", json: #"{"add":[{"category":"bank","lon":104.0,"lat":30.6}]}"#)
            #expect(bad.problemCode == "invalid_facility")
        }
    }
}
