/// Matches an ASCII query against the pinyin of a Chinese text, by initials (`ybcx` → 医保查询) or by full
/// syllables (`yibao` → 医保…, the last syllable may be cut short), starting at any character.
struct PinyinMatcher: Sendable {
    /// Per position: the possible syllables.
    let syllables: [[String]]
    /// Per position: the possible first letters.
    let initials: [Set<UInt8>]

    init(_ text: String) {
        self.syllables = PinyinTable.syllables(of: text).map { $0.map { String($0) } }
        self.initials = self.syllables.map { Set($0.compactMap { $0.utf8.first }) }
    }

    /// Whether `query` (lower-case ASCII letters and digits) is the initials of a run of characters.
    func matchesInitials(_ query: [UInt8]) -> Bool {
        guard query.count >= 2, query.count <= self.initials.count else { return false }
        for start in 0...(self.initials.count - query.count) {
            var matched = true
            for (offset, letter) in query.enumerated() where !self.initials[start + offset].contains(letter) {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }

    /// Whether `query` spells a run of syllables from some character on (the last one may be a prefix).
    func matchesSyllables(_ query: [UInt8]) -> Bool {
        guard query.count >= 2 else { return false }
        for start in self.syllables.indices where self.match(query, from: 0, at: start) { return true }
        return false
    }

    private func match(_ query: [UInt8], from offset: Int, at position: Int) -> Bool {
        if offset == query.count { return true }
        guard position < self.syllables.count else { return false }
        let rest = query[offset...]
        for syllable in self.syllables[position] {
            let bytes = Array(syllable.utf8)
            if rest.count >= bytes.count {
                if rest.starts(with: bytes), self.match(query, from: offset + bytes.count, at: position + 1) {
                    return true
                }
            } else if bytes.starts(with: rest) {
                return true
            }
        }
        return false
    }
}
