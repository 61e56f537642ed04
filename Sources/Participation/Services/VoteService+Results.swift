import Foundation
import Identity
import Platform
import Population
import SQLKit

extension VoteService {
    /// A vote's standing: turnout while it runs; the full count once it has closed.
    public struct Standing: Codable, Sendable {
        public let phase: Vote.Phase
        /// Online ballots so far (turnout is public while the vote runs; the counts are not).
        public let onlineBallots: Int
        public let tally: VoteTally?
    }

    /// The vote's standing at the server's time.
    public func standing(_ vote: Vote) async throws -> Standing {
        let phase = vote.phase(at: self.now())
        switch phase {
        case .upcoming, .open:
            return Standing(
                phase: phase, onlineBallots: try await self.ballots.onlineTurnout(voteID: vote.id), tally: nil)
        case .closed, .certified:
            let tally = try await self.tally(vote)
            return Standing(phase: phase, onlineBallots: tally.onlineBallots, tally: tally)
        }
    }

    /// Counts the stored ballots and the confirmed paper batches.
    public func tally(_ vote: Vote) async throws -> VoteTally {
        VoteTally(
            vote: vote, online: try await self.ballots.onlineCounts(voteID: vote.id),
            paper: try await self.paper.confirmedTotals(voteID: vote.id, options: vote.options.count))
    }

    /// The published ballots (after the vote closed), in token-hash order: anyone can recount from it.
    public func published(voteID: String, after: String?, limit: Int) async throws -> [Receipt] {
        let vote = try await self.vote(voteID)
        guard vote.phase(at: self.now()) == .closed || vote.phase(at: self.now()) == .certified else {
            throw ParticipationProblem.voteStillOpen
        }
        return try await self.ballots.published(voteID: vote.id, after: after, limit: limit).map {
            Receipt(voteID: vote.id, tokenHash: $0.tokenHash, choices: Vote.options(of: $0.choice))
        }
    }

    /// Certifies a closed vote's result once no paper batch awaits its second entry, and publishes the decision
    /// (`participation.decision.passed` or `.rejected`) in the same transaction. Certifying twice is refused.
    public func certify(voteID: String, by principal: Principal?) async throws -> VoteTally {
        let vote = try await self.vote(voteID)
        let official = try Authorization.require(principal, .countPaperBallots, divisionCode: vote.communityCode)
        switch vote.phase(at: self.now()) {
        case .upcoming, .open: throw ParticipationProblem.voteStillOpen
        case .certified: throw ParticipationProblem.alreadyCertified
        case .closed: break
        }
        guard try await self.paper.batches(voteID: vote.id).allSatisfy({ $0.status == .confirmed }) else {
            throw ParticipationProblem.paperPending
        }
        let tally = try await self.tally(vote)
        let time = self.now()
        try await self.database.transaction { sql in
            guard try await self.votes.certify(vote.id, by: official.subject, at: time, on: sql) else {
                throw ParticipationProblem.alreadyCertified
            }
            let payload = DecisionPassed(
                voteID: vote.id, communityCode: vote.communityCode, titleZH: vote.title.zh, titleEN: vote.title.en,
                winningOption: vote.kind == .yesNoAbstain ? (tally.passed ? 0 : nil) : tally.leading,
                counts: tally.counts, turnout: tally.turnout, eligible: tally.eligible, certifiedAt: time)
            try await self.outbox.publish(
                topic: tally.passed ? ParticipationEvents.decisionPassed : ParticipationEvents.decisionRejected,
                payload: payload, on: sql, at: time)
            try await AuditLog.record(
                AuditEvent(
                    actor: official.subject, action: "participation.vote.certified", target: vote.id, address: nil,
                    detail: tally.passed ? "passed" : "rejected"),
                on: sql)
        }
        try await self.rewriteInKeyOrder()
        return tally
    }

    /// On PostgreSQL, rewrites the ballot and issuance tables in key order, so the heap (and any later dump) no
    /// longer keeps the order in which tokens were issued and ballots cast. SQLite stores them by key already.
    func rewriteInKeyOrder() async throws {
        guard self.database.kind == .postgres else { return }
        try await self.database.withConnection { sql in
            try await sql.raw("CLUSTER participation_ballots USING participation_ballots_pkey").run()
            try await sql.raw("CLUSTER participation_issuances USING participation_issuances_pkey").run()
        }
    }
}
