import Synchronization

/// A small in-process cache whose entries expire after a fixed lifetime.
///
/// For reference data and figures that many requests read and few writes change: the lifetime bounds how stale a
/// change made by another node can look; writes in this process call ``removeAll()``. When full it starts over,
/// which is fine for the few thousand entries it is meant for.
public final class ExpiringCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        let value: Value
        let expires: ContinuousClock.Instant
    }

    private let entries = Mutex<[Key: Entry]>([:])
    private let lifetime: Duration
    private let capacity: Int

    private let generationCounter = Mutex<UInt64>(0)

    public init(lifetime: Duration, capacity: Int = 20_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The value stored for `key`, if it has not expired.
    public func value(for key: Key) -> Value? {
        let now = ContinuousClock.now
        return self.entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.expires > now else {
                entries[key] = nil
                return nil
            }
            return entry.value
        }
    }

    /// Remembers `value` for `key`.
    public func store(_ value: Value, for key: Key) {
        let entry = Entry(value: value, expires: ContinuousClock.now + self.lifetime)
        self.entries.withLock { entries in
            if entries.count >= self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }

    /// Forgets everything, after a write.
    public func removeAll() {
        self.entries.withLock { $0.removeAll() }
        self.generationCounter.withLock { $0 &+= 1 }
    }

    /// Forgets one key, after a write to what it caches.
    public func remove(_ key: Key) {
        self.entries.withLock { $0[key] = nil }
        self.generationCounter.withLock { $0 &+= 1 }
    }

    /// A number that changes with every removal: read it before loading a value from the source, and store with
    /// ``store(_:for:ifUnchangedSince:)``, so a value loaded before a concurrent write is never cached after it.
    public var generation: UInt64 { self.generationCounter.withLock { $0 } }

    /// Remembers `value` unless something was removed since `generation` was read.
    public func store(_ value: Value, for key: Key, ifUnchangedSince generation: UInt64) {
        let entry = Entry(value: value, expires: ContinuousClock.now + self.lifetime)
        self.generationCounter.withLock { current in
            guard current == generation else { return }
            self.entries.withLock { entries in
                if entries.count >= self.capacity { entries.removeAll(keepingCapacity: true) }
                entries[key] = entry
            }
        }
    }
}
