/// The nodes of each division code the network uses, grouped, with the box around them: what a community's map
/// reads instead of scanning the whole city.
///
/// Built with the network snapshot (once per network revision) in two passes over the nodes.
struct DivisionAreas: Sendable {
    /// Nodes of division `d` are `nodes[start[d]..<start[d + 1]]`, ascending.
    private let start: [Int32]
    private let nodes: [Int32]
    /// The box around each division's nodes.
    private let boxes: [GeoBox]

    /// Groups the nodes by `nodeDivision` (an index below `divisionCount` per node).
    init(nodeDivision: [Int32], divisionCount: Int, lon: [Double], lat: [Double]) {
        var start = [Int32](repeating: 0, count: divisionCount + 1)
        var boxes = [GeoBox](repeating: .empty, count: divisionCount)
        for (node, division) in nodeDivision.enumerated() {
            start[Int(division) + 1] += 1
            boxes[Int(division)].include(lon: lon[node], lat: lat[node])
        }
        for d in 0..<divisionCount { start[d + 1] += start[d] }
        var cursor = start
        var nodes = [Int32](repeating: 0, count: nodeDivision.count)
        for (node, division) in nodeDivision.enumerated() {
            nodes[Int(cursor[Int(division)])] = Int32(node)
            cursor[Int(division)] += 1
        }
        self.start = start
        self.nodes = nodes
        self.boxes = boxes
    }

    /// The nodes of a division, ascending.
    func nodes(of division: Int32) -> ArraySlice<Int32> {
        self.nodes[Int(self.start[Int(division)])..<Int(self.start[Int(division) + 1])]
    }

    /// The box around a division's nodes.
    func box(of division: Int32) -> GeoBox {
        self.boxes[Int(division)]
    }
}
