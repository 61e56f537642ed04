import Testing

@testable import Accessibility

#if canImport(Glibc)
    import Glibc
#endif

/// Temporary files for CSV and CLI tests (removed by the caller via `cleanup`).
struct TempDir {
    let path: String

    /// Creates a fresh directory under /tmp.
    init() {
        var template = Array("/tmp/access-tests-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    /// Writes `text` to `name` and returns the full path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let full = path + "/" + name
        let out = try! ByteFileWriter(path: full)
        out.append(text)
        try! out.flush()
        return full
    }

    /// Reads a file as text.
    func read(_ name: String) -> String {
        String(decoding: try! ByteFile.read(path + "/" + name), as: UTF8.self)
    }

    /// Removes the directory tree.
    func cleanup() {
        for name in [
            "nodes.csv", "edges.csv", "facilities.csv", "result.csv", "bad.csv", "osm-nodes.csv",
            "osm-edges.csv", "osm-facilities.csv", "osm-result.csv",
        ] {
            unlink(path + "/" + name)
        }
        rmdir(path)
    }
}

/// CSV parsing: good inputs in several dialects, bad inputs with file, line and reason.
@Suite("CSV input")
struct CSVTests {
    /// Text ids, quotes, CRLF, a BOM, blank lines and scientific notation all load.
    @Test func parsesGoodFiles() throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        let nodes = dir.write(
            "nodes.csv",
            "\u{FEFF}id,lon,lat\r\nA,104.06,30.67\r\n\"B,1\",104.0605,30.67\r\n\r\n"
                + "C,1.0406e2,30.6705\r\n")
        let edges = dir.write("edges.csv", "from,to,meters\nA,\"B,1\",48.2\n\"B,1\",C,5e1\nA,A,3\n")
        let network = try CSVNetwork.load(nodesPath: nodes, edgesPath: edges)
        #expect(network.graph.nodeCount == 3)
        #expect(network.graph.edgeCount == 2)
        #expect(network.ids.index(of: "B,1") == 1)
        #expect(network.ids.id(at: 2) == "C")
        #expect(network.lon[2] == 104.06)
        #expect(network.graph.neighbours(of: 1).map(\.meters) == [48.2, 50])
    }

    /// Integer ids that are consecutive use the dense fast path; others use the hash table; both resolve.
    @Test func integerIdsBothPaths() throws {
        for ids in [[100, 101, 102], [7, 3, 12_345_678_901]] {
            var table = NodeIdTable()
            for id in ids { table.append(Array(String(id).utf8)) }
            #expect(table.finalize() == nil)
            for (i, id) in ids.enumerated() { #expect(table.index(of: String(id)) == Int32(i)) }
            #expect(table.index(of: "0100") == nil)
            #expect(table.index(of: "99") == nil)
        }
    }

    /// Each bad input names the file and line and why.
    @Test(arguments: [
        ("from,to,meters\n1,2,10\n1,x,5\n", "edges.csv:3: unknown node id \"x\""),
        ("from,to,meters\n1,2\n", "edges.csv:2: expected 3 columns, found 2"),
        ("from,to,meters\n1,2,ten\n", "edges.csv:2: non-numeric meters \"ten\""),
        ("from,to,meters\n1,2,10\n\n2,3,-4\n", "edges.csv:4: negative meters -4"),
        ("from,to,meters\n1,2,nan\n", "edges.csv:2: non-numeric meters \"nan\""),
        ("a,b,c\n1,2,3\n", "edges.csv:1: expected header \"from,to,meters\", found \"a,b,c\""),
        ("from,to,meters\n1,\"2,3\n", "edges.csv:2: unterminated quoted field"),
    ])
    func reportsBadEdges(content: String, message: String) throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        let nodes = dir.write("nodes.csv", "id,lon,lat\n1,104,30\n2,104.001,30\n3,104.002,30\n")
        let edges = dir.write("edges.csv", content)
        let error = try #require(throws: AccessError.self) { try CSVNetwork.load(nodesPath: nodes, edgesPath: edges) }
        #expect(error.description == dir.path + "/" + message)
    }

