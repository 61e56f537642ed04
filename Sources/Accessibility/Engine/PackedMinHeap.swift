/// A 4-ary min-heap of packed `(distance, node)` keys used by every Dijkstra in this module.
///
/// A key is `distanceBits << 32 | node`: the IEEE-754 bit pattern of a non-negative `Float32` orders exactly
/// like the float itself, so one `UInt64` comparison compares distances (ties broken by node index, which
/// keeps every search deterministic). The heap is "lazy": a node may be pushed several times and stale
/// entries are skipped when popped, which is faster in practice than decrease-key. Storage is a manually
/// managed buffer to avoid array bounds and uniqueness checks in the hot loop, and the heap is a
/// non-copyable struct (not a class) so its fields are checked statically: class properties would pay a
/// dynamic exclusivity check on every push and pop.
struct PackedMinHeap: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    /// Number of entries currently in the heap.
    private(set) var count = 0

    /// Creates an empty heap with room for `initialCapacity` entries before growing.
    init(initialCapacity: Int = 1 << 12) {
        capacity = max(16, initialCapacity)
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// Packs a distance and node index into one ordered key.
    @inline(__always)
    static func key(_ distance: Float32, _ node: Int32) -> UInt64 {
        UInt64(distance.bitPattern) << 32 | UInt64(UInt32(bitPattern: node))
    }

    /// The distance half of a packed key.
    @inline(__always)
    static func distance(_ key: UInt64) -> Float32 { Float32(bitPattern: UInt32(truncatingIfNeeded: key >> 32)) }

    /// The node half of a packed key.
    @inline(__always)
    static func node(_ key: UInt64) -> Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: key)) }

    /// True when no entries are left.
    var isEmpty: Bool { count == 0 }

    /// Drops all entries, keeping the allocation for the next search.
    mutating func removeAll() { count = 0 }

    /// Inserts a key (sift-up).
    @inline(__always)
    mutating func push(_ key: UInt64) {
        if count == capacity { grow() }
        var hole = count
        count += 1
        while hole > 0 {
            let parent = (hole - 1) >> 2
            let parentKey = storage[parent]
            if parentKey <= key { break }
            storage[hole] = parentKey
            hole = parent
        }
        storage[hole] = key
    }

    /// Removes and returns the smallest key; the heap must not be empty.
    @inline(__always)
    mutating func popMin() -> UInt64 {
        let top = storage[0]
        count -= 1
        if count > 0 {
            let last = storage[count]
            var hole = 0
            while true {
                let first = hole << 2 + 1
                if first >= count { break }
                // Find the smallest of up to four children.
                var best = first
                var bestKey = storage[first]
                let end = min(first + 4, count)
                var c = first + 1
                while c < end {
                    let k = storage[c]
                    if k < bestKey {
                        bestKey = k
                        best = c
                    }
                    c += 1
                }
                if bestKey >= last { break }
                storage[hole] = bestKey
                hole = best
            }
            storage[hole] = last
        }
        return top
    }

    /// Doubles the capacity.
    private mutating func grow() {
        let newCapacity = capacity * 2
        let newStorage = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
        newStorage.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
