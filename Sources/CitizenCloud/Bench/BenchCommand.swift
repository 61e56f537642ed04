import ArgumentParser

/// `citizen-cloud bench`: load generators for the benchmarks in `Benchmarks/`.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Load generators for the benchmarks in Benchmarks/.",
        subcommands: [TrafficCommand.self, BallotBenchCommand.self, CaseStatisticsBenchCommand.self]
    )
}
