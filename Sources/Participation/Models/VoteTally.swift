import Platform

/// A vote's count: online ballots and confirmed paper ballots per option, turnout against the eligible, and
/// whether quorum and threshold are met.
public struct VoteTally: Sendable, Equatable, Codable {
    /// Ballots per option (online + paper).
    public let counts: [Int]
    public let onlineBallots: Int
    public let paperBallots: Int
    /// Voters on the confirmed paper rolls (they count in turnout even when a paper ballot was left blank).
    public let paperVoters: Int
    public let eligible: Int
    /// Online ballots + paper voters.
    public let turnout: Int
    public let quorumMet: Bool
    /// The option with the most votes when one leads alone (nil on a tie or with no votes).
    public let leading: Int?
    /// Quorum met and the leading option passes the threshold (for yes/no/abstain: "yes" passes).
    public let passed: Bool

    /// Counts `online` (ballots per canonical choice) and `paper` (votes per option and paper voters) under the
    /// vote's rules.
    public init(vote: Vote, online: [String: Int], paper: (counts: [Int], ballots: Int, voters: Int)) {
        var counts = Array(repeating: 0, count: vote.options.count)
        var onlineBallots = 0
        for (choice, n) in online {
            onlineBallots += n
            for option in Vote.options(of: choice) where option < counts.count { counts[option] += n }
        }
        for (option, n) in paper.counts.enumerated() where option < counts.count { counts[option] += n }
        self.counts = counts
        self.onlineBallots = onlineBallots
        self.paperBallots = paper.ballots
        self.paperVoters = paper.voters
        self.eligible = vote.eligibleCount
        self.turnout = onlineBallots + paper.voters
        // Integer arithmetic: turnout / eligible ≥ quorum% ⇔ 100 · turnout ≥ quorum · eligible.
        self.quorumMet = 100 * self.turnout >= vote.quorumPercent * vote.eligibleCount
        let top = counts.max() ?? 0
        let leaders = counts.indices.filter { counts[$0] == top }
        self.leading = top > 0 && leaders.count == 1 ? leaders[0] : nil
        let ballots = onlineBallots + paper.ballots
        var passes = false
        // A yes/no/abstain vote asks whether "yes" passes; the other kinds whether the leading option does.
        if let subject = vote.kind == .yesNoAbstain ? 0 : self.leading, counts[subject] > 0 {
            let votes = counts[subject]
            switch vote.threshold {
            case .simpleMajority:
                // Abstentions do not count against; for other kinds every ballot that chose counts.
                let choosing = vote.kind == .yesNoAbstain ? counts[0] + counts[1] : ballots
                passes = 2 * votes > choosing
            case .twoThirdsCast: passes = 3 * votes >= 2 * ballots
            case .twoThirdsEligible: passes = 3 * votes >= 2 * vote.eligibleCount
            }
        }
        self.passed = self.quorumMet && passes
    }
}
