/// Writes `result.csv`: `node_id,category,meters`, one row per node and category whose nearest facility is
/// within the horizon, in node order then category order, meters with two decimals.
public enum ResultCSVWriter {
    /// Writes the nearest answers; returns the number of data rows written.
    @discardableResult
    public static func write(
        _ path: String, ids: NodeIdTable, categories: [String],
        nearest: [CategoryNearest]
    ) throws(AccessError) -> Int {
        let out = try ByteFileWriter(path: path)
        out.append("node_id,category,meters\n")
        let categoryBytes = categories.map { Array(csvEscaped($0).utf8) }
        var rows = 0
        for v in 0..<ids.count {
            for c in 0..<nearest.count {
                let d = nearest[c].distance[v]
                guard d.isFinite else { continue }
                ids.withIdBytes(v) { out.appendField($0) }
                out.append(UInt8(ascii: ","))
                out.append(contentsOf: categoryBytes[c])
                out.append(UInt8(ascii: ","))
                out.appendFixed2(Double(d))
                out.append(UInt8(ascii: "\n"))
                rows += 1
            }
            try out.flushIfFull()
        }
        try out.flush()
        return rows
    }

    /// Quotes a field when it contains a comma, quote or line break (RFC 4180).
    public static func csvEscaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingQuotes() + "\""
    }
}

/// CSV field output for ids that may need quoting.
extension ByteFileWriter {
    /// Appends an id verbatim, quoting it only if it contains a comma, quote or line break.
    @inline(__always)
    func appendField(_ bytes: UnsafeBufferPointer<UInt8>) {
        var plain = true
        for b in bytes where b == 44 || b == 34 || b == 10 || b == 13 { plain = false }
        if plain {
            append(contentsOf: bytes)
        } else {
            append(UInt8(ascii: "\""))
            for b in bytes {
                append(b)
                if b == 34 { append(b) }
            }
            append(UInt8(ascii: "\""))
        }
    }
}

/// CSV quoting helper.
extension String {
    /// Doubles every quote character.
    func replacingQuotes() -> String {
        var out = ""
        for ch in self {
            out.append(ch)
            if ch == "\"" { out.append("\"") }
        }
        return out
    }
}
