/// A street network loaded from `nodes.csv` (`id,lon,lat`) and `edges.csv` (`from,to,meters`, two-way).
public struct CSVNetwork: Sendable {
    /// External ids in file order; index = graph node index.
    public let ids: NodeIdTable
    /// Longitude per node (degrees).
    public let lon: [Double]
    /// Latitude per node (degrees).
    public let lat: [Double]
    /// The graph (duplicates collapsed to the shortest, self-loops dropped).
    public let graph: StreetGraph

    /// Loads and validates both files; the error names the file, line and reason.
    public static func load(nodesPath: String, edgesPath: String) throws(AccessError) -> CSVNetwork {
        let (ids, lon, lat) = try loadNodes(nodesPath)
        let graph = try loadEdges(edgesPath, ids: ids)
        return CSVNetwork(ids: ids, lon: lon, lat: lat, graph: graph)
    }

    /// Parses `nodes.csv`.
    static func loadNodes(_ path: String) throws(AccessError) -> (NodeIdTable, [Double], [Double]) {
        let data = try ByteFile.read(path)
        var ids = NodeIdTable()
        var lon: [Double] = []
        var lat: [Double] = []
        let estimate = data.count / 28
        lon.reserveCapacity(estimate)
        lat.reserveCapacity(estimate)
        let duplicateLine: Int? = try data.withUnsafeBufferPointer { buffer throws(AccessError) -> Int? in
            var scanner = CSVScanner(bytes: buffer, file: path)
            var fields: [CSVField] = []
            guard try scanner.next(into: &fields) else {
                throw AccessError(file: path, line: nil, reason: "empty file")
            }
            try Self.expectHeader(scanner, fields, ["id", "lon", "lat"], path)
            var lines: [Int32] = []
            while try scanner.next(into: &fields) {
                guard fields.count == 3 else {
                    throw AccessError(
                        file: path, line: scanner.line,
                        reason: "expected 3 columns, found \(fields.count)")
                }
                guard fields[0].end > fields[0].start else {
                    throw AccessError(file: path, line: scanner.line, reason: "empty node id")
                }
                guard let x = scanner.number(fields[1]), x >= -180, x <= 180 else {
                    throw AccessError(
                        file: path, line: scanner.line,
                        reason: "invalid longitude \"\(scanner.text(fields[1]))\"")
                }
                guard let y = scanner.number(fields[2]), y >= -90, y <= 90 else {
                    throw AccessError(
                        file: path, line: scanner.line,
                        reason: "invalid latitude \"\(scanner.text(fields[2]))\"")
                }
                if fields[0].hasEscapes {
                    ids.append(scanner.raw(fields[0]))
                } else {
                    ids.append(scanner.slice(fields[0]))
                }
                lon.append(x)
                lat.append(y)
                lines.append(Int32(truncatingIfNeeded: scanner.line))
            }
            if let duplicate = ids.finalize() { return Int(lines[duplicate]) }
            return nil
        }
        if let duplicateLine {
            throw AccessError(file: path, line: duplicateLine, reason: "duplicate node id")
        }
        return (ids, lon, lat)
    }

    /// Parses `edges.csv` against the node ids.
    static func loadEdges(_ path: String, ids: NodeIdTable) throws(AccessError) -> StreetGraph {
        let data = try ByteFile.read(path)
        var builder = GraphBuilder(nodeCount: ids.count, expectedEdges: data.count / 22)
        try data.withUnsafeBufferPointer { buffer throws(AccessError) in
            var scanner = CSVScanner(bytes: buffer, file: path)
            var fields: [CSVField] = []
            guard try scanner.next(into: &fields) else {
                throw AccessError(file: path, line: nil, reason: "empty file")
            }
            try Self.expectHeader(scanner, fields, ["from", "to", "meters"], path)
            while try scanner.next(into: &fields) {
                guard fields.count == 3 else {
                    throw AccessError(
                        file: path, line: scanner.line,
                        reason: "expected 3 columns, found \(fields.count)")
                }
                let a = try Self.lookup(scanner, fields[0], ids, path)
                let b = try Self.lookup(scanner, fields[1], ids, path)
                guard let meters = scanner.number(fields[2]), meters.isFinite else {
                    throw AccessError(
                        file: path, line: scanner.line,
                        reason: "non-numeric meters \"\(scanner.text(fields[2]))\"")
                }
                guard meters >= 0 else {
                    throw AccessError(
                        file: path, line: scanner.line,
                        reason: "negative meters \(scanner.text(fields[2]))")
                }
                builder.addEdge(a, b, Float32(meters))
            }
        }
        return builder.build()
    }

    /// Resolves a node-id field or throws `unknown node id`.
    @inline(__always)
    static func lookup(
        _ scanner: CSVScanner, _ field: CSVField, _ ids: NodeIdTable,
        _ path: String
    ) throws(AccessError) -> Int32 {
        let found: Int32?
        if field.hasEscapes {
            var raw = scanner.raw(field)
            found = raw.withUnsafeMutableBufferPointer { ids.index(of: UnsafeBufferPointer($0)) }
        } else {
            found = ids.index(of: scanner.slice(field))
        }
        guard let found else {
            throw AccessError(file: path, line: scanner.line, reason: "unknown node id \"\(scanner.text(field))\"")
        }
        return found
    }

    /// Checks the header row's column count (names are compared case-insensitively, trimmed).
    static func expectHeader(
        _ scanner: CSVScanner, _ fields: [CSVField], _ names: [String],
        _ path: String
    ) throws(AccessError) {
        let got = fields.map { scanner.text($0).trimmingSpaces.lowercased() }
        guard got == names else {
            let expected = names.joined(separator: ",")
            let found = got.joined(separator: ",")
            throw AccessError(
                file: path, line: scanner.line,
                reason: "expected header \"\(expected)\", found \"\(found)\"")
        }
    }
}

/// Small text helpers for header parsing.
extension String {
    /// The string without leading/trailing spaces and tabs (no Foundation needed).
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
