import App
import ArgumentParser
import Foundation
import Hummingbird
import Identity
import Logging
import Participation
import Platform
import Population
import SQLKit
import Territory

/// `citizen-cloud bench ballots`: the participation figures in one run on one database. Starts the server in this
/// process on a loopback port, then measures over HTTP `GET /healthz`, and secret ballots (blind the token, `POST
/// …/tokens` signed in, unblind, `POST …/ballots` without credentials) per second; then the time to tally a vote of
/// `--tally-ballots` stored ballots, and the latency of casting while that tally runs over and over.
struct BallotBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ballots", abstract: "Measure secret ballots per second, tally time and casting during a tally.")

    @Option(help: "Voters (each a resident of their own household, signed in before measuring).") var voters = 10_000
    @Option(help: "Voters kept back to cast while a tally runs.") var duringTally = 1_000
    @Option(help: "Keep-alive connections (concurrent voters).") var connections = 32
    @Option(help: "Seconds of GET /healthz for the baseline.") var healthSeconds = 5.0
    @Option(help: "Ballots of the vote whose tally is timed.") var tallyBallots = 1_000_000
    @Option(help: "Loopback port of the server started for the run.") var port = 18_477
    @OptionGroup var options: DatabaseOptions

    static let community = "510104003977"
    static let password = "Bench-ballots-2018"

    func run() async throws {
        try await CommandSupport.failing { try await self.execute() }
    }

    /// Prepares the data, starts the server, measures and prints the report.
    func execute() async throws {
        let logger = CommandSupport.logger(level: self.options.level)
        let url = try self.options.url()
        let cipher = try PersonalDataCipher.loadOrCreate(keyFile: self.options.keyFile)
        let total = self.voters + self.duringTally
        let tallyBallots = self.tallyBallots
        let votes: (Vote, Vote) = try await CommandSupport.withDatabase(url, logger: logger) { database in
            try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
            return try await BallotBenchFixture(database: database, cipher: cipher, logger: logger)
                .prepare(voters: total, tallyBallots: tallyBallots)
        }
        let app = try await buildApplication(
            AppConfiguration(
                host: "127.0.0.1", port: self.port, database: url, logLevel: .error, databaseConnections: 8,
                personalDataKeyFile: self.options.keyFile, passwordCost: 4, secureCookies: false),
            logger: logger)
        let run = BallotBenchRun(
            client: try LoadClient(base: "http://127.0.0.1:\(self.port)", connections: self.connections),
            vote: votes.0, tallyVote: votes.1, connections: self.connections, database: url, logger: logger)
        let (voters, during, seconds) = (self.voters, self.duringTally, self.healthSeconds)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            try await Task.sleep(for: .seconds(2))
            let report = try await run.client.run {
                try await run.measure(voters: voters, duringTally: during, healthSeconds: seconds)
            }
            print(report)
            group.cancelAll()
        }
    }
}
