import Hummingbird

/// A joint meeting (联席会议) of a street, district or city: the agenda is the escalated cases owned at its level,
/// each decision assigns a department or office and a deadline, and the minutes are published.
public struct JointMeeting: Sendable, Codable, ResponseEncodable {
    /// One agenda item: a case and what the meeting decided about it.
    public struct Item: Sendable, Codable {
        public let caseId: String
        public let departmentId: String?
        public let office: String?
        public let deadline: String?
        public let decision: String?
        /// The case's status now (follow-up until closed).
        public var caseStatus: String?
    }

    public let id: String
    public let divisionCode: String
    public let level: String
    public let title: String
    public let heldOn: String
    /// `planned` (decisions being recorded) or `published` (minutes out, decisions final).
    public let status: String
    public let minutes: String
    public var items: [Item]
}
