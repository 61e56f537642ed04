/// SplitMix64 keyed by seed and stream, so every block and household of the demo city draws from its own stream
/// and the city never depends on generation order.
struct DemoRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64, stream: UInt64, substream: UInt64 = 0) {
        self.state = seed &+ stream &* 0x9E37_79B9_7F4A_7C15 &+ substream &* 0xD1B5_4A32_D192_ED03 &+ 0x4C49_4645
        _ = self.next()
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(self.next() >> 11) / Double(1 << 53) }

    /// Uniform in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(self.next() % UInt64(range.count))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { self.unit() < p }
}
