extension Collection {
    /// Consecutive slices of at most `size` elements, in order (for batched inserts).
    public func chunked(into size: Int) -> [SubSequence] {
        precondition(size > 0, "chunk size must be positive")
        var chunks: [SubSequence] = []
        var start = self.startIndex
        while start != self.endIndex {
            let end = self.index(start, offsetBy: size, limitedBy: self.endIndex) ?? self.endIndex
            chunks.append(self[start..<end])
            start = end
        }
        return chunks
    }
}
