import Accessibility
import ArgumentParser

/// `citizen-cloud access whatif-bench` (hidden): times single-facility what-if updates on a network.
struct AccessWhatIfBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif-bench",
        abstract: "Benchmark what-if facility additions and removals (median/p99 ms).",
        shouldDisplay: false
    )

    @Option(help: "nodes.csv with header id,lon,lat.")
    var nodes: String

    @Option(help: "edges.csv with header from,to,meters.")
    var edges: String

    @Option(help: "facilities.csv with header id,category,node_id or id,category,lon,lat.")
    var facilities: String

    @Option(name: .customLong("max-meters"), help: "Walking horizon in metres.")
    var maxMeters: Double = 1200

    @Option(help: "Number of add and of remove trials.")
    var trials: Int = 200

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(help: "Also maintain counts and the k nearest facilities (default: nearest only).")
    var k: Int?

    /// Runs the job; library errors are printed as `error: file:line: reason` and exit with status 1.
    func run() async throws {
        let bench = WhatIfBenchmark(
            nodesPath: nodes, edgesPath: edges, facilitiesPath: facilities,
            maxMeters: maxMeters, trials: trials, seed: seed, trackK: k)
        do {
            print(try await bench.run())
        } catch {
            AccessDiagnostics.print("error: \(error)")
            throw ExitCode(1)
        }
    }
}
