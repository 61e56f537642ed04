/// The `access network` pipeline: import an `.osm.pbf` file and write `nodes.csv`, `edges.csv` and
/// (optionally) `facilities.csv` in the `id,category,node_id` form.
///
/// Data imported from OpenStreetMap: © OpenStreetMap contributors, available under the Open Database
/// License (ODbL).
public struct NetworkJob: Sendable {
    /// Input `.osm.pbf` path.
    public var osmPath: String
    /// Output paths.
    public var nodesPath: String, edgesPath: String
    /// Optional facilities output path.
    public var facilitiesPath: String?
    /// Importer settings.
    public var importer = OSMNetworkImporter()

    /// Creates a job description.
    public init(osmPath: String, nodesPath: String, edgesPath: String, facilitiesPath: String? = nil) {
        self.osmPath = osmPath
        self.nodesPath = nodesPath
        self.edgesPath = edgesPath
        self.facilitiesPath = facilitiesPath
    }

    /// Runs the import and writes the files; returns the import result and its duration in seconds.
    public func run() throws(AccessError) -> (result: OSMNetworkImporter.Result, seconds: Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try importer.importFile(osmPath)
        let elapsed = seconds(clock.now - start)
        try Self.writeNodes(nodesPath, result)
        try Self.writeEdges(edgesPath, result.graph, ids: result.osmIds)
        if let facilitiesPath { try Self.writeFacilities(facilitiesPath, result) }
        return (result, elapsed)
    }

    /// `id,lon,lat` with seven decimals.
    static func writeNodes(_ path: String, _ result: OSMNetworkImporter.Result) throws(AccessError) {
        let out = try ByteFileWriter(path: path)
        out.append("id,lon,lat\n")
        for v in 0..<result.osmIds.count {
            out.appendSigned(result.osmIds[v])
            out.append(UInt8(ascii: ","))
            out.appendFixed7(result.lon[v])
            out.append(UInt8(ascii: ","))
            out.appendFixed7(result.lat[v])
            out.append(UInt8(ascii: "\n"))
            try out.flushIfFull()
        }
        try out.flush()
    }

    /// `from,to,meters`, each undirected edge once, two decimals (never below 0.01 m).
    static func writeEdges(_ path: String, _ graph: StreetGraph, ids: [Int64]) throws(AccessError) {
        let out = try ByteFileWriter(path: path)
        out.append("from,to,meters\n")
        for v in 0..<graph.nodeCount {
            for e in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) where Int(graph.targets[e]) > v {
                out.appendSigned(ids[v])
                out.append(UInt8(ascii: ","))
                out.appendSigned(ids[Int(graph.targets[e])])
                out.append(UInt8(ascii: ","))
                out.appendFixed2(max(0.01, Double(graph.weights[e])))
                out.append(UInt8(ascii: "\n"))
            }
            try out.flushIfFull()
        }
        try out.flush()
    }

    /// `id,category,node_id`.
    static func writeFacilities(_ path: String, _ result: OSMNetworkImporter.Result) throws(AccessError) {
        let out = try ByteFileWriter(path: path)
        out.append("id,category,node_id\n")
        let set = result.facilities
        for c in 0..<set.categories.count {
            for f in 0..<set.ids[c].count {
                out.append(ResultCSVWriter.csvEscaped(set.ids[c][f]))
                out.append(UInt8(ascii: ","))
                out.append(ResultCSVWriter.csvEscaped(set.categories[c]))
                out.append(UInt8(ascii: ","))
                out.appendSigned(result.osmIds[Int(set.nodes[c][f])])
                out.append(UInt8(ascii: "\n"))
            }
            try out.flushIfFull()
        }
        try out.flush()
    }
}
