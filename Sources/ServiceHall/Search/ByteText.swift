/// Lower-cased UTF-8 text compared byte by byte: substring tests on UTF-8 bytes are exact (UTF-8 is
/// self-synchronising), and many times faster than `String`'s Unicode-aware `contains`, which made search cost a
/// millisecond per request.
struct ByteText: Sendable, Equatable {
    let bytes: [UInt8]

    /// `text`, lower-cased.
    init(_ text: String) {
        self.bytes = Array(text.lowercased().utf8)
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isEmpty: Bool { self.bytes.isEmpty }

    func hasPrefix(_ other: ByteText) -> Bool {
        self.bytes.count >= other.bytes.count && self.bytes.starts(with: other.bytes)
    }

    /// Whether `needle` occurs anywhere in this text.
    func contains(_ needle: ByteText) -> Bool {
        let count = needle.bytes.count
        guard count > 0 else { return true }
        guard count <= self.bytes.count else { return false }
        return self.bytes.withUnsafeBufferPointer { haystack in
            needle.bytes.withUnsafeBufferPointer { needle in
                let first = needle[0]
                var index = 0
                let last = haystack.count - count
                while index <= last {
                    if haystack[index] == first {
                        var offset = 1
                        while offset < count, haystack[index + offset] == needle[offset] { offset += 1 }
                        if offset == count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
