import Platform

/// A community's residents' council (居民议事会) or supervisory committee (监委会) for one term, with its members.
public struct Body: Sendable, Equatable, Codable {
    /// Which of the two bodies.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case council, committee
    }

    /// A member's position.
    public enum Position: String, Codable, Sendable, CaseIterable {
        case chair
        case viceChair = "vice_chair"
        case secretary, member
    }

    /// A member of the body; `linked` tells whether the member has a resident account (the account id itself is
    /// not public).
    public struct Member: Sendable, Equatable, Codable {
        public let id: String
        public let name: String
        public let position: Position
        public let linked: Bool
    }

    public let id: String
    public let communityCode: String
    public let kind: Kind
    public let name: LocalizedText
    /// The term, as local dates `YYYY-MM-DD`.
    public let termStart: String
    public let termEnd: String
    /// How the members were chosen (elected at the residents' assembly on …).
    public let chosenHow: String
    public var members: [Member]
}
