import Foundation

/// Identifiers that sort by creation time: 12 hex digits of Unix milliseconds, then 12 random hex digits.
///
/// Listings ordered by such an id are in creation order, so a cursor needs nothing but the last id.
public enum SortableID {
    /// A fresh id (24 lower-case hex characters).
    public static func make(at date: Date = Date()) -> String {
        let millis = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var generator = SystemRandomNumberGenerator()
        let random = (0..<6).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let time = (0..<6).reversed().map { UInt8(truncatingIfNeeded: millis >> (8 * UInt64($0))) }
        return (time + random).hexString
    }

    /// Whether `text` has the shape of an id made by ``make(at:)`` (cheap check before a look-up).
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 24 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
