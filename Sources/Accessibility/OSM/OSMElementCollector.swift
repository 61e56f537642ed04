/// Collects what the network import needs from the PBF elements: every node's coordinates, walkable ways,
/// and facility features (tagged nodes directly, tagged ways for their centroid later).
struct OSMElementCollector: PrimitiveBlockDecoder.Sink {
    /// A facility found on a node, located already.
    struct NodeFacility {
        let id: String
        let category: String
        let lon: Double, lat: Double
        let name: String?
    }

    /// A facility found on a way, located later by the centroid of its nodes.
    struct WayFacility {
        let id: String
        let category: String
        let refs: [Int64]
        let name: String?
    }

    var nodeIds: [Int64] = []
    var nodeLon: [Double] = []
    var nodeLat: [Double] = []
    var wayRefs: [Int64] = []
    var wayStarts: [Int] = [0]
    var nodeFacilities: [NodeFacility] = []
    var wayFacilities: [WayFacility] = []
    var waysSeen = 0
    var highwaysExcluded = 0

    /// Keeps every node's coordinates and records it as a facility if its tags match a category.
    mutating func node(id: Int64, lon: Double, lat: Double, tags: OSMTags) {
        nodeIds.append(id)
        nodeLon.append(lon)
        nodeLat.append(lat)
        if let category = FacilityCategoryTable.category(for: tags) {
            nodeFacilities.append(
                NodeFacility(id: "n\(id)", category: category, lon: lon, lat: lat, name: tags["name"]))
        }
    }

    /// Keeps walkable ways' node references and remembers facility ways for their centroid.
    mutating func way(id: Int64, refs: [Int64], tags: OSMTags) {
        waysSeen += 1
        if WalkableWayRules.isWalkable(tags) {
            wayRefs.append(contentsOf: refs)
            wayStarts.append(wayRefs.count)
        } else if tags["highway"] != nil {
            highwaysExcluded += 1
        }
        if let category = FacilityCategoryTable.category(for: tags) {
            wayFacilities.append(WayFacility(id: "w\(id)", category: category, refs: refs, name: tags["name"]))
        }
    }

    /// Number of walkable ways collected.
    var walkableWays: Int { wayStarts.count - 1 }
}
