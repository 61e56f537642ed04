/// Times single-facility what-if updates on a real network (`access whatif-bench`).
///
/// Each trial adds a facility of a random category at a random node (timed), undoes it, then removes a
/// random existing facility (timed) and undoes that, so every trial starts from the same baseline.
/// Randomness comes from a fixed-seed generator, so runs are repeatable.
public struct WhatIfBenchmark: Sendable {
    /// Path of nodes.csv.
    public var nodesPath: String
    /// Path of edges.csv.
    public var edgesPath: String
    /// Path of facilities.csv.
    public var facilitiesPath: String
    /// Horizon in metres.
    public var maxMeters: Double
    /// Number of add and of remove trials.
    public var trials: Int
    /// Random seed.
    public var seed: UInt64
    /// Also maintain counts within the horizon and the k nearest facilities (nil: nearest only).
    public var trackK: Int?

    /// Creates a benchmark description.
    public init(
        nodesPath: String, edgesPath: String, facilitiesPath: String, maxMeters: Double = 1200,
        trials: Int = 200, seed: UInt64 = 42, trackK: Int? = nil
    ) {
        self.nodesPath = nodesPath
        self.edgesPath = edgesPath
        self.facilitiesPath = facilitiesPath
        self.maxMeters = maxMeters
        self.trials = trials
        self.seed = seed
        self.trackK = trackK
    }

    /// Runs the trials and returns a multi-line report.
    public func run() async throws(AccessError) -> String {
        let clock = ContinuousClock()
        let network = try CSVNetwork.load(nodesPath: nodesPath, edgesPath: edgesPath)
        let facilities = try FacilityCSV.load(facilitiesPath, network: network)
        guard !facilities.categories.isEmpty, network.graph.nodeCount > 0 else {
            throw AccessError(file: facilitiesPath, line: nil, reason: "no facilities or no nodes")
        }
        let engine = AccessEngine(graph: network.graph, horizon: Float32(maxMeters))
        var start = clock.now
        var scenario = await WhatIfScenario(
            engine: engine, facilities: facilities, withCounts: trackK != nil,
            kNearest: trackK)
        let fullSeconds = seconds(clock.now - start)
        var rng = SplitMix64(seed: seed)
        var addTimes: [Double] = []
        var removeTimes: [Double] = []
        var undoTimes: [Double] = []
        for trial in 0..<trials {
            let category = facilities.categories[Int(rng.next() % UInt64(facilities.categories.count))]
            let node = Int32(rng.next() % UInt64(network.graph.nodeCount))
            start = clock.now
            scenario.addFacility(id: "bench-\(trial)", category: category, node: node)
            addTimes.append(seconds(clock.now - start) * 1000)
            start = clock.now
            scenario.undo()
            undoTimes.append(seconds(clock.now - start) * 1000)
            let c = Int(rng.next() % UInt64(facilities.categories.count))
            guard !facilities.nodes[c].isEmpty else { continue }
            let f = Int(rng.next() % UInt64(facilities.nodes[c].count))
            start = clock.now
            scenario.removeFacility(category: c, facility: f)
            removeTimes.append(seconds(clock.now - start) * 1000)
            scenario.undo()
        }
        let graph = network.graph
        return """
            nodes=\(graph.nodeCount) edges=\(graph.edgeCount) facilities=\(facilities.count) \
            categories=\(facilities.categories.count) horizon=\(maxMeters) m trials=\(trials) \
            maintained: nearest\(trackK.map { " + counts + \($0)-nearest" } ?? "")
            graph memory: \(graph.memoryBytes) bytes = \(fmt(graph.bytesPerNode)) B/node + \
            \(fmt(graph.bytesPerEdge)) B/edge; node-id table \(network.ids.memoryBytes) bytes; \
            answers \(graph.nodeCount * facilities.categories.count * 8) bytes (8 B per node per category)
            full computation (all categories): \(fmt(fullSeconds * 1000)) ms
            add one facility:    median \(fmt(percentile(addTimes, 0.5))) ms  \
            p99 \(fmt(percentile(addTimes, 0.99))) ms  max \(fmt(addTimes.max() ?? 0)) ms
            remove one facility: median \(fmt(percentile(removeTimes, 0.5))) ms  \
            p99 \(fmt(percentile(removeTimes, 0.99))) ms  max \(fmt(removeTimes.max() ?? 0)) ms
            undo an add:         median \(fmt(percentile(undoTimes, 0.5))) ms  \
            p99 \(fmt(percentile(undoTimes, 0.99))) ms
            """
    }

    /// Nearest-rank percentile of `values`.
    private func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(sorted.count - 1, max(0, rank))]
    }

    /// Three-decimal formatting without Foundation.
    private func fmt(_ value: Double) -> String {
        let milli = Int((value * 1000).rounded())
        let fraction = milli % 1000
        let pad = fraction < 10 ? "00" : fraction < 100 ? "0" : ""
        return "\(milli / 1000).\(pad)\(fraction)"
    }
}

/// Small deterministic random generator (SplitMix64), so benchmarks and tests are repeatable.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Seeds the generator.
    public init(seed: UInt64) { state = seed }

    /// Next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
