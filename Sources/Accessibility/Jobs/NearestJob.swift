/// The `access nearest` pipeline as a library function, so tests can run it on temporary files.
///
/// Loads `nodes.csv`, `edges.csv` and `facilities.csv`, computes every category in parallel and writes the
/// result file. With `k` it writes the k nearest facilities instead, with `counts` the number of facilities
/// within the horizon.
public struct NearestJob: Sendable {
    /// What to write.
    public enum Output: Sendable, Equatable {
        /// `node_id,category,meters` for the nearest facility (the default).
        case nearest
        /// `node_id,category,rank,meters,facility_id` for the k nearest.
        case kNearest(Int)
        /// `node_id,category,count` for facilities within the horizon (rows with count > 0).
        case counts
    }

    /// Path of nodes.csv.
    public var nodesPath: String
    /// Path of edges.csv.
    public var edgesPath: String
    /// Path of facilities.csv.
    public var facilitiesPath: String
    /// Path of the result file.
    public var outPath: String
    /// Horizon in metres.
    public var maxMeters: Double
    /// Output kind.
    public var output: Output

    /// Creates a job description.
    public init(
        nodesPath: String, edgesPath: String, facilitiesPath: String, outPath: String,
        maxMeters: Double = 1200, output: Output = .nearest
    ) {
        self.nodesPath = nodesPath
        self.edgesPath = edgesPath
        self.facilitiesPath = facilitiesPath
        self.outPath = outPath
        self.maxMeters = maxMeters
        self.output = output
    }

    /// Figures of one run.
    public struct Report: Sendable {
        /// Nodes in the graph.
        public var nodes = 0
        /// Undirected edges after removing duplicates and self-loops.
        public var edges = 0
        /// Facilities loaded.
        public var facilities = 0
        /// Categories.
        public var categories = 0
        /// Data rows written.
        public var rows = 0
        /// Graph payload bytes per node and per edge.
        public var bytesPerNode = 0.0, bytesPerEdge = 0.0
        /// Phase timings in seconds.
        public var loadSeconds = 0.0, computeSeconds = 0.0, writeSeconds = 0.0

        /// One-line human summary.
        public var summary: String {
            "nodes=\(nodes) edges=\(edges) facilities=\(facilities) categories=\(categories) rows=\(rows) "
                + "graph=\(format(bytesPerNode)) B/node + \(format(bytesPerEdge)) B/edge "
                + "load=\(format(loadSeconds))s compute=\(format(computeSeconds))s write=\(format(writeSeconds))s"
        }

        /// Two-decimal formatting without Foundation.
        private func format(_ value: Double) -> String {
            let cents = Int((value * 100).rounded())
            let fraction = cents % 100
            return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
        }
    }

    /// Runs the job.
    public func run() async throws(AccessError) -> Report {
        guard maxMeters.isFinite && maxMeters >= 0 else {
            throw AccessError(file: "--max-meters", line: nil, reason: "must be a non-negative number")
        }
        if case .kNearest(let k) = output, k < 1 || k > 1000 {
            throw AccessError(file: "--k", line: nil, reason: "must be between 1 and 1000")
        }
        let clock = ContinuousClock()
        var report = Report()
        var start = clock.now
        let network = try CSVNetwork.load(nodesPath: nodesPath, edgesPath: edgesPath)
        let facilities = try FacilityCSV.load(facilitiesPath, network: network)
        report.loadSeconds = seconds(clock.now - start)
        report.nodes = network.graph.nodeCount
        report.edges = network.graph.edgeCount
        report.facilities = facilities.count
        report.categories = facilities.categories.count
        report.bytesPerNode = network.graph.bytesPerNode
        report.bytesPerEdge = network.graph.bytesPerEdge
        let engine = AccessEngine(graph: network.graph, horizon: Float32(maxMeters))
        start = clock.now
        switch output {
        case .nearest:
            let nearest = await engine.nearest(facilities)
            report.computeSeconds = seconds(clock.now - start)
            start = clock.now
            report.rows = try ResultCSVWriter.write(
                outPath, ids: network.ids, categories: facilities.categories,
                nearest: nearest)
        case .kNearest(let k):
            let labels = await engine.kNearest(facilities, k: k)
            report.computeSeconds = seconds(clock.now - start)
            start = clock.now
            report.rows = try ExtraResultWriter.writeKNearest(
                outPath, ids: network.ids, facilities: facilities,
                labels: labels)
        case .counts:
            let counts = await engine.counts(facilities)
            report.computeSeconds = seconds(clock.now - start)
            start = clock.now
            report.rows = try ExtraResultWriter.writeCounts(
                outPath, ids: network.ids,
                categories: facilities.categories, counts: counts)
        }
        report.writeSeconds = seconds(clock.now - start)
        return report
    }
}

/// Converts a `Duration` to seconds.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
