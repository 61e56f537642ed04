import Accessibility
import Platform

/// The walking network as the index holds it: a CSR graph over dense node indices, node positions and divisions,
/// a snapper, and how many households of which community live at each node.
///
/// Derived from the tables (the source of truth) and rebuilt whenever the network revision changes; never written.
public struct NetworkSnapshot: Sendable {
    /// Database id of every dense node index.
    public let nodeIDs: [Int64]
    let indexOfID: [Int64: Int32]
    public let lon: [Double]
    public let lat: [Double]
    /// Index into ``divisionCodes`` of every node.
    let nodeDivision: [Int32]
    let divisionCodes: [String]
    let divisionIndex: [String: Int32]
    /// Each division's nodes and their box.
    let areas: DivisionAreas
    /// Every node by position, for clipping maps to a box.
    let grid: PointGrid
    public let graph: StreetGraph
    let snapper: NodeSnapper
    /// Community codes that have households, sorted.
    public let communities: [String]
    let communityIndex: [String: Int32]
    /// Households per (node, community), grouped by community: entries `communityStart[c]..<communityStart[c + 1]`.
    let dwellingNode: [Int32]
    let dwellingHouseholds: [Int32]
    let communityStart: [Int]
    let revision: Int64
    /// Where the network came from (an OpenStreetMap network is credited on every map).
    let source: NetworkRepository.Source

    /// Builds the snapshot from what the repository returned.
    init(
        nodes: [NetworkRepository.Node], edges: [NetworkRepository.Edge],
        dwellings: [NetworkRepository.DwellingCount], revision: Int64, source: NetworkRepository.Source = .generated
    ) {
        var indexOfID: [Int64: Int32] = [:]
        indexOfID.reserveCapacity(nodes.count)
        var divisionIndex: [String: Int32] = [:]
        var divisionCodes: [String] = []
        var nodeDivision: [Int32] = []
        nodeDivision.reserveCapacity(nodes.count)
        for (index, node) in nodes.enumerated() {
            indexOfID[node.id] = Int32(index)
            if let known = divisionIndex[node.divisionCode] {
                nodeDivision.append(known)
            } else {
                divisionIndex[node.divisionCode] = Int32(divisionCodes.count)
                nodeDivision.append(Int32(divisionCodes.count))
                divisionCodes.append(node.divisionCode)
            }
        }
        var builder = GraphBuilder(nodeCount: nodes.count, expectedEdges: edges.count)
        for edge in edges {
            guard let a = indexOfID[edge.from], let b = indexOfID[edge.to], edge.meters.isFinite else { continue }
            builder.addEdge(a, b, Float32(max(0, edge.meters)))
        }
        self.graph = builder.build()
        self.nodeIDs = nodes.map(\.id)
        self.indexOfID = indexOfID
        self.lon = nodes.map(\.lon)
        self.lat = nodes.map(\.lat)
        self.nodeDivision = nodeDivision
        self.divisionCodes = divisionCodes
        self.divisionIndex = divisionIndex
        self.areas = DivisionAreas(
            nodeDivision: nodeDivision, divisionCount: divisionCodes.count, lon: self.lon, lat: self.lat)
        self.grid = PointGrid(lon: self.lon, lat: self.lat)
        self.snapper = NodeSnapper(lon: self.lon, lat: self.lat, graph: self.graph)

        let placed = dwellings.filter { indexOfID[$0.nodeID] != nil && $0.households > 0 }
            .sorted { ($0.communityCode, $0.nodeID) < ($1.communityCode, $1.nodeID) }
        var communities: [String] = []
        var starts: [Int] = []
        for (offset, dwelling) in placed.enumerated() where communities.last != dwelling.communityCode {
            communities.append(dwelling.communityCode)
            starts.append(offset)
        }
        starts.append(placed.count)
        self.communities = communities
        self.communityIndex = Dictionary(
            uniqueKeysWithValues: communities.enumerated().map { ($1, Int32($0)) })
        self.dwellingNode = placed.map { indexOfID[$0.nodeID]! }
        self.dwellingHouseholds = placed.map { Int32($0.households) }
        self.communityStart = starts
        self.revision = revision
        self.source = source
    }

    /// Number of nodes.
    public var nodeCount: Int { self.nodeIDs.count }

    /// The division code of a node.
    func division(of node: Int32) -> String { self.divisionCodes[Int(self.nodeDivision[Int(node)])] }

    /// The dense index of a stored node id.
    func index(of nodeID: Int64) -> Int32? { self.indexOfID[nodeID] }

    /// The nearest connected node to a point, with the straight-line distance.
    func snap(lon: Double, lat: Double) -> (node: Int32, meters: Double)? {
        self.snapper.nearest(lon: lon, lat: lat)
    }

    /// The dwelling entries (node, households) of a community.
    func dwellings(ofCommunity code: String) -> [(node: Int32, households: Int32)] {
        guard let c = self.communityIndex[code] else { return [] }
        return (self.communityStart[Int(c)]..<self.communityStart[Int(c) + 1]).map {
            (self.dwellingNode[$0], self.dwellingHouseholds[$0])
        }
    }

    /// The nodes placed in exactly this division (a community's own nodes), ascending, and the box around them;
    /// nil when the network has none. Costs a dictionary lookup.
    func area(of code: String) -> (nodes: ArraySlice<Int32>, box: GeoBox)? {
        guard let division = self.divisionIndex[code] else { return nil }
        return (self.areas.nodes(of: division), self.areas.box(of: division))
    }

    /// Dense indices of the nodes in `box` (edges included), ascending. Costs the nodes of the grid cells the
    /// box touches.
    func nodes(in box: GeoBox) -> [Int32] {
        self.grid.candidates(in: box).filter { box.contains(lon: self.lon[Int($0)], lat: self.lat[Int($0)]) }
    }
}
