import Accessibility
import ArgumentParser

/// `citizen-cloud access nearest`: walking distance from every node to the nearest facility of every category.
struct AccessNearestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nearest",
        abstract: "Walking distance to the nearest facility of every category (node_id,category,meters)."
    )

    @OptionGroup var input: NetworkInputOptions

    @Option(help: "Output CSV path.")
    var out: String

    @Option(help: "Write the k nearest facilities instead (node_id,category,rank,meters,facility_id).")
    var k: Int?

    @Flag(help: "Write the number of facilities within the horizon instead (node_id,category,count).")
    var count = false

    @Flag(help: "Print figures (sizes, memory per node/edge, phase timings) to stderr.")
    var verbose = false

    /// Runs the job; library errors are printed as `error: file:line: reason` and exit with status 1.
    func run() async throws {
        if k != nil && count { throw ValidationError("--k and --count cannot be combined") }
        let output: NearestJob.Output = if let k { .kNearest(k) } else if count { .counts } else { .nearest }
        let job = NearestJob(
            nodesPath: input.nodes, edgesPath: input.edges, facilitiesPath: input.facilities, outPath: out,
            maxMeters: input.maxMeters, output: output)
        do {
            let report = try await job.run()
            if verbose { AccessDiagnostics.print("access nearest: \(report.summary)") }
        } catch {
            AccessDiagnostics.print("error: \(error)")
            throw ExitCode(1)
        }
    }
}
