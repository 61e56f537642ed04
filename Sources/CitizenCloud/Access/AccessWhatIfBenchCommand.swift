import Accessibility
import ArgumentParser

/// `citizen-cloud access whatif-bench` (hidden): times single-facility what-if updates on a network.
struct AccessWhatIfBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif-bench",
        abstract: "Benchmark what-if facility additions and removals (median/p99 ms).",
        shouldDisplay: false
    )

    @OptionGroup var input: NetworkInputOptions

    @Option(help: "Number of add and of remove trials.")
    var trials: Int = 200

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(help: "Also maintain counts and the k nearest facilities (default: nearest only).")
    var k: Int?

    /// Runs the job; library errors are printed as `error: file:line: reason` and exit with status 1.
    func run() async throws {
        let bench = WhatIfBenchmark(
            nodesPath: input.nodes, edgesPath: input.edges, facilitiesPath: input.facilities,
            maxMeters: input.maxMeters, trials: trials, seed: seed, trackK: k)
        do {
            print(try await bench.run())
        } catch {
            AccessDiagnostics.print("error: \(error)")
            throw ExitCode(1)
        }
    }
}
