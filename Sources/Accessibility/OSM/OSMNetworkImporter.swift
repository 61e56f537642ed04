/// Imports a walking network and facilities from an `.osm.pbf` file.
///
/// Graph nodes are only way end points, intersections (nodes used more than once by walkable ways) and, on
/// long ways, one shape node at least every `maxSegmentMeters`, so facilities never snap more than about
/// half that distance away along the street; other nodes are contracted into the edge length. Edge lengths
/// are haversine distances summed over consecutive way nodes. A way that references nodes missing from the
/// extract is split at the gap (never joined across it) and the missing references are counted.
public struct OSMNetworkImporter: Sendable {
    /// Longest stretch of a way kept as one edge before a shape node is kept as a graph node (metres).
    public var maxSegmentMeters: Double = 100
    /// Facilities farther than this from every graph node are dropped (outside the network).
    public var maxSnapMeters: Double = 1000
    /// Shortest edge length; distinct OSM nodes at identical coordinates would otherwise give 0 m edges.
    public static let minimumEdgeMeters: Float32 = 0.01

    /// Creates an importer with default settings.
    public init() {}

    /// The imported network.
    public struct Result: Sendable {
        /// OSM node id of every graph node (index = graph node index).
        public var osmIds: [Int64]
        /// Longitude/latitude of every graph node.
        public var lon: [Double], lat: [Double]
        /// The walking graph.
        public var graph: StreetGraph
        /// Facilities snapped to graph nodes, categories in `FacilityCategoryTable.categories` order.
        public var facilities: FacilitySet
        /// The `name` tag of facilities that have one, by facility id (`n123`, `w456`).
        public var facilityNames: [String: String] = [:]
        /// Where each facility really is (lon, lat), by facility id: the node, or the centroid of the way.
        public var facilityPositions: [String: (lon: Double, lat: Double)] = [:]
        /// Import figures.
        public var stats: Stats
    }

    /// Counts from one import.
    public struct Stats: Sendable {
        /// OSM nodes and ways read.
        public var osmNodes = 0, osmWays = 0
        /// Walkable ways used and highway ways rejected by `WalkableWayRules`.
        public var walkableWays = 0, excludedHighways = 0
        /// Way node references missing from the extract, and ways split because of them.
        public var missingNodeRefs = 0, waysSplitAtGaps = 0
        /// Facility features found, and dropped because they are too far from the network or unlocatable.
        public var facilityFeatures = 0, facilitiesDropped = 0
    }

    /// Reads and imports `path`.
    public func importFile(_ path: String) throws(AccessError) -> Result {
        let bytes = try ByteFile.read(path)
        do {
            return try importBytes(bytes)
        } catch {
            throw AccessError(file: path, line: nil, reason: error.description)
        }
    }

    /// Imports a whole PBF file held in memory.
    public func importBytes(_ bytes: [UInt8]) throws(PBFError) -> Result {
        var collector = OSMElementCollector()
        var blobs = PBFBlobReader(bytes: bytes)
        var sawHeader = false
        while let blob = try blobs.next() {
            switch blob.type {
            case "OSMHeader":
                try OSMHeaderCheck.validate(blob.payload)
                sawHeader = true
            case "OSMData":
                guard sawHeader else { throw PBFError.malformed("OSMData before OSMHeader") }
                try PrimitiveBlockDecoder.decode(blob.payload, into: &collector)
            default:
                continue  // unknown blob types must be skipped per the format
            }
        }
        guard sawHeader else { throw PBFError.malformed("no OSMHeader blob") }
        return assemble(collector)
    }

