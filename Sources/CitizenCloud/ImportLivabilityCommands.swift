import App
import ArgumentParser
import Foundation
import Livability
import Platform

extension ImportCommand {
    /// `citizen-cloud import facilities --csv FILE --community CODE` or `--osm FILE.osm.pbf [--community CODE]`.
    struct Facilities: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import life-circle facilities from a CSV file of one community or from an OpenStreetMap extract.",
            discussion: """
                CSV columns: id,category,name,lon,lat[,opening_hours][,operator]; categories: \
                \(FacilityCategory.allCases.map(\.rawValue).joined(separator: ", ")). A CSV file is all-or-nothing and \
                every bad line is reported as file:line: reason. OSM features go to the community of the network \
                node they lie on; features off the network are skipped and counted. Re-importing updates.
                """
        )

        @Option(help: "CSV file of facilities.") var csv: String?
        @Option(help: "OpenStreetMap extract (.osm.pbf).") var osm: String?
        @Option(help: "Community code (12 digits): required with --csv, a filter with --osm.") var community: String?
        @OptionGroup var options: DatabaseOptions

        func validate() throws {
            guard (self.csv == nil) != (self.osm == nil) else {
                throw ValidationError("Give exactly one of --csv and --osm.")
            }
            if self.csv != nil, self.community == nil { throw ValidationError("--csv needs --community CODE.") }
        }

        func run() async throws {
            try await CommandSupport.failing {
                let logger = CommandSupport.logger(level: self.options.level)
                let (csv, osm, community) = (self.csv, self.osm, self.community)
                var text: String? = nil
                if let csv {
                    text = try CommandSupport.readText(csv)
                    // A malformed file fails before a database connection is made.
                    _ = try FacilityImporter.parseCSV(text!, fileName: csv, community: community ?? "")
                }
                let input = text
                let summary = try await CommandSupport.withDatabase(try self.options.url(), logger: logger) {
                    database in
                    try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
                    let importer = FacilityImporter(database: database)
                    if let csv, let input {
                        return try await importer.importCSV(input, fileName: csv, community: community ?? "")
                    }
                    return try await importer.importOSM(path: osm ?? "", community: community)
                }
                print(
                    "Imported facilities: \(summary.inserted) new, \(summary.updated) updated"
                        + (summary.skipped > 0
                            ? ", \(summary.skipped) skipped (off the network or outside the community)" : ""))
                if osm != nil { print("Data: " + OSMAttribution.text) }
            }
        }
    }

    /// `citizen-cloud import network --osm FILE.osm.pbf --division CODE`.
    struct Network: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the life circle's walking network with the walkable ways of an OpenStreetMap extract."
        )

        @Option(help: "OpenStreetMap extract (.osm.pbf).") var osm: String
        @Option(help: "The division the whole network lies in (6, 9 or 12 digits).") var division: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await CommandSupport.failing {
                let logger = CommandSupport.logger(level: self.options.level)
                let (osm, division) = (self.osm, self.division)
                let (nodes, edges) = try await CommandSupport.withDatabase(try self.options.url(), logger: logger) {
                    database in
                    try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
                    return try await FacilityImporter(database: database).importNetwork(
                        osmPath: osm, division: division)
                }
                print("Imported the walking network: \(nodes) nodes, \(edges) edges in \(division)")
                print("Data: " + OSMAttribution.text)
            }
        }
    }
}
