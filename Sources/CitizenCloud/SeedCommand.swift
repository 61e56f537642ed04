import App
import ArgumentParser
import Foundation
import Livability
import Platform
import Population
import Synchronization
import Territory

/// `citizen-cloud seed`: builds the demo city.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Create the demo city: communities under every street, households and residents in proportion."
    )
    /// The seed `serve --demo` and `seed` use unless told otherwise.
    static let defaultSeed: UInt64 = 20_181_225

    @Option(help: "Scale: 1 ≈ 21 million residents; 0.05 ≈ 1 million.") var scale: Double = 0.01
    @Option(help: "Random seed; the same seed and scale always give the same city.") var seed: UInt64 = Self.defaultSeed
    @Flag(help: "Replace residents and households already in the register.") var replace = false
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await CommandSupport.failing {
            let logger = CommandSupport.logger(level: self.options.level)
            let dataDirectory = CommandSupport.dataDirectory()
            let divisionsPath = dataDirectory + "/chengdu-divisions.csv"
            let divisionsCSV = try CommandSupport.readText(divisionsPath)
            let legacy = try CommandSupport.readText(dataDirectory + "/chengdu-communities-legacy.csv")
            let cipher = try PersonalDataCipher.loadOrCreate(keyFile: self.options.keyFile)
            let (scale, seed, replace) = (self.scale, self.seed, self.replace)
            let started = ContinuousClock.now
            let progress = ProgressPrinter()
            let (summary, network, networkTime) = try await CommandSupport.withDatabase(
                try self.options.url(), logger: logger
            ) { database in
                try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
                if try await DivisionRepository(database: database).countByLevel()[.street] ?? 0 == 0 {
                    try await DivisionImporter(database: database).importCSV(divisionsCSV, fileName: divisionsPath)
                }
                let summary = try await DemoSeeder(database: database, cipher: cipher, logger: logger).seed(
                    scale: scale, seed: seed, legacyCSV: legacy, replace: replace, progress: progress.report
                )
                // A new register means new households: the network and its dwellings are generated again.
                let networkStarted = ContinuousClock.now
                let network = try await LivabilityDemoSeeder(database: database, logger: logger).seed(
                    seed: seed, replace: true)
                return (summary, network, ContinuousClock.now - networkStarted)
            }
            progress.finish()
            let seconds =
                Double((ContinuousClock.now - started).components.attoseconds) / 1e18
                + Double((ContinuousClock.now - started).components.seconds)
            let rows = summary.households + summary.residents
            print(
                "Seeded \(summary.communities) communities, \(summary.households) households, "
                    + "\(summary.residents) residents in \(String(format: "%.1f", seconds)) s "
                    + "(\(Int(Double(rows) / max(seconds, 0.001))) rows/s)"
            )
            if let network {
                print(
                    "Life circle: \(network.nodes) network nodes, \(network.edges) edges, \(network.dwellings) dwellings, "
                        + "\(network.facilities) facilities in "
                        + String(
                            format: "%.1f s",
                            Double(networkTime.components.seconds) + Double(networkTime.components.attoseconds) / 1e18)
                )
            }
        }
    }
}

/// Prints seed progress on one terminal line (only when standard error is a terminal).
final class ProgressPrinter: Sendable {
    private let started = ContinuousClock.now
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lastPercent = Mutex(-1)

    /// Called after each batch with rows written and rows planned.
    @Sendable func report(_ done: Int, _ total: Int) {
        let percent = total == 0 ? 100 : done * 100 / total
        let changed = self.lastPercent.withLock { last in
            defer { last = percent }
            return last != percent
        }
        guard changed, self.isTerminal else { return }
        let elapsed = ContinuousClock.now - self.started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Int(Double(done) / max(seconds, 0.001))
        FileHandle.standardError.write(Data("\r  seeding: \(percent)% (\(done)/\(total) rows, \(rate) rows/s)   ".utf8))
    }

    func finish() {
        if self.isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
