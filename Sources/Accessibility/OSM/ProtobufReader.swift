/// A minimal protocol-buffers wire-format reader: varints, zigzag, length-delimited fields and packed
/// repeated fields — exactly what the OSM PBF format needs, with no generated code.
///
/// The reader walks a byte range of a shared buffer; sub-messages are read by creating a reader over the
/// field's range, so nothing is copied.
struct ProtobufReader {
    /// Protobuf wire types used by OSM PBF (groups are not used and are rejected).
    enum WireType: UInt64 {
        case varint = 0
        case fixed64 = 1
        case lengthDelimited = 2
        case fixed32 = 5
    }

    private let bytes: [UInt8]
    private(set) var position: Int
    private let end: Int

    /// Reads `bytes[range]`.
    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        position = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    /// True when the whole range has been consumed.
    var isAtEnd: Bool { position >= end }

    /// Reads a base-128 varint (at most 10 bytes).
    mutating func varint() throws(PBFError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw PBFError.truncated("varint") }
            let b = bytes[position]
            position += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw PBFError.malformed("varint longer than 10 bytes") }
        }
    }

    /// Reads a zigzag-encoded signed varint (`sint32`/`sint64`).
    mutating func signedVarint() throws(PBFError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// Reads the next field key; nil at the end of the message.
    mutating func nextField() throws(PBFError) -> (number: Int, wireType: WireType)? {
        guard !isAtEnd else { return nil }
        let key = try varint()
        guard let type = WireType(rawValue: key & 7) else {
            throw PBFError.malformed("unsupported wire type \(key & 7)")
        }
        return (Int(key >> 3), type)
    }

    /// Reads a length-delimited field and returns its byte range (for strings, bytes and sub-messages).
    mutating func lengthDelimited() throws(PBFError) -> Range<Int> {
        let length = try varint()
        guard length <= UInt64(end - position) else { throw PBFError.truncated("length-delimited field") }
        let start = position
        position += Int(length)
        return start..<position
    }

    /// A reader over a length-delimited sub-message.
    mutating func message() throws(PBFError) -> ProtobufReader {
        ProtobufReader(bytes, range: try lengthDelimited())
    }

    /// Skips a field of the given wire type.
    mutating func skip(_ type: WireType) throws(PBFError) {
        switch type {
        case .varint: _ = try varint()
        case .fixed64: try advance(8)
        case .fixed32: try advance(4)
        case .lengthDelimited: _ = try lengthDelimited()
        }
    }

    /// Reads a packed repeated varint field (or a single unpacked value) and appends to `out`.
    mutating func packedVarints(_ type: WireType, into out: inout [UInt64]) throws(PBFError) {
        if type == .varint {
            out.append(try varint())
            return
        }
        var sub = try message()
        while !sub.isAtEnd { out.append(try sub.varint()) }
    }

    /// Reads a packed repeated zigzag field and appends the decoded values to `out`.
    mutating func packedSignedVarints(_ type: WireType, into out: inout [Int64]) throws(PBFError) {
        if type == .varint {
            out.append(try signedVarint())
            return
        }
        var sub = try message()
        while !sub.isAtEnd { out.append(try sub.signedVarint()) }
    }

    /// The bytes of a range as a String (UTF-8).
    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// Copies a range.
    func data(_ range: Range<Int>) -> [UInt8] { Array(bytes[range]) }

    /// Moves forward `count` bytes.
    private mutating func advance(_ count: Int) throws(PBFError) {
        guard end - position >= count else { throw PBFError.truncated("fixed-width field") }
        position += count
    }
}

/// Errors from reading an `.osm.pbf` file.
public enum PBFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data ends in the middle of an item.
    case truncated(String)
    /// The data is not valid protobuf / OSM PBF.
    case malformed(String)
    /// A feature the reader does not implement (e.g. LZMA blobs, unknown required features).
    case unsupported(String)

    /// Human-readable text.
    public var description: String {
        switch self {
        case .truncated(let what): "truncated data (\(what))"
        case .malformed(let what): "malformed data (\(what))"
        case .unsupported(let what): "unsupported: \(what)"
        }
    }
}
