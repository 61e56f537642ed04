/// A resident identity card number (居民身份证号码) under GB 11643-1999: 6-digit region, 8-digit birth date,
/// 3-digit sequence (odd for men) and a check character over the first 17 (ISO 7064 MOD 11-2).
public struct IDNumber: Sendable, Hashable, CustomStringConvertible {
    /// The 18 characters, upper-case `X` for a check value of 10.
    public let value: String

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Why a number was refused.
    public enum Invalid: Error, Equatable, Sendable {
        case length
        case characters
        case birthDate
        case checkDigit
    }

    /// Validates format, birth date (a real date from 1900-01-01 up to today in the city, `now` being the current
    /// time) and check character (not the region; callers check that it exists).
    public init(validating text: String, now: Int64 = CityClock.now()) throws(Invalid) {
        let upper = text.uppercased()
        let characters = Array(upper)
        guard characters.count == 18 else { throw .length }
        guard characters[..<17].allSatisfy(\.isASCIIDigit), characters[17].isASCIIDigit || characters[17] == "X" else {
            throw .characters
        }
        let digits = characters[..<17].map { Int($0.asciiValue! - 48) }
        guard Self.isRealDate(year: digits[6..<10], month: digits[10..<12], day: digits[12..<14]) else {
            throw .birthDate
        }
        // Nobody is born after today (city time); `YYYYMMDD` compares as text.
        let birth = String(upper.dropFirst(6).prefix(8))
        guard birth <= CityClock.localDate(now).filter({ $0 != "-" }) else { throw .birthDate }
        guard Self.checkCharacter(for: digits) == characters[17] else { throw .checkDigit }
        self.value = upper
    }

    /// Builds a number from its parts, computing the check character (used for synthetic demo residents).
    public init(region: String, year: Int, month: Int, day: Int, sequence: Int) {
        var body = region
        body += zeroPadded(year, 4) + zeroPadded(month, 2) + zeroPadded(day, 2)
        body += zeroPadded(sequence % 1000, 3)
        let digits = body.map { Int($0.asciiValue! - 48) }
        self.value = body + String(Self.checkCharacter(for: digits))
    }

    /// The 6-digit region code.
    public var region: String { String(self.value.prefix(6)) }
    /// Birth date as `YYYY-MM-DD`.
    public var birthDate: String {
        let chars = Array(self.value)
        return String(chars[6..<10]) + "-" + String(chars[10..<12]) + "-" + String(chars[12..<14])
    }
    /// Whether the 17th digit is odd (men) or even (women).
    public var isMale: Bool { Int(Array(self.value)[16].asciiValue! - 48) % 2 == 1 }
    /// Shown in APIs and pages: first three and last four characters.
    public var masked: String { Self.mask(self.value) }
    public var description: String { self.masked }

    /// Masks any ID-like string, keeping the first three and last four characters.
    public static func mask(_ text: String) -> String {
        guard text.count > 7 else { return String(repeating: "*", count: text.count) }
        return String(text.prefix(3)) + String(repeating: "*", count: text.count - 7) + String(text.suffix(4))
    }

    private static func checkCharacter(for digits: [Int]) -> Character {
        var sum = 0
        for (digit, weight) in zip(digits, self.weights) { sum += digit * weight }
        return self.checkCharacters[sum % 11]
    }

    private static func isRealDate(year: ArraySlice<Int>, month: ArraySlice<Int>, day: ArraySlice<Int>) -> Bool {
        let y = year.reduce(0) { $0 * 10 + $1 }
        let m = month.reduce(0) { $0 * 10 + $1 }
        let d = day.reduce(0) { $0 * 10 + $1 }
        guard (1900...9999).contains(y), (1...12).contains(m), d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { self.isASCII && self.isNumber }
}

/// `value` in decimal with zeros on the left up to `width` digits.
func zeroPadded(_ value: Int, _ width: Int) -> String {
    let digits = "\(value)"
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
