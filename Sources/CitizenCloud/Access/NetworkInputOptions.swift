import ArgumentParser

/// The network and facility files, and the horizon, that `access nearest` and `access whatif-bench` both read.
struct NetworkInputOptions: ParsableArguments {
    @Option(help: "nodes.csv with header id,lon,lat.")
    var nodes: String

    @Option(help: "edges.csv with header from,to,meters (two-way).")
    var edges: String

    @Option(help: "facilities.csv with header id,category,node_id or id,category,lon,lat.")
    var facilities: String

    @Option(name: .customLong("max-meters"), help: "Walking horizon in metres (80 m/min x 15 min).")
    var maxMeters: Double = 1200
}
