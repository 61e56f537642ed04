import Foundation
import Platform
import SQLKit
import TestSupport
import Testing

/// `citizen-cloud import network --osm` and `import facilities --csv|--osm`, run as the built executable against
/// a fresh database of each backend: a one-community town whose walking network is the shipped Kotka extract.
@Suite("Command line: life-circle imports", .serialized)
struct LivabilityCommandTests {
    static let community = "510104003001"
    static let extract = "data/osm/test.osm.pbf"
    /// Two nodes of the extract's walking network (`access network --osm data/osm/test.osm.pbf` lists them).
    static let nodeA = "26.9431029,60.5257978"
    static let nodeB = "26.9429477,60.5259616"

    /// Runs `body` with a fresh database of `backend` (as a `--database` value) holding the test town's divisions,
    /// and a folder for the test's files; removes both afterwards.
    static func withTown(_ backend: TestBackend, _ body: (String, URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cc-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (url, remove) = try await TestDatabase.make(backend)
        do {
            try Self.importTown(database: TestDatabase.commandLineText(url), folder: folder)
            try await body(TestDatabase.commandLineText(url), folder)
        } catch {
            await remove()
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        await remove()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Rows of a livability table.
    static func count(_ table: String, in database: String) async throws -> Int {
        try await TestDatabase.open(try DatabaseURL(parsing: database)) { database in
            try await database.withConnection { sql in
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                    .first(decodingColumn: "n", as: Int.self) ?? 0
            }
        }
    }

    /// The attribution column of `data/SOURCES.md`'s row for the OpenStreetMap extracts.
    static func sourcesAttribution() throws -> String {
        let row = try #require(
            try TestApp.dataFile("SOURCES.md").split(separator: "\n").first { $0.hasPrefix("| `osm/") })
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        return try #require(cells.last)
    }

    /// Imports a city, a district, a street and the test community.
    static func importTown(database: String, folder: URL) throws {
        let file = folder.appendingPathComponent("town.csv")
        try """
        code,name,level,parent_code
        510100,成都市,city,
        510104,锦江区,district,510100
        510104003,春熙路街道,street,510104
        \(Self.community),试点社区,community,510104003
        """.write(to: file, atomically: true, encoding: .utf8)
        let imported = try CatalogCommandTests.run(["import", "divisions", file.path, "--database", database])
        #expect(imported.status == 0, "\(imported.errors)")
    }

    @Test(
        "import network --osm stores the extract's walkable ways and keeps the OpenStreetMap attribution",
        arguments: TestBackend.available)
    func network(backend: TestBackend) async throws {
        try await Self.withTown(backend) { database, folder in
            let unknown = try CatalogCommandTests.run([
                "import", "network", "--osm", Self.extract, "--division", "510104009", "--database", database,
            ])
            #expect(unknown.status == 1)
            #expect(unknown.errors.contains("error: no division has the code '510104009'"), "\(unknown.errors)")

            let outcome = try CatalogCommandTests.run([
                "import", "network", "--osm", Self.extract, "--division", Self.community, "--database", database,
            ])
            #expect(outcome.status == 0, "\(outcome.errors)")
            #expect(outcome.output.contains("Imported the walking network: 658 nodes, 790 edges in \(Self.community)"))
            #expect(outcome.output.contains(try Self.sourcesAttribution()))
            #expect(try await Self.count("livability_nodes", in: database) == 658)
            #expect(try await Self.count("livability_edges", in: database) == 790)

            // Importing again replaces the network instead of adding to it.
            let again = try CatalogCommandTests.run([
                "import", "network", "--osm", Self.extract, "--division", Self.community, "--database", database,
            ])
            #expect(again.status == 0, "\(again.errors)")
            #expect(try await Self.count("livability_nodes", in: database) == 658)
            let missing = try CatalogCommandTests.run([
                "import", "network", "--osm", folder.appendingPathComponent("none.osm.pbf").path, "--division",
                Self.community, "--database", database,
            ])
            #expect(missing.status == 1)
            #expect(missing.errors.contains("none.osm.pbf"))
        }
    }

    @Test(
        "import facilities --csv: counts printed, re-import updates, a bad file names file:line and writes nothing",
        arguments: TestBackend.available)
    func csv(backend: TestBackend) async throws {
        try await Self.withTown(backend) { database, folder in
            let network = try CatalogCommandTests.run([
                "import", "network", "--osm", Self.extract, "--division", Self.community, "--database", database,
            ])
            #expect(network.status == 0, "\(network.errors)")
            let importCSV = { (file: URL) in
                try CatalogCommandTests.run([
                    "import", "facilities", "--csv", file.path, "--community", Self.community, "--database", database,
                ])
            }

            // Lines that do not parse fail the file before anything is placed; line 2 is good but not written either.
            let bad = folder.appendingPathComponent("bad.csv")
            try """
            id,category,name,lon,lat
            s1,school,实验小学,\(Self.nodeA)
            s2,bank,银行,\(Self.nodeB)
            s3,grocery,菜市场,east,\(Self.nodeB.split(separator: ",")[1])
            s1,sport,重复,\(Self.nodeB)
            """.write(to: bad, atomically: true, encoding: .utf8)
            let refused = try importCSV(bad)
            #expect(refused.status == 1)
            #expect(refused.errors.contains("bad.csv:3: category:"), "\(refused.errors)")
            #expect(refused.errors.contains("bad.csv:4: lon/lat: not numbers"))
            #expect(refused.errors.contains("bad.csv:5: id: 's1' is used on line 2 too"))
            #expect(refused.output.isEmpty)
            // A line that parses but lies off the network fails the whole file too.
            let far = folder.appendingPathComponent("far.csv")
            try "id,category,name,lon,lat\ns1,school,实验小学,\(Self.nodeA)\ns9,school,远处,104.0,30.6\n".write(
                to: far, atomically: true, encoding: .utf8)
            let offNetwork = try importCSV(far)
            #expect(offNetwork.status == 1)
            #expect(offNetwork.errors.contains("far.csv:3: The location is"), "\(offNetwork.errors)")
            #expect(try await Self.count("livability_facilities", in: database) == 0)

            let good = folder.appendingPathComponent("good.csv")
            try """
            id,category,name,lon,lat,opening_hours,operator
            s1,school,实验小学,\(Self.nodeA),Mo-Fr 07:30-17:30,区教育局
            r1,reading_room,"书屋, 二楼",\(Self.nodeB),,
            """.write(to: good, atomically: true, encoding: .utf8)
            let first = try importCSV(good)
            #expect(first.status == 0, "\(first.errors)")
            #expect(first.output.contains("Imported facilities: 2 new, 0 updated"))
            #expect(!first.output.contains("OpenStreetMap"))
            let again = try importCSV(good)
            #expect(again.output.contains("Imported facilities: 0 new, 2 updated"))
            #expect(try await Self.count("livability_facilities", in: database) == 2)

            let stranger = try CatalogCommandTests.run([
                "import", "facilities", "--csv", good.path, "--community", "510104003999", "--database", database,
            ])
            #expect(stranger.status == 1)
            #expect(stranger.errors.contains("good.csv: ") && stranger.errors.contains("510104003999"))
            let both = try CatalogCommandTests.run([
                "import", "facilities", "--csv", good.path, "--osm", Self.extract, "--database", database,
            ])
            #expect(both.status != 0)
            #expect(both.errors.contains("Give exactly one of --csv and --osm."))
            #expect(try await Self.count("livability_facilities", in: database) == 2)
        }
    }

    @Test(
        "import facilities --osm places the extract's facilities on the network; re-import updates them",
        arguments: TestBackend.available)
    func osm(backend: TestBackend) async throws {
        try await Self.withTown(backend) { database, folder in
            let importOSM = {
                try CatalogCommandTests.run(["import", "facilities", "--osm", Self.extract, "--database", database])
            }
            // Without a network there is nothing to place the features on.
            let early = try importOSM()
            #expect(early.status == 1)
            #expect(try await Self.count("livability_facilities", in: database) == 0)

            let network = try CatalogCommandTests.run([
                "import", "network", "--osm", Self.extract, "--division", Self.community, "--database", database,
            ])
            #expect(network.status == 0, "\(network.errors)")
            let first = try importOSM()
            #expect(first.status == 0, "\(first.errors)")
            let counts = try #require(first.output.firstMatch(of: /Imported facilities: (\d+) new, 0 updated/))
            let inserted = try #require(Int(counts.1))
            #expect(inserted > 0)
            #expect(first.output.contains(try Self.sourcesAttribution()))
            #expect(try await Self.count("livability_facilities", in: database) == inserted)
            let again = try importOSM()
            #expect(again.output.contains("Imported facilities: 0 new, \(inserted) updated"), "\(again.output)")
            #expect(try await Self.count("livability_facilities", in: database) == inserted)
            let filtered = try CatalogCommandTests.run([
                "import", "facilities", "--osm", Self.extract, "--community", "510104003999", "--database", database,
            ])
            #expect(filtered.status == 1)
            #expect(filtered.errors.contains("510104003999"))
        }
    }
}
