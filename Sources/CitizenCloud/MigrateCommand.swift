import App
import ArgumentParser
import Foundation
import Platform

/// `citizen-cloud migrate`: applies pending migrations and lists what it applied.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply pending database migrations.")

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await CommandSupport.failing {
            let logger = CommandSupport.logger(level: self.options.level)
            let applied = try await CommandSupport.withDatabase(try self.options.url(), logger: logger) { database in
                try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
            }
            print(applied.isEmpty ? "The schema is up to date." : "Applied: " + applied.joined(separator: ", "))
        }
    }
}
