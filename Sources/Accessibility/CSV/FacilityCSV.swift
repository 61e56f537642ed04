/// Loads `facilities.csv` in either form, detected from the header:
/// `id,category,node_id` (already snapped) or `id,category,lon,lat` (snapped here to the nearest node).
public enum FacilityCSV {
    /// Parses the file; node ids are resolved with `network.ids`, coordinates snapped with a `NodeSnapper`.
    public static func load(_ path: String, network: CSVNetwork) throws(AccessError) -> FacilitySet {
        let data = try ByteFile.read(path)
        var set = FacilitySet()
        try data.withUnsafeBufferPointer { buffer throws(AccessError) in
            var scanner = CSVScanner(bytes: buffer, file: path)
            var fields: [CSVField] = []
            guard try scanner.next(into: &fields) else {
                throw AccessError(file: path, line: nil, reason: "empty file")
            }
            let header = fields.map { scanner.text($0).trimmingSpaces.lowercased() }
            let byCoordinates: Bool
            switch header {
            case ["id", "category", "node_id"]: byCoordinates = false
            case ["id", "category", "lon", "lat"]: byCoordinates = true
            default:
                let found = header.joined(separator: ",")
                throw AccessError(
                    file: path, line: scanner.line,
                    reason:
                        "expected header \"id,category,node_id\" or \"id,category,lon,lat\", found \"\(found)\"")
            }
            let snapper = byCoordinates ? NodeSnapper(lon: network.lon, lat: network.lat, graph: network.graph) : nil
            var categoryNames: [String: String] = [:]  // interns repeated category strings
            while try scanner.next(into: &fields) {
                guard fields.count == header.count else {
                    throw AccessError(
                        file: path, line: scanner.line,
                        reason: "expected \(header.count) columns, found \(fields.count)")
                }
                let id = scanner.text(fields[0])
                let rawCategory = scanner.text(fields[1])
                guard !rawCategory.isEmpty else {
                    throw AccessError(file: path, line: scanner.line, reason: "empty category")
                }
                let category = categoryNames[rawCategory] ?? rawCategory
                categoryNames[rawCategory] = category
                let node: Int32
                if let snapper {
                    guard let x = scanner.number(fields[2]), x >= -180, x <= 180 else {
                        throw AccessError(
                            file: path, line: scanner.line,
                            reason: "invalid longitude \"\(scanner.text(fields[2]))\"")
                    }
                    guard let y = scanner.number(fields[3]), y >= -90, y <= 90 else {
                        throw AccessError(
                            file: path, line: scanner.line,
                            reason: "invalid latitude \"\(scanner.text(fields[3]))\"")
                    }
                    guard let snapped = snapper.nearest(lon: x, lat: y) else {
                        throw AccessError(file: path, line: scanner.line, reason: "network has no nodes to snap to")
                    }
                    node = snapped.node
                } else {
                    node = try CSVNetwork.lookup(scanner, fields[2], network.ids, path)
                }
                set.add(id: id, category: category, node: node)
            }
        }
        return set
    }
}
