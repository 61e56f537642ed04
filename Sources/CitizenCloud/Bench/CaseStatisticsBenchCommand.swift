import App
import ArgumentParser
import Cases
import Foundation
import Platform
import SQLKit

/// `citizen-cloud bench case-statistics`: the cases statistics over a city-sized history. Adds synthetic cases to
/// the database (a demo city made by `serve --demo`) until it holds `--cases`, spread over its communities and
/// categories in every state, counts the running sums anew, then times the whole city's figures read from the sums
/// against the same figures counted from the cases (what each page cost before the sums).
///
/// The synthetic cases have no history rows or photos: they exist to be counted. Run it on a bench database only.
struct CaseStatisticsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case-statistics", abstract: "Load synthetic cases and time the city-wide statistics.")

    @Option(help: "Cases the database should hold (synthetic ones are added up to this number).") var cases = 1_000_000
    @Option(help: "Timed reads of the figures from the running sums.") var repeats = 200
    @Option(help: "Timed counts over every case (the scan the sums replace).") var scans = 5
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        try await CommandSupport.failing { try await self.execute() }
    }

    func execute() async throws {
        let logger = CommandSupport.logger(level: self.options.level)
        let (target, repeats, scans) = (self.cases, self.repeats, self.scans)
        try await CommandSupport.withDatabase(try self.options.url(), logger: logger) { database in
            try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
            let loader = try await SyntheticCases(database: database)
            let clock = ContinuousClock()
            let added = try await loader.fill(upTo: target)
            let statistics = StatisticsRepository(database: database)
            let rebuild = try await clock.measure { try await statistics.rebuild() }
            var kept: [Double] = []
            var figures: [StatisticsRepository.Figures] = []
            for _ in 0..<repeats {
                let elapsed = try await clock.measure { figures = try await statistics.figures(.district, under: "") }
                kept.append(Self.milliseconds(elapsed))
            }
            var counted: [Double] = []
            for _ in 0..<scans {
                let elapsed = try await clock.measure {
                    let scanned = try await statistics.countedFigures(.district, under: "")
                    guard scanned == figures else { throw CommandFailure("the running sums differ from a count") }
                }
                counted.append(Self.milliseconds(elapsed))
            }
            let total = figures.reduce(0) { $0 + $1.volume }
            print("cases: \(total) (\(added) added); groups: \(figures.count) districts")
            print("recount of the running sums: \(Int(Self.milliseconds(rebuild))) ms")
            print("city figures from the running sums: \(Self.summary(kept))")
            print("city figures counted from the cases: \(Self.summary(counted))")
            let ratio = Self.percentile(counted, 0.5) / max(Self.percentile(kept, 0.5), 0.001)
            print("median ratio count/sums: \(Int(ratio))×")
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    static func summary(_ values: [Double]) -> String {
        String(
            format: "p50 %.2f ms, p99 %.2f ms over %d runs", self.percentile(values, 0.5),
            self.percentile(values, 0.99),
            values.count)
    }
}
