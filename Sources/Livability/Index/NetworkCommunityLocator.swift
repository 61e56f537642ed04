import Territory

/// Places a point in the community of the nearest node of the walking network: the network's nodes are placed in
/// communities, so the nearest one names the community whose streets the point is on. A point farther than
/// ``maximumMeters`` from every node is not placed.
public struct NetworkCommunityLocator: CommunityLocator {
    let index: LivabilityIndex
    /// How far from the network a point may be and still be placed.
    public static let maximumMeters = 500.0

    public init(index: LivabilityIndex) {
        self.index = index
    }

    public func community(atLatitude lat: Double, longitude lon: Double) async throws -> String? {
        let network = try await self.index.current().network
        guard let (node, meters) = network.snap(lon: lon, lat: lat), meters <= Self.maximumMeters else { return nil }
        let code = network.division(of: node)
        return code.utf8.count == 12 ? code : nil
    }
}
