import Testing

@testable import Accessibility

/// Path of a fixture under `data/osm/` of the package (found relative to this file).
/// Data: © OpenStreetMap contributors, available under the Open Database License (ODbL).
func osmFixture(_ name: String) -> String {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // AccessibilityTests/<file>, Tests
    return parts.joined(separator: "/") + "/data/osm/" + name
}

/// Protobuf primitives and the OSM PBF import on real extracts (Kotka test.osm.pbf and Helsinki).
@Suite("OSM PBF import")
struct PBFImportTests {
    /// Varints, zigzag, packed fields and truncation.
    @Test func protobufPrimitives() throws {
        // field 1 varint 300; field 2 packed sint64 [1, -2, 3]; field 3 string "hi"
        let bytes: [UInt8] = [0x08, 0xAC, 0x02, 0x12, 0x03, 0x02, 0x03, 0x06, 0x1A, 0x02, 0x68, 0x69]
        var reader = ProtobufReader(bytes)
        let f1 = try #require(try reader.nextField())
        #expect(f1.number == 1 && f1.wireType == .varint)
        #expect(try reader.varint() == 300)
        let f2 = try #require(try reader.nextField())
        var values: [Int64] = []
        try reader.packedSignedVarints(f2.wireType, into: &values)
        #expect(values == [1, -2, 3])
        let f3 = try #require(try reader.nextField())
        #expect(f3.number == 3)
        #expect(reader.string(try reader.lengthDelimited()) == "hi")
        #expect(try reader.nextField() == nil)
        #expect(throws: PBFError.truncated("varint")) {
            var truncated = ProtobufReader([0x08, 0xAC])
            _ = try truncated.nextField()
            _ = try truncated.varint()
        }
        #expect(throws: PBFError.self) { try OSMNetworkImporter().importBytes([0, 0, 0, 9, 1, 2]) }
    }

    /// Way and facility tag rules.
    @Test func tagRules() {
        #expect(WalkableWayRules.isWalkable(OSMTags([("highway", "footway")])))
        #expect(WalkableWayRules.isWalkable(OSMTags([("highway", "trunk")])))
        #expect(!WalkableWayRules.isWalkable(OSMTags([("highway", "trunk"), ("foot", "no")])))
        #expect(!WalkableWayRules.isWalkable(OSMTags([("highway", "motorway")])))
        #expect(!WalkableWayRules.isWalkable(OSMTags([("highway", "service"), ("access", "private")])))
        #expect(WalkableWayRules.isWalkable(OSMTags([("highway", "service"), ("access", "private"), ("foot", "yes")])))
        #expect(!WalkableWayRules.isWalkable(OSMTags([("building", "yes")])))
        #expect(FacilityCategoryTable.category(for: OSMTags([("amenity", "cafe")])) == "dining")
        let nursingHome = OSMTags([("amenity", "nursing_home"), ("healthcare", "nursing_home")])
        #expect(FacilityCategoryTable.category(for: nursingHome) == "elderly_care")
        #expect(FacilityCategoryTable.category(for: OSMTags([("healthcare", "no")])) == nil)
        #expect(
            FacilityCategoryTable.category(
                for: OSMTags([
                    ("amenity", "social_facility"),
                    ("social_facility:for", "senior"),
                ])) == "elderly_care")
        #expect(FacilityCategoryTable.category(for: OSMTags([("amenity", "social_facility")])) == "community_service")
    }

    /// Kotka extract: element counts (cross-checked with pyosmium), graph sanity, missing nodes skipped.
    @Test func importsKotka() throws {
        let result = try OSMNetworkImporter().importFile(osmFixture("test.osm.pbf"))
        #expect(result.stats.osmNodes == 14_222)
        #expect(result.stats.osmWays == 2_653)
        #expect(result.stats.walkableWays == 326)
        #expect(result.stats.missingNodeRefs == 388)
        #expect(result.stats.waysSplitAtGaps > 0)
        #expect((500...900).contains(result.graph.nodeCount))
        #expect((600...1_100).contains(result.graph.edgeCount))
        #expect((5...30).contains(result.facilities.count))
        try checkGraphSanity(result)
    }

    /// Helsinki extract: counts, facilities per category, graph sanity and no nodes from excluded highways.
    @Test func importsHelsinki() throws {
        let path = osmFixture("Helsinki.osm.pbf")
        let result = try OSMNetworkImporter().importFile(path)
        #expect(result.stats.osmNodes == 24_260)
        #expect(result.stats.osmWays == 5_130)
        #expect(result.stats.walkableWays == 2_582)
        #expect(result.stats.excludedHighways == 68)
        #expect(result.stats.missingNodeRefs == 881)
        #expect((3_000...4_600).contains(result.graph.nodeCount))
        #expect((4_000...6_000).contains(result.graph.edgeCount))
        #expect((350...600).contains(result.facilities.count))
        let dining = try #require(result.facilities.index(of: "dining"))
        #expect(result.facilities.nodes[dining].count > 250)
        try checkGraphSanity(result)
        try checkNoExcludedOnlyNodes(result, path: path)
    }

    /// Every edge is positive, shorter than 3 km, and at least the straight line between its end nodes.
    private func checkGraphSanity(_ result: OSMNetworkImporter.Result) throws {
        let graph = result.graph
        try #require(graph.edgeCount > 0)
        for v in 0..<graph.nodeCount {
            for (u, meters) in graph.neighbours(of: v) {
                #expect(meters > 0 && meters < 3_000)
                let straight = Geodesy.haversine(
                    lon1: result.lon[v], lat1: result.lat[v],
                    lon2: result.lon[u], lat2: result.lat[u])
                #expect(Double(meters) >= straight - 0.01, "edge \(v)-\(u) shorter than straight line")
            }
        }
        #expect(Set(result.osmIds).count == result.osmIds.count)
        for (c, nodes) in result.facilities.nodes.enumerated() {
            #expect(nodes.allSatisfy { $0 >= 0 && Int($0) < graph.nodeCount }, "category \(c)")
        }
    }

    /// Nodes used only by excluded highways (motorways, construction, foot=no, private...) and by no walkable
    /// way must not become graph nodes (the Helsinki extract has no motorway, but 68 other excluded highways).
    private func checkNoExcludedOnlyNodes(_ result: OSMNetworkImporter.Result, path: String) throws {
        /// Collects the node references of walkable and of excluded highway ways.
        struct ExcludedHighwaySink: PrimitiveBlockDecoder.Sink {
            var excludedNodes = Set<Int64>(), walkableNodes = Set<Int64>()
            mutating func node(id: Int64, lon: Double, lat: Double, tags: OSMTags) {}
            mutating func way(id: Int64, refs: [Int64], tags: OSMTags) {
                if WalkableWayRules.isWalkable(tags) {
                    walkableNodes.formUnion(refs)
                } else if tags["highway"] != nil {
                    excludedNodes.formUnion(refs)
                }
            }
        }
        var sink = ExcludedHighwaySink()
        var blobs = PBFBlobReader(bytes: try ByteFile.read(path))
        while let blob = try blobs.next() {
            if blob.type == "OSMData" { try PrimitiveBlockDecoder.decode(blob.payload, into: &sink) }
        }
        let excludedOnly = sink.excludedNodes.subtracting(sink.walkableNodes)
        try #require(excludedOnly.count > 50, "the extract has excluded highways")
        #expect(excludedOnly.isDisjoint(with: result.osmIds))
    }
}
