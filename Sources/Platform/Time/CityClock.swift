import Foundation

/// The city's wall clock: Chengdu keeps China Standard Time (UTC+8, no daylight saving), so local days and times
/// are a fixed offset from Unix time.
public enum CityClock {
    /// Seconds east of UTC.
    public static let offset: Int64 = 8 * 3600

    /// The current Unix time in seconds.
    public static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

    /// The Unix time at which the local day `YYYY-MM-DD` begins; nil when the text is not a real date.
    public static func startOfDay(_ text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1970...9999).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let days = self.daysFromCivil(year: year, month: month, day: day)
        // Reject 2025-02-30 and the like: the day must survive the round trip.
        guard self.localDate(days * 86_400 - self.offset) == text else { return nil }
        return days * 86_400 - self.offset
    }

    /// The local date `YYYY-MM-DD` of a Unix time.
    public static func localDate(_ unix: Int64) -> String {
        var text = Text()
        self.appendDate(unix, to: &text)
        return text.string
    }

    /// `YYYY-MM-DD HH:MM` in local time.
    public static func localDateTime(_ unix: Int64) -> String {
        var text = Text()
        self.appendDate(unix, to: &text)
        text.byte(0x20)
        self.appendTime(unix, seconds: false, to: &text)
        return text.string
    }

    /// `HH:MM` in local time.
    public static func localTime(_ unix: Int64) -> String {
        var text = Text()
        self.appendTime(unix, seconds: false, to: &text)
        return text.string
    }

    /// RFC 3339 with the city's offset (`2025-03-01T09:30:00+08:00`), the form the API uses.
    public static func rfc3339(_ unix: Int64) -> String {
        var text = Text()
        self.appendDate(unix, to: &text)
        text.byte(0x54)  // T
        self.appendTime(unix, seconds: true, to: &text)
        text.bytes.append(contentsOf: "+08:00".utf8)
        return text.string
    }

    /// ASCII being built; digits are written by hand because `String(format:)` goes through CFString and cost a
    /// tenth of a listing's time (every API item carries several times).
    struct Text {
        var bytes: [UInt8] = []

        init() { self.bytes.reserveCapacity(25) }

        mutating func byte(_ byte: UInt8) { self.bytes.append(byte) }

        /// `value` (not negative) in at least `width` decimal digits, zero-padded.
        mutating func digits(_ value: Int64, width: Int) {
            var count = 1
            var power: Int64 = 10
            while power <= value {
                count += 1
                power *= 10
            }
            var divisor: Int64 = 1
            for _ in 1..<max(count, width) { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                self.bytes.append(0x30 + UInt8(rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }

        var string: String { String(decoding: self.bytes, as: UTF8.self) }
    }

    private static func appendDate(_ unix: Int64, to text: inout Text) {
        let (y, m, d) = self.civil(fromDays: Self.floorDiv(unix + self.offset, 86_400))
        text.digits(Int64(y), width: 4)
        text.byte(0x2D)
        text.digits(Int64(m), width: 2)
        text.byte(0x2D)
        text.digits(Int64(d), width: 2)
    }

    private static func appendTime(_ unix: Int64, seconds: Bool, to text: inout Text) {
        let local = Self.floorMod(unix + self.offset, 86_400)
        text.digits(local / 3600, width: 2)
        text.byte(0x3A)
        text.digits((local % 3600) / 60, width: 2)
        if seconds {
            text.byte(0x3A)
            text.digits(local % 60, width: 2)
        }
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { (a - Self.floorMod(a, b)) / b }
    private static func floorMod(_ a: Int64, _ b: Int64) -> Int64 { ((a % b) + b) % b }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }
}
