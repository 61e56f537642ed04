/// Turns walkable ways into contracted graph edges (see `OSMNetworkImporter` for the rules).
struct WayContraction {
    /// One contracted edge between graph node indices.
    struct Edge {
        let a: Int32, b: Int32
        let meters: Float32
    }

    private let c: OSMElementCollector
    private let position: [Int64: Int32]
    private let maxSegmentMeters: Double
    /// Node positions (into the collector's node arrays) of the graph nodes, in graph index order.
    private(set) var graphNodes: [Int32] = []
    /// Contracted edges.
    private(set) var edges: [Edge] = []
    /// Way references to nodes not in the extract.
    private(set) var missingRefs = 0
    /// Ways that had at least one missing reference.
    private(set) var waysSplit = 0
    private var graphIndex: [Int32]
    private var usage: [UInt8]

    /// Prepares the contraction; `position` maps OSM node ids to collector positions.
    init(collector: OSMElementCollector, position: [Int64: Int32], maxSegmentMeters: Double) {
        c = collector
        self.position = position
        self.maxSegmentMeters = maxSegmentMeters
        graphIndex = [Int32](repeating: -1, count: collector.nodeIds.count)
        usage = [UInt8](repeating: 0, count: collector.nodeIds.count)
    }

    /// Counts node usage, then walks every way emitting edges between graph nodes.
    mutating func run() {
        let ways = c.walkableWays
        for w in 0..<ways {
            var previous: Int32 = -1
            for i in c.wayStarts[w]..<c.wayStarts[w + 1] {
                guard let p = position[c.wayRefs[i]], p != previous else { continue }
                usage[Int(p)] = usage[Int(p)] &+ (usage[Int(p)] < 255 ? 1 : 0)
                previous = p
            }
        }
        for w in 0..<ways { walk(way: w) }
    }

    /// Emits the edges of one way, splitting at missing nodes.
    private mutating func walk(way w: Int) {
        let start = c.wayStarts[w]
        let end = c.wayStarts[w + 1]
        var pieceStart: Int32 = -1  // graph index where the current edge starts (-1 = no open piece)
        var previous: Int32 = -1  // collector position of the previous present node
        var length = 0.0
        var split = false
        for i in start..<end {
            guard let p = position[c.wayRefs[i]] else {
                missingRefs += 1
                split = true
                closePiece(at: previous, from: &pieceStart, length: &length)
                previous = -1
                continue
            }
            if p == previous { continue }  // repeated consecutive reference
            if pieceStart < 0 {
                pieceStart = graphNode(p)
                previous = p
                length = 0
                continue
            }
            length += Geodesy.haversine(
                lon1: c.nodeLon[Int(previous)], lat1: c.nodeLat[Int(previous)],
                lon2: c.nodeLon[Int(p)], lat2: c.nodeLat[Int(p)])
            previous = p
            let lastOfPiece = i + 1 == end || position[c.wayRefs[i + 1]] == nil
            if usage[Int(p)] > 1 || graphIndex[Int(p)] >= 0 || lastOfPiece || length >= maxSegmentMeters {
                let node = graphNode(p)
                emit(pieceStart, node, length)
                pieceStart = node
                length = 0
            }
        }
        closePiece(at: previous, from: &pieceStart, length: &length)
        if split { waysSplit += 1 }
    }

    /// Ends an open piece at `previous` (its last present node) when a gap or the way's end is reached.
    private mutating func closePiece(at previous: Int32, from pieceStart: inout Int32, length: inout Double) {
        if pieceStart >= 0 && previous >= 0 && length > 0 {
            let node = graphNode(previous)
            emit(pieceStart, node, length)
        }
        pieceStart = -1
        length = 0
    }

    /// Adds an edge unless it is a self-loop (a ring with a single graph node).
    private mutating func emit(_ a: Int32, _ b: Int32, _ meters: Double) {
        guard a != b else { return }
        edges.append(Edge(a: a, b: b, meters: Float32(meters)))
    }

    /// The graph index of collector position `p`, creating it on first use.
    private mutating func graphNode(_ p: Int32) -> Int32 {
        if graphIndex[Int(p)] < 0 {
            graphIndex[Int(p)] = Int32(graphNodes.count)
            graphNodes.append(p)
        }
        return graphIndex[Int(p)]
    }
}
