import Synchronization

/// What the replay saw: latencies (from the moment each request was due, so a server that falls behind shows
/// it), errors and a few error samples per kind, and requests that changed kind for want of fixture data.
final class TrafficStats: Sendable {
    private struct State {
        var latencies: [TrafficKind: [Double]] = [:]
        var errors: [TrafficKind: Int] = [:]
        var samples: [String] = []
        var substituted: [TrafficKind: Int] = [:]
    }

    private let state = Mutex(State())

    /// Records one answered (or failed) request: `milliseconds` since it was due, `failure` nil when it succeeded.
    func record(_ kind: TrafficKind, milliseconds: Double, failure: String?) {
        self.state.withLock { state in
            state.latencies[kind, default: []].append(milliseconds)
            if let failure {
                state.errors[kind, default: 0] += 1
                if state.samples.count < 20 { state.samples.append("\(kind.rawValue): \(failure)") }
            }
        }
    }

    /// Records that a request of `kind` was sent as another kind (no bill left to pay, a refresh under way).
    func substituted(_ kind: TrafficKind) {
        self.state.withLock { $0.substituted[kind, default: 0] += 1 }
    }

    /// The report, one row per kind and a total.
    func report(seconds: Double) -> TrafficReport {
        self.state.withLock { state in
            var rows: [TrafficReport.Row] = []
            var all: [Double] = []
            for kind in TrafficKind.allCases {
                let latencies = (state.latencies[kind] ?? []).sorted()
                all += latencies
                rows.append(.init(name: kind.rawValue, latencies: latencies, errors: state.errors[kind] ?? 0))
            }
            all.sort()
            let total = TrafficReport.Row(name: "all", latencies: all, errors: state.errors.values.reduce(0, +))
            return TrafficReport(
                rows: rows, total: total, seconds: seconds, samples: state.samples,
                substituted: state.substituted.map { "\($0.key.rawValue) \($0.value)" }.sorted())
        }
    }
}

/// The figures of one replay, printable as a Markdown table.
struct TrafficReport: Sendable {
    /// One line of the table.
    struct Row: Sendable {
        let name: String
        let latencies: [Double]
        let errors: Int

        func percentile(_ p: Double) -> Double {
            guard !self.latencies.isEmpty else { return 0 }
            let index = min(self.latencies.count - 1, Int((Double(self.latencies.count) * p).rounded(.up)) - 1)
            return self.latencies[max(0, index)]
        }
    }

    let rows: [Row]
    let total: Row
    let seconds: Double
    let samples: [String]
    let substituted: [String]

    /// The table and the error samples.
    var text: String {
        var lines = [
            "| kind | requests | errors | p50 ms | p99 ms | max ms |", "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for row in self.rows + [self.total] where !row.latencies.isEmpty {
            lines.append(
                "| \(row.name) | \(row.latencies.count) | \(row.errors) | \(Self.format(row.percentile(0.5))) | "
                    + "\(Self.format(row.percentile(0.99))) | \(Self.format(row.latencies.last ?? 0)) |")
        }
        let rate = Double(self.total.latencies.count) / max(self.seconds, 0.001)
        let errorRate = Double(self.total.errors) / Double(max(1, self.total.latencies.count)) * 100
        lines.append("")
        lines.append(
            "requests: \(self.total.latencies.count) in \(Self.format(self.seconds)) s (\(Self.format(rate))/s); "
                + "error rate \(Self.format(errorRate, digits: 3))%; p99 \(Self.format(self.total.percentile(0.99))) ms"
        )
        if !self.substituted.isEmpty {
            lines.append("sent as another kind for want of fixture data: \(self.substituted.joined(separator: ", "))")
        }
        for sample in self.samples { lines.append("error: \(sample)") }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double, digits: Int = 1) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return "\(rounded)"
    }
}
