/// Maps external node ids (integer or text, kept verbatim as bytes) to dense graph indices and back.
///
/// All ids are stored in one byte buffer with start offsets, so two million ids cost ~12 bytes each instead
/// of a `String` each. Lookup has a fast path for the common case where the ids are the consecutive integers
/// `base, base+1, ...` in file order (then an id is its own index after subtracting `base`); otherwise an
/// open-addressing hash table of `Int32` indices is used.
public struct NodeIdTable: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]
    private var denseBase: Int64?
    private var slots: [Int32] = []
    private var mask = 0

    /// Creates an empty table; add ids with `append` and then call `finalize`.
    public init() {}

    /// Creates a finalized table from integer ids (e.g. OSM node ids). Returns nil position of a duplicate.
    public init(integers: [Int64]) {
        for id in integers { append(Array(String(id).utf8)[...]) }
        _ = finalize()
    }

    /// Number of ids.
    public var count: Int { starts.count - 1 }

    /// Bytes used by the table (id text, offsets and hash slots).
    public var memoryBytes: Int { bytes.count + starts.count * 4 + slots.count * 4 }

    /// Appends the next id (its index is the previous `count`).
    public mutating func append(_ id: some Collection<UInt8>) {
        bytes.append(contentsOf: id)
        starts.append(Int32(bytes.count))
    }

    /// Builds the lookup structure. Returns the index of the first id that duplicates an earlier one, if any.
    public mutating func finalize() -> Int? {
        if let base = detectDenseBase() {
            denseBase = base
            slots = []
            return nil
        }
        denseBase = nil
        var size = 16
        while size < count * 2 { size <<= 1 }
        mask = size - 1
        slots = [Int32](repeating: -1, count: size)
        for index in 0..<count {
            let found: Int? = withIdBytes(index) { id in
                var slot = Self.hash(id) & mask
                while slots[slot] >= 0 {
                    if equal(Int(slots[slot]), id) { return index }
                    slot = (slot + 1) & mask
                }
                slots[slot] = Int32(index)
                return nil
            }
            if let found { return found }
        }
        return nil
    }

    /// Index of the id whose bytes are `id`, or nil.
    @inline(__always)
    public func index(of id: UnsafeBufferPointer<UInt8>) -> Int32? {
        if let base = denseBase {
            guard let value = Self.canonicalInteger(id) else { return nil }
            let index = value &- base
            return index >= 0 && index < Int64(count) ? Int32(index) : nil
        }
        var slot = Self.hash(id) & mask
        while true {
            let candidate = slots[slot]
            if candidate < 0 { return nil }
            if equal(Int(candidate), id) { return candidate }
            slot = (slot + 1) & mask
        }
    }

    /// Index of the id `text`, or nil.
    public func index(of text: String) -> Int32? {
        var copy = Array(text.utf8)
        return copy.withUnsafeMutableBufferPointer { index(of: UnsafeBufferPointer($0)) }
    }

    /// The id at `index` as text.
    public func id(at index: Int) -> String {
        String(decoding: bytes[Int(starts[index])..<Int(starts[index + 1])], as: UTF8.self)
    }

    /// Calls `body` with the bytes of the id at `index`.
    public func withIdBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[Int(starts[index])..<Int(starts[index + 1])]))
        }
    }

    /// Whether the id at `index` has exactly the bytes `id`.
    @inline(__always)
    private func equal(_ index: Int, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[index])
        let end = Int(starts[index + 1])
        guard end - start == id.count else { return false }
        var i = 0
        while i < id.count {
            if bytes[start + i] != id[i] { return false }
            i += 1
        }
        return true
    }

    /// If every id is the canonical decimal `base + index`, returns `base`.
    private func detectDenseBase() -> Int64? {
        guard count > 0 else { return nil }
        return bytes.withUnsafeBufferPointer { all -> Int64? in
            let slice = { (i: Int) in UnsafeBufferPointer(rebasing: all[Int(starts[i])..<Int(starts[i + 1])]) }
            guard let base = Self.canonicalInteger(slice(0)) else { return nil }
            for i in 1..<count where Self.canonicalInteger(slice(i)) != base &+ Int64(i) { return nil }
            return base
        }
    }

    /// Parses a canonical non-negative decimal (no sign, no leading zeros, at most 18 digits).
    @inline(__always)
    static func canonicalInteger(_ s: UnsafeBufferPointer<UInt8>) -> Int64? {
        let n = s.count
        guard n > 0 && n <= 18 else { return nil }
        if s[0] == 48 && n > 1 { return nil }
        var value: Int64 = 0
        for b in s {
            guard b >= 48 && b <= 57 else { return nil }
            value = value * 10 + Int64(b - 48)
        }
        return value
    }

    /// FNV-1a style hash with a final avalanche so sequential ids spread over the table.
    @inline(__always)
    static func hash(_ s: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h ^= h >> 29
        h = h &* 0xbf58_476d_1ce4_e5b9
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }
}
