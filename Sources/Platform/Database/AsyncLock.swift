/// A fair asynchronous mutual-exclusion lock: waiters are resumed in the order they arrived.
///
/// Used where a critical section spans `await`s (a write transaction), which `Mutex` cannot cover.
public actor AsyncLock {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    /// Runs `body` while holding the lock.
    public func withLock<R: Sendable>(_ body: @Sendable () async throws -> R) async throws -> R {
        await self.acquire()
        do {
            let result = try await body()
            self.releaseLock()
            return result
        } catch {
            self.releaseLock()
            throw error
        }
    }

    private func acquire() async {
        if !self.locked {
            self.locked = true
            return
        }
        await withCheckedContinuation { self.waiters.append($0) }
    }

    private func releaseLock() {
        if self.waiters.isEmpty {
            self.locked = false
        } else {
            // Ownership passes straight to the next waiter; `locked` stays true.
            self.waiters.removeFirst().resume()
        }
    }
}
