/// A mainland China mobile number: 11 digits, `1` then `3`–`9`.
public enum PhoneNumber {
    /// Whether `text` is a mainland mobile number (no country code, no spaces).
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 11, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return bytes[0] == 0x31 && bytes[1] >= 0x33
    }

    /// Shown in APIs and pages: first three and last four digits.
    public static func mask(_ text: String) -> String {
        guard text.count > 7 else { return String(repeating: "*", count: text.count) }
        return String(text.prefix(3)) + String(repeating: "*", count: text.count - 7) + String(text.suffix(4))
    }
}
