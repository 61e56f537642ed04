import Platform

/// A residents' proposal (what to renovate, where, at what estimated cost), supported by neighbours until it
/// reaches the council's agenda, then answered by the council.
public struct Proposal: Sendable, Equatable, Codable {
    /// Where the proposal stands.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Collecting supports.
        case open
        /// Enough supports: on the council's agenda, waiting for its answer.
        case onAgenda = "on_agenda"
        case accepted, rejected, merged

        /// Whether the council has answered.
        public var isAnswered: Bool { self == .accepted || self == .rejected || self == .merged }
    }

    public let id: String
    public let communityCode: String
    public let title: String
    public let body: String
    /// Where on the community map (a place name or address).
    public let place: String
    public let costFen: Int64
    public let supportThreshold: Int
    public let status: Status
    public let supports: Int
    public let answerReason: String?
    public let mergedInto: String?
    public let createdAt: Int64
}
