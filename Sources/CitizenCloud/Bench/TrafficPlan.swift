import Accessibility
import Foundation

/// The arrivals of a window of the day, replayed `speed` times faster: a Poisson process whose rate follows the
/// hour of the day, each arrival a request kind drawn by the model's daily counts. Deterministic for a seed.
struct TrafficPlan: Sendable {
    /// Daily active residents.
    let dailyActive: Int
    /// How many times faster than real time the window is replayed.
    let speed: Double
    /// The window, in seconds since midnight: `[start, end)`.
    let start: Double
    let end: Double

    /// Requests per real second at simulated time `seconds` (since midnight).
    func rate(at seconds: Double) -> Double {
        let hour = min(23, max(0, Int(seconds / 3600)))
        return Double(self.dailyActive) * TrafficDay.requestsPerResident * TrafficDay.share(hour: hour) / 3600
            * self.speed
    }

    /// How long the replay takes in real seconds.
    var realSeconds: Double { (self.end - self.start) / self.speed }

    /// The expected number of requests of each kind in the window (to size the fixture).
    func expected(_ kind: TrafficKind) -> Double {
        var total = 0.0
        var second = self.start
        while second < self.end {
            let next = min(self.end, (second / 3600).rounded(.down) * 3600 + 3600)
            total += self.rate(at: second) / self.speed * (next - second)
            second = next
        }
        return total * kind.perResidentPerDay / TrafficDay.requestsPerResident
    }

    /// Every arrival in order: its offset from the start of the replay in real seconds, and its kind.
    func arrivals(seed: UInt64) -> [(offset: Double, kind: TrafficKind)] {
        var random = SplitMix64(seed: seed)
        let kinds = TrafficKind.allCases
        let weights = kinds.map(\.perResidentPerDay)
        let total = weights.reduce(0, +)
        var result: [(offset: Double, kind: TrafficKind)] = []
        var simulated = self.start
        while true {
            // Exponential gaps at the current hour's rate (the rate changes on the hour).
            let rate = self.rate(at: simulated)
            let gap = -(1 - Double.random(in: 0..<1, using: &random)).logOrZero / rate
            simulated += gap * self.speed
            guard simulated < self.end else { break }
            var pick = Double.random(in: 0..<total, using: &random)
            var index = 0
            while index < kinds.count - 1, pick >= weights[index] {
                pick -= weights[index]
                index += 1
            }
            result.append(((simulated - self.start) / self.speed, kinds[index]))
        }
        return result
    }
}

extension Double {
    /// The natural logarithm, 0 for 1 (so a zero gap never divides by zero downstream).
    fileprivate var logOrZero: Double { self >= 1 ? 0 : Foundation.log(self) }
}
