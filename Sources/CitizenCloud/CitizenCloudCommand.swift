import ArgumentParser

/// `citizen-cloud`: the platform's one executable.
@main
struct CitizenCloudCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citizen-cloud",
        abstract: "CitizenCloud (市民云): the city platform for residents, communities and officials.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, ImportCommand.self, SeedCommand.self, UsersCommand.self,
            ClientsCommand.self, KeysCommand.self, AccessCommand.self, BillingCommand.self,
            BenchCommand.self, CasesCommand.self,
        ]
    )
}
