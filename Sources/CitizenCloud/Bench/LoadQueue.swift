import Synchronization

/// A first-in first-out queue of work shared by many consumers: ``next()`` waits until there is something to take
/// or the queue is finished.
final class LoadQueue<Item: Sendable>: Sendable {
    private struct State {
        var items: [Item] = []
        var head = 0
        var waiters: [CheckedContinuation<Item?, Never>] = []
        var finished = false

        mutating func pop() -> Item? {
            guard self.head < self.items.count else { return nil }
            let item = self.items[self.head]
            self.head += 1
            if self.head >= 1024, self.head * 2 >= self.items.count {
                self.items.removeFirst(self.head)
                self.head = 0
            }
            return item
        }
    }

    private let state = Mutex(State())

    /// Hands `item` to a waiting consumer, or keeps it for the next one.
    func push(_ item: Item) {
        let waiter: CheckedContinuation<Item?, Never>? = self.state.withLock { state in
            if !state.waiters.isEmpty { return state.waiters.removeFirst() }
            state.items.append(item)
            return nil
        }
        waiter?.resume(returning: item)
    }

    /// No more items will come: consumers get nil once the queue is empty.
    func finish() {
        let waiters = self.state.withLock { state in
            state.finished = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: nil) }
    }

    /// The next item, waiting for one; nil when the queue is finished and empty.
    func next() async -> Item? {
        if let item = self.state.withLock({ $0.pop() }) { return item }
        return await withCheckedContinuation { continuation in
            let ready: Item?? = self.state.withLock { state in
                if let item = state.pop() { return .some(item) }
                if state.finished { return .some(nil) }
                state.waiters.append(continuation)
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
