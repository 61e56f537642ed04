import Accessibility
import ArgumentParser

/// `citizen-cloud access network`: build the walking network (and facilities) from an OpenStreetMap extract.
///
/// Data: © OpenStreetMap contributors, available under the Open Database License (ODbL).
struct AccessNetworkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Import a walking network from an .osm.pbf file into nodes.csv / edges.csv / facilities.csv.",
        discussion: """
            OpenStreetMap data: © OpenStreetMap contributors, available under the Open Database License (ODbL).
            """
    )

    @Option(help: "OpenStreetMap extract (.osm.pbf).")
    var osm: String

    @Option(help: "Output nodes.csv (id,lon,lat).")
    var nodes: String

    @Option(help: "Output edges.csv (from,to,meters).")
    var edges: String

    @Option(help: "Optional output facilities.csv (id,category,node_id), snapped to the nearest node.")
    var facilities: String?

    /// Runs the job; library errors are printed as `error: file:line: reason` and exit with status 1.
    func run() async throws {
        do {
            let (result, seconds) = try NetworkJob(
                osmPath: osm, nodesPath: nodes, edgesPath: edges,
                facilitiesPath: facilities
            ).run()
            let s = result.stats
            AccessDiagnostics.print(
                """
                access network: nodes=\(result.graph.nodeCount) edges=\(result.graph.edgeCount) \
                facilities=\(result.facilities.count) (features \(s.facilityFeatures), dropped \(s.facilitiesDropped)) \
                walkable_ways=\(s.walkableWays) excluded_highways=\(s.excludedHighways) \
                missing_node_refs=\(s.missingNodeRefs) ways_split=\(s.waysSplitAtGaps) \
                import_ms=\(Int((seconds * 1000).rounded()))
                """)
        } catch {
            AccessDiagnostics.print("error: \(error)")
            throw ExitCode(1)
        }
    }
}
