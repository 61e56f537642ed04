/// SVG markup built as UTF-8 bytes: text appended as is, coordinates written with one decimal by integer
/// arithmetic (Foundation's `String(format:)` costs about a microsecond a number, and a map has thousands).
struct SVGText {
    private(set) var bytes: [UInt8] = []

    /// Starts empty, with room for `capacity` bytes.
    init(capacity: Int) {
        self.bytes.reserveCapacity(capacity)
    }

    /// Appends markup (already escaped where it holds user text).
    mutating func add(_ text: String) {
        self.bytes.append(contentsOf: text.utf8)
    }

    /// Appends a number rounded to one decimal, `-12.3`, `0.0`; a value that is not finite is written as `0.0`.
    mutating func add(_ value: Double) {
        guard value.isFinite, abs(value) < 1e15 else {
            self.add("0.0")
            return
        }
        var tenths = Int((value * 10).rounded())
        if tenths < 0 {
            self.bytes.append(UInt8(ascii: "-"))
            tenths = -tenths
        }
        self.addDigits(tenths / 10)
        self.bytes.append(UInt8(ascii: "."))
        self.bytes.append(UInt8(ascii: "0") + UInt8(tenths % 10))
    }

    private mutating func addDigits(_ value: Int) {
        if value >= 10 { self.addDigits(value / 10) }
        self.bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// The markup as a string.
    var text: String { String(decoding: self.bytes, as: UTF8.self) }
}
