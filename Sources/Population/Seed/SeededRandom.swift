/// A small, fast, deterministic random generator (SplitMix64), so a seed always yields the same demo city.
struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator for a seed and any number of stream identifiers (community index, purpose, …).
    init(seed: UInt64, stream: UInt64 = 0, substream: UInt64 = 0) {
        self.state = seed &+ stream &* 0x9E37_79B9_7F4A_7C15 &+ substream &* 0xD1B5_4A32_D192_ED03
        _ = self.next()
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(self.next() % UInt64(range.count))
    }

    /// A uniform double in [0, 1).
    mutating func unit() -> Double {
        Double(self.next() >> 11) / Double(1 << 53)
    }

    /// An element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        items[Int(self.next() % UInt64(items.count))]
    }
}
