/// Which community a point on the map lies in, for reports that come with a position only.
///
/// The territory has no community boundaries, so the answer comes from the context that knows where the
/// communities are on the ground (the 15-minute life circle's street network, whose nodes belong to communities) and
/// is published by it as a port. `nil` means the point is too far from any known community to say.
public protocol CommunityLocator: Sendable {
    /// The code of the community at (`lat`, `lon`), or nil when no community is near enough.
    func community(atLatitude lat: Double, longitude lon: Double) async throws -> String?
}
