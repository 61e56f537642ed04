import NIOCore
import Synchronization

/// Keeps the encoded answers of `GET /api/v1/divisions/{code}` for a few seconds.
///
/// Divisions are reference data that change only on import, while every page and official's scope check reads
/// them. Entries expire after `lifetime`, which bounds how stale another node's import can look; writes through
/// this process call ``removeAll()``. The cache holds at most `capacity` entries (the whole city has ~4,200).
public final class DivisionDetailCache: Sendable {
    private struct Entry {
        let body: ByteBuffer
        let expires: ContinuousClock.Instant
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let lifetime: Duration
    private let capacity: Int

    public init(lifetime: Duration = .seconds(10), capacity: Int = 20_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The cached body for `code`, if it has not expired.
    public func body(for code: String) -> ByteBuffer? {
        let now = ContinuousClock.now
        return self.entries.withLock { entries in
            guard let entry = entries[code] else { return nil }
            guard entry.expires > now else {
                entries[code] = nil
                return nil
            }
            return entry.body
        }
    }

    /// Remembers the body for `code`.
    public func store(_ body: ByteBuffer, for code: String) {
        let entry = Entry(body: body, expires: ContinuousClock.now + self.lifetime)
        self.entries.withLock { entries in
            if entries.count >= self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[code] = entry
        }
    }

    /// Forgets everything, after a write to the tree.
    public func removeAll() {
        self.entries.withLock { $0.removeAll() }
    }
}