    /// Bad node files and a missing file.
    @Test func reportsBadNodesAndMissingFiles() throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        let edges = dir.write("edges.csv", "from,to,meters\n")
        let cases = [
            ("id,lon,lat\n1,104,30\n1,104,30\n", "nodes.csv:3: duplicate node id"),
            ("id,lon,lat\n1,104,95\n", "nodes.csv:2: invalid latitude \"95\""),
            ("id,lon,lat\n1,abc,30\n", "nodes.csv:2: invalid longitude \"abc\""),
            ("id,lon,lat\n1,104,30,7\n", "nodes.csv:2: expected 3 columns, found 4"),
        ]
        for (content, message) in cases {
            let nodes = dir.write("nodes.csv", content)
            let error = try #require(throws: AccessError.self) {
                try CSVNetwork.load(nodesPath: nodes, edgesPath: edges)
            }
            #expect(error.description == dir.path + "/" + message)
        }
        let missing = try #require(throws: AccessError.self) {
            try CSVNetwork.load(nodesPath: dir.path + "/nope.csv", edgesPath: edges)
        }
        #expect(missing.description.hasPrefix(dir.path + "/nope.csv: cannot open"))
    }

    /// Facilities by node id and by coordinates (snapped to the nearest connected node); bad rows rejected.
    @Test func facilitiesBothForms() throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        let nodes = dir.write(
            "nodes.csv",
            "id,lon,lat\na,104.0,30.0\nb,104.01,30.0\nc,104.02,30.0\n"
                + "lonely,104.0101,30.0\n")
        let edges = dir.write("edges.csv", "from,to,meters\na,b,960\nb,c,960\n")
        let network = try CSVNetwork.load(nodesPath: nodes, edgesPath: edges)
        let byNodeFile = dir.write("facilities.csv", "id,category,node_id\nf1,school,c\nf2,dining,a\nf3,school,b\n")
        let byNode = try FacilityCSV.load(byNodeFile, network: network)
        #expect(byNode.categories == ["school", "dining"])
        #expect(byNode.nodes == [[2, 1], [0]])
        // 104.0101 is nearest to the isolated node "lonely", but snapping only uses connected nodes.
        let byCoordinates = try FacilityCSV.load(
            dir.write("facilities.csv", "id,category,lon,lat\nf1,school,104.0101,30.0\nf2,school,104.019,30.0001\n"),
            network: network)
        #expect(byCoordinates.nodes == [[1, 2]])
        let bad = try #require(throws: AccessError.self) {
            try FacilityCSV.load(dir.write("facilities.csv", "id,category,node_id\nf1,school,zz\n"), network: network)
        }
        #expect(bad.description == dir.path + "/facilities.csv:2: unknown node id \"zz\"")
        let header = try #require(throws: AccessError.self) {
            try FacilityCSV.load(dir.write("facilities.csv", "id,kind,node\n"), network: network)
        }
        #expect(header.line == 1)
    }

    /// Number parsing agrees with the standard library on assorted inputs.
    @Test func numberParser() {
        for text in ["0", "12.5", "-3.25", "+7", "1e3", "2.5E-2", "0.1", "123456789.123456789", "88.51", ".5"] {
            var bytes = Array(text.utf8)
            let parsed = bytes.withUnsafeMutableBufferPointer { NumberParser.parse(UnsafeBufferPointer($0)) }
            #expect(parsed == Double(text), "\(text)")
        }
        for text in ["", "-", "1.2.3", "abc", "1e", "12a"] {
            var bytes = Array(text.utf8)
            let parsed = bytes.withUnsafeMutableBufferPointer { NumberParser.parse(UnsafeBufferPointer($0)) }
            #expect(parsed == nil, "\(text)")
        }
    }
}
