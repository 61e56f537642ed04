/// A resident who opted in as a volunteer.
public struct Volunteer: Sendable, Equatable, Codable {
    public let accountID: String
    public let displayName: String
    public let communityCode: String
    public let skills: [String]
    public let availability: String
    public let joinedAt: Int64
    public let verifiedMinutes: Int64
}

/// The hour milestones at which a volunteer is recognized (the star levels of the national volunteer record:
/// 100, 300, 600, 1,000 and 1,500 hours, with two first steps).
public enum Milestones {
    public static let hours = [10, 50, 100, 300, 600, 1000, 1500]

    /// The milestones crossed when verified minutes go from `before` to `after`.
    public static func crossed(from before: Int64, to after: Int64) -> [Int] {
        self.hours.filter { Int64($0) * 60 > before && Int64($0) * 60 <= after }
    }
}
