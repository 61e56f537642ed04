/// Writers for the optional `--k` and `--count` outputs of `access nearest`.
enum ExtraResultWriter {
    /// `node_id,category,rank,meters,facility_id`, rank 1 = nearest; rows only for facilities within the horizon.
    static func writeKNearest(
        _ path: String, ids: NodeIdTable, facilities: FacilitySet,
        labels: [CategoryKNearest]
    ) throws(AccessError) -> Int {
        let out = try ByteFileWriter(path: path)
        out.append("node_id,category,rank,meters,facility_id\n")
        let categoryBytes = facilities.categories.map { Array(ResultCSVWriter.csvEscaped($0).utf8) }
        let facilityBytes = facilities.ids.map { $0.map { Array(ResultCSVWriter.csvEscaped($0).utf8) } }
        var rows = 0
        for v in 0..<ids.count {
            for c in 0..<labels.count {
                for (rank, label) in labels[c].labels(of: v).enumerated() {
                    ids.withIdBytes(v) { out.appendField($0) }
                    out.append(UInt8(ascii: ","))
                    out.append(contentsOf: categoryBytes[c])
                    out.append(UInt8(ascii: ","))
                    out.appendInteger(UInt64(rank + 1))
                    out.append(UInt8(ascii: ","))
                    out.appendFixed2(Double(label.meters))
                    out.append(UInt8(ascii: ","))
                    out.append(contentsOf: facilityBytes[c][Int(label.facility)])
                    out.append(UInt8(ascii: "\n"))
                    rows += 1
                }
            }
            try out.flushIfFull()
        }
        try out.flush()
        return rows
    }

    /// `node_id,category,count` for every node and category with at least one facility within the horizon.
    static func writeCounts(
        _ path: String, ids: NodeIdTable, categories: [String],
        counts: [[Int32]]
    ) throws(AccessError) -> Int {
        let out = try ByteFileWriter(path: path)
        out.append("node_id,category,count\n")
        let categoryBytes = categories.map { Array(ResultCSVWriter.csvEscaped($0).utf8) }
        var rows = 0
        for v in 0..<ids.count {
            for c in 0..<counts.count where counts[c][v] > 0 {
                ids.withIdBytes(v) { out.appendField($0) }
                out.append(UInt8(ascii: ","))
                out.append(contentsOf: categoryBytes[c])
                out.append(UInt8(ascii: ","))
                out.appendInteger(UInt64(counts[c][v]))
                out.append(UInt8(ascii: "\n"))
                rows += 1
            }
            try out.flushIfFull()
        }
        try out.flush()
        return rows
    }
}
