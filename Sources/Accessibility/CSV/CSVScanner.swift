#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A field of a CSV record: a byte range into the file buffer (quotes already stripped).
struct CSVField {
    /// First byte of the field content.
    var start: Int
    /// One past the last byte.
    var end: Int
    /// True when the field was quoted and contains doubled quotes that must be unescaped.
    var hasEscapes: Bool
}

/// Hand-written CSV tokenizer over an in-memory byte buffer (RFC 4180 quoting, LF or CRLF, optional BOM).
///
/// It yields one record at a time as field ranges, without allocating per line; blank lines are skipped.
/// The caller must keep the buffer alive while scanning.
struct CSVScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// 1-based line number of the record most recently returned.
    private(set) var line = 0
    private var nextLine = 1
    private let file: String

    /// Starts scanning `bytes`, which came from `file` (used in error messages).
    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { position = 3 }
    }

    /// Reads the next non-blank record into `fields`; returns false at end of file.
    mutating func next(into fields: inout [CSVField]) throws(AccessError) -> Bool {
        fields.removeAll(keepingCapacity: true)
        let n = bytes.count
        while position < n {
            line = nextLine
            // Blank line (LF or CRLF): skip.
            if bytes[position] == 10 {
                position += 1
                nextLine += 1
                continue
            }
            if bytes[position] == 13 && position + 1 < n && bytes[position + 1] == 10 {
                position += 2
                nextLine += 1
                continue
            }
            while true {
                if position < n && bytes[position] == UInt8(ascii: "\"") {
                    try readQuoted(into: &fields)
                } else {
                    let start = position
                    while position < n {
                        let b = bytes[position]
                        if b == 44 || b == 10 { break }
                        position += 1
                    }
                    var end = position
                    if end > start && bytes[end - 1] == 13 && (position == n || bytes[position] == 10) { end -= 1 }
                    fields.append(CSVField(start: start, end: end, hasEscapes: false))
                }
                if position < n && bytes[position] == 44 {
                    position += 1
                    continue
                }
                if position < n { position += 1 }  // the newline
                nextLine += 1
                return true
            }
        }
        return false
    }

    /// Reads a quoted field starting at the opening quote.
    private mutating func readQuoted(into fields: inout [CSVField]) throws(AccessError) {
        let n = bytes.count
        position += 1
        let start = position
        var escapes = false
        while true {
            guard position < n else { throw AccessError(file: file, line: line, reason: "unterminated quoted field") }
            let b = bytes[position]
            if b == 10 { nextLine += 1 }
            if b == UInt8(ascii: "\"") {
                if position + 1 < n && bytes[position + 1] == UInt8(ascii: "\"") {
                    escapes = true
                    position += 2
                    continue
                }
                break
            }
            position += 1
        }
        let end = position
        position += 1
        if position < n && bytes[position] == 13 { position += 1 }
        guard position >= n || bytes[position] == 44 || bytes[position] == 10 else {
            throw AccessError(file: file, line: line, reason: "unexpected character after closing quote")
        }
        fields.append(CSVField(start: start, end: end, hasEscapes: escapes))
    }

    /// The bytes of `field`, unescaped.
    func raw(_ field: CSVField) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(field.end - field.start)
        var i = field.start
        while i < field.end {
            out.append(bytes[i])
            i += (field.hasEscapes && bytes[i] == UInt8(ascii: "\"")) ? 2 : 1
        }
        return out
    }

    /// The text of `field`.
    func text(_ field: CSVField) -> String { String(decoding: raw(field), as: UTF8.self) }

    /// The field as a pointer slice when it has no escapes (the common case, avoids copying).
    func slice(_ field: CSVField) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    }

    /// Parses `field` as a decimal number (plain or scientific); nil if it is not one.
    func number(_ field: CSVField) -> Double? {
        NumberParser.parse(slice(field))
    }
}

/// Fast decimal-number parsing for CSV fields.
enum NumberParser {
    /// Powers of ten that are exact in a Double.
    private static let exactPowers: [Double] = (0...22).map { i in
        var p = 1.0
        for _ in 0..<i { p *= 10 }
        return p
    }

    /// Parses optional sign, digits, optional fraction and exponent. Short mantissas (the usual case) are
    /// converted as `integer / 10^k`, which is correctly rounded because both operands are exact; anything
    /// else falls back to `strtod`.
    static func parse(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let n = s.count
        guard n > 0 else { return nil }
        var negative = false
        if s[0] == UInt8(ascii: "-") || s[0] == UInt8(ascii: "+") {
            negative = s[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var significant = 0
        var sawDot = false
        while i < n {
            let c = s[i]
            if c >= 48 && c <= 57 {
                if significant > 0 || c != 48 { significant += 1 }
                if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(c - 48) }
                digits += 1
                if sawDot { fractionDigits += 1 }
            } else if c == UInt8(ascii: ".") && !sawDot {
                sawDot = true
            } else {
                break
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        if i < n {
            guard s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") else { return nil }
            return slowParse(s)
        }
        if significant <= 15 && fractionDigits <= 22 {
            let value = Double(mantissa) / exactPowers[fractionDigits]
            return negative ? -value : value
        }
        return slowParse(s)
    }

    /// `strtod` on a NUL-terminated copy; requires the whole field to be consumed.
    private static func slowParse(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        var copy = [CChar](repeating: 0, count: s.count + 1)
        for i in 0..<s.count { copy[i] = CChar(bitPattern: s[i]) }
        return copy.withUnsafeBufferPointer { p -> Double? in
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(p.baseAddress!, &end)
            guard let end, end - UnsafeMutablePointer(mutating: p.baseAddress!) == s.count else { return nil }
            return value
        }
    }
}
