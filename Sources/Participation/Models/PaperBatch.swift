/// The paper ballots of one polling station: votes per option, ballots in the box and the roll of voters who
/// signed for a paper ballot (register ids: residents, or households for one-household-one-vote), as one official
/// entered them. Counted once a second, different official entered the same.
public struct PaperBatch: Sendable, Equatable, Codable {
    /// Where the batch stands.
    public enum Status: String, Codable, Sendable {
        /// Entered once; waits for a second official.
        case pending
        /// Entered twice alike; counted.
        case confirmed
    }

    public let id: String
    public let voteID: String
    public let station: String
    public let counts: [Int]
    public let ballots: Int
    /// Register ids of the voters on the roll, sorted.
    public let voters: [Int64]
    public let status: Status
    public let firstBy: String
    public let secondBy: String?

    /// Whether another entry says the same (counts, ballots and roll).
    public func agrees(counts: [Int], ballots: Int, voters: [Int64]) -> Bool {
        self.counts == counts && self.ballots == ballots && self.voters == voters.sorted()
    }
}
