import Foundation
import HTTPTypes
import Livability
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Facility imports")
struct ImportTests {
    private static func at(_ x: Int, _ y: Int) -> String {
        let p = LivabilityFixture.nodes[Int(LivabilityFixture.node(x, y)) - 1]
        return "\(p.lon),\(p.lat)"
    }

    @Test("a CSV file is validated line by line and imported all or nothing", arguments: TestBackend.available)
    func csv(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: LivabilityTestSupport.migrations) { database in
            try await LivabilityFixture.prepareTown(database)
            let importer = FacilityImporter(database: database)
            let a = LivabilityFixture.communityA
            let bad = """
                id,category,name,lon,lat,opening_hours,operator
                s1,school,实验小学,\(Self.at(1, 1)),Mo-Fr 07:30-17:30,区教育局
                s2,bank,银行,\(Self.at(1, 2)),,
                s3,school,,\(Self.at(1, 2)),,
                s1,sport,重复,\(Self.at(1, 2)),,
                s4,sport,远处,105.0,30.6,,
                s5,sport,乙社区里,\(Self.at(6, 1)),,
                s6,sport,少一列,\(Self.at(1, 1))
                """
            do {
                _ = try await importer.importCSV(bad, fileName: "f.csv", community: a)
                Issue.record("a bad file was imported")
            } catch let failure as FacilityImporter.Failure {
                #expect(failure.lines.contains { $0.hasPrefix("f.csv:3: category:") })
                #expect(failure.lines.contains { $0.hasPrefix("f.csv:4: name:") })
                #expect(failure.lines.contains { $0 == "f.csv:5: id: 's1' is used on line 2 too" })
                #expect(failure.lines.contains { $0.hasPrefix("f.csv:8: 5 fields, expected 7") })
            }
            // Placement errors come once the lines parse.
            let offNetwork = """
                id,category,name,lon,lat
                s4,sport,远处,105.0,30.6
                s5,sport,乙社区里,\(Self.at(6, 1))
                """
            do {
                _ = try await importer.importCSV(offNetwork, fileName: "g.csv", community: a)
                Issue.record("facilities off the network were imported")
            } catch let failure as FacilityImporter.Failure {
                #expect(failure.lines.count == 2)
                #expect(failure.lines[0].hasPrefix("g.csv:2: The location is"))
                #expect(failure.lines[1].hasPrefix("g.csv:3: The location lies in \(LivabilityFixture.communityB)"))
            }
            #expect(
                try await FacilityRepository(database: database).list(
                    community: a, category: .sport, after: nil, limit: 10
                ).items.isEmpty)

            let good = """
                id,category,name,lon,lat,opening_hours
                s1,school,实验小学,\(Self.at(1, 1)),Mo-Fr 07:30-17:30
                r1,reading_room,"书屋, 二楼",\(Self.at(2, 2)),
                """
            let first = try await importer.importCSV(good, fileName: "ok.csv", community: a)
            #expect(first == .init(inserted: 2, updated: 0, skipped: 0))
            let again = try await importer.importCSV(
                good.replacingOccurrences(of: "实验小学", with: "实验二小"), fileName: "ok.csv", community: a)
            #expect(again == .init(inserted: 0, updated: 2, skipped: 0))
            let schools = try await FacilityRepository(database: database).list(
                community: a, category: .school, after: nil, limit: 10
            ).items
            #expect(schools.map(\.name).sorted() == ["school 0,0", "实验二小"])
            #expect(schools.first { $0.source == .csv }?.openingHours == "Mo-Fr 07:30-17:30")
            let coverage = try await LivabilityService(database: database).coverage(of: a)
            #expect(coverage.categories[FacilityCategory.readingRoom.index].covered == 6)

            do {
                _ = try await importer.importCSV(good, fileName: "ok.csv", community: "510104003999")
                Issue.record("an unknown community was accepted")
            } catch let failure as FacilityImporter.Failure {
                #expect(failure.lines.first?.contains("510104003999") == true)
            }
        }
    }

    @Test("an OSM extract gives a network and facilities on it", arguments: TestBackend.available)
    func osm(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: LivabilityTestSupport.migrations) { database in
            try await LivabilityFixture.prepareTown(database)
            let importer = FacilityImporter(database: database)
            let path = TestApp.repositoryRoot.appendingPathComponent("data/osm/test.osm.pbf").path
            let network = try await importer.importNetwork(osmPath: path, division: LivabilityFixture.communityC)
            #expect(network.nodes > 100)
            #expect(network.edges > 100)
            let summary = try await importer.importOSM(path: path, community: nil)
            #expect(summary.inserted > 0)
            #expect(summary.updated == 0)
            let again = try await importer.importOSM(path: path, community: nil)
            #expect(again.inserted == 0)
            #expect(again.updated == summary.inserted)
            let listed = try await FacilityRepository(database: database).list(
                community: LivabilityFixture.communityC, category: nil, after: nil, limit: 200)
            #expect(listed.items.allSatisfy { $0.source == .osm })
            #expect(listed.items.contains { !$0.name.contains("(OSM ") })
            let snapshot = try await LivabilityService(database: database).index.refresh()
            #expect(snapshot.access.facilityCount >= summary.inserted)
        }
    }
}
