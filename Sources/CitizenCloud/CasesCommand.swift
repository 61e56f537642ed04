import App
import ArgumentParser
import Cases
import Foundation
import Platform

/// `citizen-cloud cases`: administration of the cases context (Open311 API keys).
struct CasesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases", abstract: "Administer cases (Open311 API keys).", subcommands: [APIKey.self])

    /// `cases api-key`: keys of the systems that submit requests through Open311.
    struct APIKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "api-key", abstract: "Manage Open311 API keys.", subcommands: [Create.self])

        /// `cases api-key create --name …`: prints the key once; only its hash is stored.
        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "create", abstract: "Create an Open311 API key; prints it (shown once).")
            @Option(help: "The submitting system's name.") var name: String
            @OptionGroup var options: DatabaseOptions

            func run() async throws {
                try await CommandSupport.failing {
                    let logger = CommandSupport.logger(level: self.options.level)
                    let name = self.name
                    let (id, key) = try await CommandSupport.withDatabase(try self.options.url(), logger: logger) {
                        database in
                        try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
                        let created = try await Open311Keys(database: database).create(name: name)
                        try await AuditLog(database: database).record(
                            AuditEvent(
                                actor: nil, action: "cases.api_key.create", target: created.id, address: nil,
                                detail: name))
                        return created
                    }
                    print("key_id: \(id)")
                    print("api_key (shown once): \(key)")
                }
            }
        }
    }
}
