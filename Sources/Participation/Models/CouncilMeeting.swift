import Platform

/// A meeting of a community's council or of its residents (议事会议): an agenda of proposals and free items, a time
/// and place, residents who register, the attendance that makes the quorum, a decision per item with the votes
/// cast, and minutes published afterwards.
public struct CouncilMeeting: Sendable, Equatable, Codable {
    /// Where the meeting stands.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Called: residents may register; the agenda is fixed.
        case planned
        /// Attendance recorded: decisions may be recorded.
        case held
        /// Minutes published: final.
        case published
    }

    /// One item of the agenda, with its decision once taken.
    public struct Item: Sendable, Equatable, Codable {
        public let position: Int
        /// The proposal this item discusses, if any.
        public let proposalID: String?
        public let title: String
        public var decision: String?
        public var votesFor: Int?
        public var votesAgainst: Int?
        public var votesAbstain: Int?
        /// Whether the decision carried: more votes for than against and abstentions together.
        public var passed: Bool?
    }

    public let id: String
    public let communityCode: String
    public let title: String
    /// When it starts (Unix seconds) and the same as local time `YYYY-MM-DD HH:MM`.
    public let startsAt: Int64
    public let startsAtLocal: String
    public let place: String
    /// Attendees needed for decisions.
    public let quorum: Int
    public var status: Status
    public var registered: Int
    /// Present at the meeting (registered or not), once recorded.
    public var present: Int?
    public var minutes: String?
    public var items: [Item]

    /// Whether the recorded attendance reaches the quorum.
    public var quorumMet: Bool { (self.present ?? 0) >= self.quorum }
}