    /// Builds the contracted graph and snaps facilities.
    private func assemble(_ c: OSMElementCollector) -> Result {
        var stats = Stats()
        stats.osmNodes = c.nodeIds.count
        stats.osmWays = c.waysSeen
        stats.walkableWays = c.walkableWays
        stats.excludedHighways = c.highwaysExcluded
        var position = [Int64: Int32](minimumCapacity: c.nodeIds.count)
        for (i, id) in c.nodeIds.enumerated() { position[id] = Int32(i) }
        var contraction = WayContraction(collector: c, position: position, maxSegmentMeters: maxSegmentMeters)
        contraction.run()
        stats.missingNodeRefs = contraction.missingRefs
        stats.waysSplitAtGaps = contraction.waysSplit
        let graphNodes = contraction.graphNodes
        let lon = graphNodes.map { c.nodeLon[Int($0)] }
        let lat = graphNodes.map { c.nodeLat[Int($0)] }
        var builder = GraphBuilder(nodeCount: graphNodes.count, expectedEdges: contraction.edges.count)
        for edge in contraction.edges { builder.addEdge(edge.a, edge.b, max(Self.minimumEdgeMeters, edge.meters)) }
        let graph = builder.build()
        var facilities = FacilitySet()
        for category in FacilityCategoryTable.categories { facilities.addCategory(category) }
        let snapper = NodeSnapper(lon: lon, lat: lat, graph: graph)
        var located: [(id: String, category: String, lon: Double, lat: Double)] =
            c.nodeFacilities.map { ($0.id, $0.category, $0.lon, $0.lat) }
        var names: [String: String] = [:]
        for facility in c.nodeFacilities { names[facility.id] = facility.name }
        for facility in c.wayFacilities { names[facility.id] = facility.name }
        var positions: [String: (lon: Double, lat: Double)] = [:]
        for way in c.wayFacilities {
            // Centroid of the way's nodes (the closing node of a ring counted once).
            let refs = way.refs.count > 1 && way.refs.first == way.refs.last ? way.refs.dropLast() : way.refs[...]
            let points = refs.compactMap { position[$0] }
            guard !points.isEmpty else {
                stats.facilitiesDropped += 1
                continue
            }
            let mlon = points.reduce(0.0) { $0 + c.nodeLon[Int($1)] } / Double(points.count)
            let mlat = points.reduce(0.0) { $0 + c.nodeLat[Int($1)] } / Double(points.count)
            located.append((way.id, way.category, mlon, mlat))
        }
        stats.facilityFeatures = c.nodeFacilities.count + c.wayFacilities.count
        // Category order first, then id, so facilities.csv is stable across runs.
        let order = Dictionary(uniqueKeysWithValues: FacilityCategoryTable.categories.enumerated().map { ($1, $0) })
        located.sort { (order[$0.category]!, $0.id) < (order[$1.category]!, $1.id) }
        for item in located {
            guard let snapped = snapper.nearest(lon: item.lon, lat: item.lat), snapped.meters <= maxSnapMeters else {
                stats.facilitiesDropped += 1
                continue
            }
            facilities.add(id: item.id, category: item.category, node: snapped.node)
            positions[item.id] = (item.lon, item.lat)
        }
        return Result(
            osmIds: graphNodes.map { c.nodeIds[Int($0)] }, lon: lon, lat: lat, graph: graph,
            facilities: facilities, facilityNames: names.filter { positions[$0.key] != nil },
            facilityPositions: positions, stats: stats)
    }
}

/// Validates the OSMHeader blob: every `required_features` entry (field 4) must be one this reader handles.
enum OSMHeaderCheck {
    /// Features this reader supports.
    static let supported: Set<String> = ["OsmSchema-V0.6", "DenseNodes", "HistoricalInformation"]

    /// Throws `unsupported` for any other required feature.
    static func validate(_ payload: [UInt8]) throws(PBFError) {
        var reader = ProtobufReader(payload)
        while let field = try reader.nextField() {
            if field.number == 4 && field.wireType == .lengthDelimited {
                let feature = reader.string(try reader.lengthDelimited())
                guard supported.contains(feature) else { throw PBFError.unsupported("required feature \(feature)") }
            } else {
                try reader.skip(field.wireType)
            }
        }
    }
}
