/// Finds control characters in request input: C0 characters (U+0000–U+001F) and DEL, which no field of the platform
/// accepts (PostgreSQL cannot even store U+0000), except tab, line feed and carriage return where multi-line text
/// is allowed.
public enum ControlCharacters {
    /// Whether `text` has a control character, tab and line breaks included unless `allowLineBreaks`.
    public static func contains(_ text: some StringProtocol, allowLineBreaks: Bool = false) -> Bool {
        text.utf8.contains { Self.isControl($0, allowLineBreaks: allowLineBreaks) }
    }

    static func isControl(_ byte: UInt8, allowLineBreaks: Bool) -> Bool {
        guard byte < 0x20 || byte == 0x7F else { return false }
        return !(allowLineBreaks && (byte == 0x09 || byte == 0x0A || byte == 0x0D))
    }

    /// Whether percent-encoded text (a URI, a form body) has a control character raw or as `%XX`; `+` stays a space.
    public static func inPercentEncoded(_ bytes: some Collection<UInt8>, allowLineBreaks: Bool = false) -> Bool {
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            if Self.isControl(byte, allowLineBreaks: allowLineBreaks) { return true }
            guard byte == UInt8(ascii: "%") else { continue }
            guard let high = iterator.next(), let low = iterator.next() else { return false }
            if let value = Self.hexValue(high, low), Self.isControl(value, allowLineBreaks: allowLineBreaks) {
                return true
            }
        }
        return false
    }

    /// Whether JSON text has a control character in a string: raw (invalid JSON anyway) or as an escape (`\u0000`,
    /// `\b`, `\f`; `\t`, `\n` and `\r` only when line breaks are not allowed).
    public static func inJSON(_ bytes: some Collection<UInt8>, allowLineBreaks: Bool = true) -> Bool {
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            if Self.isControl(byte, allowLineBreaks: true) { return true }
            guard byte == UInt8(ascii: "\\"), let escaped = iterator.next() else { continue }
            switch escaped {
            case UInt8(ascii: "b"), UInt8(ascii: "f"): return true
            case UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "r"): if !allowLineBreaks { return true }
            case UInt8(ascii: "u"):
                var digits: [UInt8] = []
                while digits.count < 4, let digit = iterator.next() { digits.append(digit) }
                guard digits.count == 4, digits[0] == UInt8(ascii: "0"), digits[1] == UInt8(ascii: "0"),
                    let value = Self.hexValue(digits[2], digits[3])
                else { continue }
                if Self.isControl(value, allowLineBreaks: allowLineBreaks) { return true }
            default: continue
            }
        }
        return false
    }

    private static func hexValue(_ high: UInt8, _ low: UInt8) -> UInt8? {
        guard let h = Self.nibble(high), let l = Self.nibble(low) else { return nil }
        return h << 4 | l
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
