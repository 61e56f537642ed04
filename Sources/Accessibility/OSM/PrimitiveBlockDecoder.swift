/// Decodes one OSM PBF `PrimitiveBlock` (an inflated "OSMData" blob) into nodes and ways.
///
/// PrimitiveBlock: stringtable (1), primitivegroup (2, repeated), granularity (17, default 100 nanodegrees),
/// lat_offset (19), lon_offset (20). PrimitiveGroup: nodes (1), dense (2), ways (3); relations (4) and
/// changesets (5) are skipped. Coordinates are `1e-9 * (offset + granularity * value)` degrees.
struct PrimitiveBlockDecoder {
    /// Receives decoded elements.
    protocol Sink {
        /// A node with its coordinates and tags (tags empty for most nodes).
        mutating func node(id: Int64, lon: Double, lat: Double, tags: OSMTags)
        /// A way with its node references and tags.
        mutating func way(id: Int64, refs: [Int64], tags: OSMTags)
    }

    private var strings: [String] = []
    private var granularity: Int64 = 100
    private var latOffset: Int64 = 0
    private var lonOffset: Int64 = 0

    /// Decodes `payload` and sends every node and way to `sink`.
    static func decode(_ payload: [UInt8], into sink: inout some Sink) throws(PBFError) {
        var decoder = PrimitiveBlockDecoder()
        var reader = ProtobufReader(payload)
        var groups: [Range<Int>] = []
        // Groups may precede granularity/offsets in the byte stream, so collect them first.
        while let field = try reader.nextField() {
            switch (field.number, field.wireType) {
            case (1, .lengthDelimited): decoder.strings = try Self.stringTable(reader.message())
            case (2, .lengthDelimited): groups.append(try reader.lengthDelimited())
            case (17, .varint): decoder.granularity = Int64(try reader.varint())
            case (19, .varint): decoder.latOffset = Int64(bitPattern: try reader.varint())
            case (20, .varint): decoder.lonOffset = Int64(bitPattern: try reader.varint())
            default: try reader.skip(field.wireType)
            }
        }
        for range in groups {
            var group = ProtobufReader(payload, range: range)
            while let field = try group.nextField() {
                switch (field.number, field.wireType) {
                case (1, .lengthDelimited): try decoder.plainNode(group.message(), into: &sink)
                case (2, .lengthDelimited): try decoder.denseNodes(group.message(), into: &sink)
                case (3, .lengthDelimited): try decoder.way(group.message(), into: &sink)
                default: try group.skip(field.wireType)
                }
            }
        }
    }

    /// StringTable: repeated bytes s = 1.
    private static func stringTable(_ message: ProtobufReader) throws(PBFError) -> [String] {
        var reader = message
        var table: [String] = []
        while let field = try reader.nextField() {
            if field.number == 1 && field.wireType == .lengthDelimited {
                table.append(reader.string(try reader.lengthDelimited()))
            } else {
                try reader.skip(field.wireType)
            }
        }
        return table
    }

    /// Converts raw coordinates to degrees.
    private func degrees(lat: Int64, lon: Int64) -> (lon: Double, lat: Double) {
        (Double(lonOffset + granularity * lon) * 1e-9, Double(latOffset + granularity * lat) * 1e-9)
    }

    /// Looks up a string-table index.
    private func string(_ index: UInt64) throws(PBFError) -> String {
        guard index < UInt64(strings.count) else { throw PBFError.malformed("string index \(index) out of range") }
        return strings[Int(index)]
    }

    /// Builds tags from parallel key/value index lists.
    private func tags(keys: [UInt64], values: [UInt64]) throws(PBFError) -> OSMTags {
        guard keys.count == values.count else { throw PBFError.malformed("keys and vals differ in length") }
        var pairs: [(key: String, value: String)] = []
        pairs.reserveCapacity(keys.count)
        for i in 0..<keys.count { pairs.append((try string(keys[i]), try string(values[i]))) }
        return OSMTags(pairs)
    }

    /// Node: id (1, sint64), keys (2), vals (3), lat (8, sint64), lon (9, sint64).
    private func plainNode(_ message: ProtobufReader, into sink: inout some Sink) throws(PBFError) {
        var reader = message
        var id: Int64 = 0
        var lat: Int64 = 0
        var lon: Int64 = 0
        var keys: [UInt64] = []
        var values: [UInt64] = []
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.signedVarint()
            case 2: try reader.packedVarints(field.wireType, into: &keys)
            case 3: try reader.packedVarints(field.wireType, into: &values)
            case 8: lat = try reader.signedVarint()
            case 9: lon = try reader.signedVarint()
            default: try reader.skip(field.wireType)
            }
        }
        let position = degrees(lat: lat, lon: lon)
        sink.node(id: id, lon: position.lon, lat: position.lat, tags: try tags(keys: keys, values: values))
    }

    /// DenseNodes: delta-coded id (1), lat (8), lon (9); keys_vals (10) as `k v k v ... 0` per node.
    private func denseNodes(_ message: ProtobufReader, into sink: inout some Sink) throws(PBFError) {
        var reader = message
        var ids: [Int64] = []
        var lats: [Int64] = []
        var lons: [Int64] = []
        var keysVals: [UInt64] = []
        while let field = try reader.nextField() {
            switch field.number {
            case 1: try reader.packedSignedVarints(field.wireType, into: &ids)
            case 8: try reader.packedSignedVarints(field.wireType, into: &lats)
            case 9: try reader.packedSignedVarints(field.wireType, into: &lons)
            case 10: try reader.packedVarints(field.wireType, into: &keysVals)
            default: try reader.skip(field.wireType)
            }
        }
        guard ids.count == lats.count && ids.count == lons.count else {
            throw PBFError.malformed("dense node arrays differ in length")
        }
        var id: Int64 = 0
        var lat: Int64 = 0
        var lon: Int64 = 0
        var kv = 0
        for i in 0..<ids.count {
            id &+= ids[i]
            lat &+= lats[i]
            lon &+= lons[i]
            var pairs: [(key: String, value: String)] = []
            // keys_vals is empty when no node in the block has tags.
            if !keysVals.isEmpty {
                while kv < keysVals.count && keysVals[kv] != 0 {
                    guard kv + 1 < keysVals.count else { throw PBFError.malformed("odd keys_vals") }
                    pairs.append((try string(keysVals[kv]), try string(keysVals[kv + 1])))
                    kv += 2
                }
                kv += 1  // the 0 delimiter
            }
            let position = degrees(lat: lat, lon: lon)
            sink.node(id: id, lon: position.lon, lat: position.lat, tags: OSMTags(pairs))
        }
    }

    /// Way: id (1), keys (2), vals (3), refs (8, delta-coded sint64).
    private func way(_ message: ProtobufReader, into sink: inout some Sink) throws(PBFError) {
        var reader = message
        var id: Int64 = 0
        var keys: [UInt64] = []
        var values: [UInt64] = []
        var deltas: [Int64] = []
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = Int64(bitPattern: try reader.varint())
            case 2: try reader.packedVarints(field.wireType, into: &keys)
            case 3: try reader.packedVarints(field.wireType, into: &values)
            case 8: try reader.packedSignedVarints(field.wireType, into: &deltas)
            default: try reader.skip(field.wireType)
            }
        }
        var refs = [Int64](repeating: 0, count: deltas.count)
        var running: Int64 = 0
        for i in 0..<deltas.count {
            running &+= deltas[i]
            refs[i] = running
        }
        sink.way(id: id, refs: refs, tags: try tags(keys: keys, values: values))
    }
}
