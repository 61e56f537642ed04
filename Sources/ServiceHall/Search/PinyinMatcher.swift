/// Matches an ASCII query against the pinyin of a Chinese text, by initials (`ybcx` → 医保查询) or by full
/// syllables (`yibao` → 医保…, the last syllable may be cut short), starting at any character.
struct PinyinMatcher: Sendable {
    /// Per position: the possible syllables, as bytes.
    let syllables: [[[UInt8]]]
    /// Per position: the possible first characters as a bit set (bits 0–25 letters, 26–35 digits).
    let initials: [UInt64]

    init(_ text: String) {
        self.syllables = PinyinTable.syllables(of: text).map { $0.map { Array($0.utf8) } }
        self.initials = self.syllables.map { readings in
            readings.reduce(UInt64(0)) { mask, syllable in mask | (syllable.first.map(Self.bit) ?? 0) }
        }
    }

    /// The bit of a lower-case letter or a digit, 0 for anything else.
    static func bit(_ byte: UInt8) -> UInt64 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): 1 << UInt64(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): 1 << UInt64(26 + byte - UInt8(ascii: "0"))
        default: 0
        }
    }

    /// Whether a query is the initials of a run of characters; `bits` are its characters' ``bit(_:)``s.
    func matchesInitials(_ bits: [UInt64]) -> Bool {
        guard bits.count >= 2, bits.count <= self.initials.count else { return false }
        for start in 0...(self.initials.count - bits.count) {
            var offset = 0
            while offset < bits.count, self.initials[start + offset] & bits[offset] != 0 { offset += 1 }
            if offset == bits.count { return true }
        }
        return false
    }

    /// Whether `query` spells a run of syllables from some character on (the last one may be a prefix).
    func matchesSyllables(_ query: [UInt8], firstBit bit: UInt64) -> Bool {
        guard query.count >= 2 else { return false }
        for start in self.syllables.indices where self.initials[start] & bit != 0 {
            if self.match(query, from: 0, at: start) { return true }
        }
        return false
    }

    private func match(_ query: [UInt8], from offset: Int, at position: Int) -> Bool {
        if offset == query.count { return true }
        guard position < self.syllables.count else { return false }
        let rest = query[offset...]
        for syllable in self.syllables[position] {
            if rest.count >= syllable.count {
                if rest.starts(with: syllable), self.match(query, from: offset + syllable.count, at: position + 1) {
                    return true
                }
            } else if syllable.starts(with: rest) {
                return true
            }
        }
        return false
    }
}
