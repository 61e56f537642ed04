/// A supervisory committee's review (监委会监督) of a decision or campaign: a member flags it with a reason, and the
/// committee's finding is published with it. Both are public.
public struct Review: Sendable, Equatable, Codable {
    /// What is reviewed.
    public enum Subject: String, Codable, Sendable, CaseIterable {
        case vote, campaign, meeting
    }

    public let id: String
    public let communityCode: String
    public let subjectKind: Subject
    public let subjectID: String
    public let subjectTitle: String
    public let reason: String
    /// The published finding (nil while the review is open).
    public var finding: String?
    public let flaggedAt: Int64
    public var publishedAt: Int64?
}
