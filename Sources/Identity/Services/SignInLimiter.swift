import Foundation
import Synchronization

/// Slows down password guessing from one address: after ``limit`` failures within ``window`` the address is refused
/// until the window has passed.
///
/// Kept in memory on each node (an attacker spread over nodes gets `nodes × limit` tries per window); the per-account
/// lock in the database holds across nodes.
public final class SignInLimiter: Sendable {
    /// Failures allowed per address and window.
    public let limit: Int
    /// The window in seconds.
    public let window: TimeInterval
    private let failures: Mutex<[String: [Date]]> = Mutex([:])

    public init(limit: Int = 20, window: TimeInterval = 900) {
        self.limit = limit
        self.window = window
    }

    /// Whether `address` may try again now.
    public func allows(_ address: String?, now: Date = Date()) -> Bool {
        guard let address else { return true }
        return self.failures.withLock { table in
            let recent = (table[address] ?? []).filter { now.timeIntervalSince($0) < self.window }
            table[address] = recent.isEmpty ? nil : recent
            return recent.count < self.limit
        }
    }

    /// Counts a failure from `address`.
    public func recordFailure(_ address: String?, now: Date = Date()) {
        guard let address else { return }
        self.failures.withLock { table in
            var recent = (table[address] ?? []).filter { now.timeIntervalSince($0) < self.window }
            recent.append(now)
            table[address] = recent
            // Bound memory under a flood of distinct addresses: drop addresses whose failures have all expired.
            if table.count > 100_000 {
                table = table.filter { $0.value.contains { now.timeIntervalSince($0) < self.window } }
            }
        }
    }
}
