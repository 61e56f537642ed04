import App
import ArgumentParser
import Foundation
import Livability
import Platform
import ServiceHall
import Territory

/// `citizen-cloud import …`: loads data files.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import data files.",
        subcommands: [Divisions.self, ServiceCatalog.self, Facilities.self, Network.self]
    )

    /// `citizen-cloud import divisions FILE`.
    struct Divisions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import the official divisions (code,name,level,parent_code). All-or-nothing; re-import is safe."
        )

        @Argument(help: "CSV file, e.g. data/chengdu-divisions.csv") var file: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await CommandSupport.failing {
                let logger = CommandSupport.logger(level: self.options.level)
                let text = try CommandSupport.readText(self.file)
                // Validate before touching the database, so a bad file never needs a connection.
                _ = try DivisionImporter.parse(text, fileName: self.file)
                let file = self.file
                let summary = try await CommandSupport.withDatabase(try self.options.url(), logger: logger) {
                    database in
                    try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
                    return try await DivisionImporter(database: database).importCSV(text, fileName: file)
                }
                let parts = DivisionLevel.allCases.compactMap { level in
                    summary.byLevel[level].map { "\($0) \(level.rawValue)" }
                }
                print("Imported \(summary.rows) divisions: " + parts.joined(separator: ", "))
            }
        }
    }

    /// `citizen-cloud import catalog FILE`.
    struct ServiceCatalog: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "catalog",
            abstract: "Import the service catalog (themes, departments, services; JSON). Validated as a whole, "
                + "all-or-nothing; replaces the stored catalog."
        )

        @Argument(help: "JSON file, e.g. data/service-catalog.json") var file: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await CommandSupport.failing {
                let logger = CommandSupport.logger(level: self.options.level)
                let text = try CommandSupport.readText(self.file)
                // Validate before touching the database, so a bad file never needs a connection.
                _ = try CatalogParser.parse(text, fileName: self.file)
                let file = self.file
                let summary = try await CommandSupport.withDatabase(try self.options.url(), logger: logger) {
                    database in
                    try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
                    return try await CatalogImporter(database: database).importFile(text, fileName: file)
                }
                print(
                    "Imported catalog version \(summary.version): \(summary.departments) departments, "
                        + "\(summary.services) services, \(summary.themes) themes")
            }
        }
    }
}
