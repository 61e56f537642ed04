import CZlib

/// Splits an `.osm.pbf` file into its blobs and inflates them.
///
/// File layout: repeated [4-byte big-endian BlobHeader length][BlobHeader][Blob]. BlobHeader has `type`
/// ("OSMHeader" or "OSMData", field 1) and `datasize` (field 3); Blob holds `raw` (1), `raw_size` (2) and
/// `zlib_data` (3). Other compressions (lzma, lz4, zstd) are reported as unsupported.
struct PBFBlobReader {
    /// One decoded blob.
    struct Blob {
        /// "OSMHeader" or "OSMData" (other types are passed through for the caller to skip).
        let type: String
        /// Uncompressed payload.
        let payload: [UInt8]
    }

    private let bytes: [UInt8]
    private var position = 0

    /// Reads blobs from a whole file held in memory.
    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The next blob, or nil at the end of the file.
    mutating func next() throws(PBFError) -> Blob? {
        guard position < bytes.count else { return nil }
        guard bytes.count - position >= 4 else { throw PBFError.truncated("blob header length") }
        let headerLength =
            Int(bytes[position]) << 24 | Int(bytes[position + 1]) << 16
            | Int(bytes[position + 2]) << 8 | Int(bytes[position + 3])
        position += 4
        guard headerLength <= 64 * 1024, bytes.count - position >= headerLength else {
            throw PBFError.malformed("blob header length \(headerLength)")
        }
        var header = ProtobufReader(bytes, range: position..<(position + headerLength))
        position += headerLength
        var type = ""
        var dataSize = -1
        while let field = try header.nextField() {
            switch (field.number, field.wireType) {
            case (1, .lengthDelimited): type = header.string(try header.lengthDelimited())
            case (3, .varint): dataSize = Int(try header.varint())
            default: try header.skip(field.wireType)
            }
        }
        guard dataSize >= 0, dataSize <= 32 * 1024 * 1024, bytes.count - position >= dataSize else {
            throw PBFError.malformed("blob data size \(dataSize)")
        }
        let blobRange = position..<(position + dataSize)
        position += dataSize
        return Blob(type: type, payload: try decodeBlob(blobRange))
    }

    /// Extracts the payload of a Blob message, inflating zlib data.
    private func decodeBlob(_ range: Range<Int>) throws(PBFError) -> [UInt8] {
        var blob = ProtobufReader(bytes, range: range)
        var rawSize = -1
        var raw: Range<Int>?
        var zlib: Range<Int>?
        while let field = try blob.nextField() {
            switch (field.number, field.wireType) {
            case (1, .lengthDelimited): raw = try blob.lengthDelimited()
            case (2, .varint): rawSize = Int(try blob.varint())
            case (3, .lengthDelimited): zlib = try blob.lengthDelimited()
            case (4, _), (6, _), (7, _): throw PBFError.unsupported("blob compression other than zlib")
            default: try blob.skip(field.wireType)
            }
        }
        if let raw { return Array(bytes[raw]) }
        guard let zlib else { throw PBFError.malformed("blob without data") }
        guard rawSize >= 0, rawSize <= 64 * 1024 * 1024 else { throw PBFError.malformed("raw_size \(rawSize)") }
        return try Self.inflate(bytes, range: zlib, rawSize: rawSize)
    }

    /// Inflates a zlib stream whose uncompressed size is known (`raw_size`).
    static func inflate(_ bytes: [UInt8], range: Range<Int>, rawSize: Int) throws(PBFError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: rawSize)
        var outLength = uLongf(rawSize)
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &outLength, input.baseAddress! + range.lowerBound, uLong(range.count))
            }
        }
        guard status == Z_OK, Int(outLength) == rawSize else {
            throw PBFError.malformed("zlib inflate failed (status \(status))")
        }
        return output
    }
}
