import Testing

@testable import Accessibility

/// The `access nearest` and `access network` pipelines end to end on temporary files.
@Suite("CLI jobs")
struct CLITests {
    /// A small network with text ids: exact expected result file, order and formatting.
    @Test func nearestWritesExpectedFile() async throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        dir.write(
            "nodes.csv",
            "id,lon,lat\nn1,104.0,30.0\nn2,104.001,30.0\nn3,104.002,30.0\nn4,104.003,30.0\n"
                + "lone,104.5,30.5\n")
        dir.write("edges.csv", "from,to,meters\nn1,n2,100.25\nn2,n3,250\nn3,n4,1000\nn2,n1,300\n")
        dir.write("facilities.csv", "id,category,node_id\nF1,grocery,n1\nF2,\"school, primary\",n3\nF3,grocery,n3\n")
        let job = NearestJob(
            nodesPath: dir.path + "/nodes.csv", edgesPath: dir.path + "/edges.csv",
            facilitiesPath: dir.path + "/facilities.csv", outPath: dir.path + "/result.csv",
            maxMeters: 1000)
        let report = try await job.run()
        #expect(report.nodes == 5 && report.edges == 3 && report.facilities == 3 && report.categories == 2)
        #expect(
            dir.read("result.csv") == """
                node_id,category,meters
                n1,grocery,0.00
                n1,"school, primary",350.25
                n2,grocery,100.25
                n2,"school, primary",250.00
                n3,grocery,0.00
                n3,"school, primary",0.00

                """)
        #expect(report.rows == 6)
    }

    /// `--k` and `--count` variants.
    @Test func kNearestAndCountOutputs() async throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        dir.write("nodes.csv", "id,lon,lat\n1,104.0,30.0\n2,104.001,30.0\n")
        dir.write("edges.csv", "from,to,meters\n1,2,10\n")
        dir.write("facilities.csv", "id,category,node_id\nA,dining,1\nB,dining,2\n")
        var job = NearestJob(
            nodesPath: dir.path + "/nodes.csv", edgesPath: dir.path + "/edges.csv",
            facilitiesPath: dir.path + "/facilities.csv", outPath: dir.path + "/result.csv",
            output: .kNearest(2))
        _ = try await job.run()
        #expect(
            dir.read("result.csv") == """
                node_id,category,rank,meters,facility_id
                1,dining,1,0.00,A
                1,dining,2,10.00,B
                2,dining,1,0.00,B
                2,dining,2,10.00,A

                """)
        job.output = .counts
        _ = try await job.run()
        #expect(dir.read("result.csv") == "node_id,category,count\n1,dining,2\n2,dining,2\n")
    }

    /// Bad input surfaces as an AccessError with file and line (the command prints it and exits 1).
    @Test func nearestReportsBadInput() async throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        dir.write("nodes.csv", "id,lon,lat\n1,104.0,30.0\n")
        dir.write("edges.csv", "from,to,meters\n1,1,5\n1,2,5\n")
        dir.write("facilities.csv", "id,category,node_id\nA,dining,1\n")
        let job = NearestJob(
            nodesPath: dir.path + "/nodes.csv", edgesPath: dir.path + "/edges.csv",
            facilitiesPath: dir.path + "/facilities.csv", outPath: dir.path + "/result.csv")
        await #expect(throws: AccessError(file: dir.path + "/edges.csv", line: 3, reason: "unknown node id \"2\"")) {
            try await job.run()
        }
    }

    /// `access network` on the Kotka extract, then `access nearest` on its output, cross-checked with the engine.
    @Test func networkThenNearest() async throws {
        let dir = TempDir()
        defer { dir.cleanup() }
        let (imported, _) = try NetworkJob(
            osmPath: osmFixture("test.osm.pbf"), nodesPath: dir.path + "/osm-nodes.csv",
            edgesPath: dir.path + "/osm-edges.csv",
            facilitiesPath: dir.path + "/osm-facilities.csv"
        ).run()
        let report = try await NearestJob(
            nodesPath: dir.path + "/osm-nodes.csv",
            edgesPath: dir.path + "/osm-edges.csv",
            facilitiesPath: dir.path + "/osm-facilities.csv",
            outPath: dir.path + "/osm-result.csv"
        ).run()
        #expect(report.nodes == imported.graph.nodeCount)
        #expect(report.edges == imported.graph.edgeCount)
        #expect(report.facilities == imported.facilities.count)
        let lines = dir.read("osm-result.csv").split(separator: "\n")
        #expect(lines.first == "node_id,category,meters")
        #expect(lines.count - 1 == report.rows)
        #expect(report.rows > 0)
        // Every facility node has distance 0 for its category.
        let direct = await AccessEngine(graph: imported.graph).nearest(imported.facilities)
        var expectedRows = 0
        for category in direct { expectedRows += category.reachedCount }
        #expect(report.rows == expectedRows)
    }
}
