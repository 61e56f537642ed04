import Foundation
import Platform
import Population

/// Paper ballots, entered twice by two different officials and counted only when both entries agree; the voters on
/// a batch's roll are recorded as having voted, so they can no longer receive an online token (and a roll naming
/// someone who already has one is refused).
public struct PaperBallotService: Sendable {
    let database: Database
    let votes: VoteService
    let batches: PaperBatchRepository
    let register: RegisterRepository

    public init(database: Database, votes: VoteService, register: RegisterRepository) {
        self.database = database
        self.votes = votes
        self.batches = PaperBatchRepository(database: database)
        self.register = register
    }

    /// One official's entry of a polling station's paper ballots.
    public struct Entry: Codable, Sendable {
        public let station: String
        /// Votes per option, in the vote's option order.
        public let counts: [Int]
        /// Ballots in the box (blank ones included).
        public let ballots: Int
        /// Register ids on the roll: residents, or households for a one-household-one-vote ballot.
        public let voters: [Int64]

        public init(station: String, counts: [Int], ballots: Int, voters: [Int64]) {
            self.station = station
            self.counts = counts
            self.ballots = ballots
            self.voters = voters
        }
    }

    /// Records a first entry, or compares a second one: agreeing entries confirm the batch and its roll; differing
    /// ones discard it (`paper_entries_disagree`) so both are entered again.
    public func enter(voteID: String, entry: Entry, by principal: Principal?) async throws -> PaperBatch {
        let vote = try await self.votes.vote(voteID)
        let official = try Authorization.require(principal, .countPaperBallots, divisionCode: vote.communityCode)
        guard vote.certifiedAt == nil else { throw ParticipationProblem.alreadyCertified }
        guard vote.phase(at: self.votes.now()) != .upcoming else { throw ParticipationProblem.voteNotOpen }
        try await self.validate(entry, vote: vote)
        let time = self.votes.now()
        // nil: the entries disagreed and the batch was discarded (committed before the refusal is thrown).
        let batch: PaperBatch? = try await self.database.transaction { sql in
            guard let existing = try await self.batches.find(voteID: vote.id, station: entry.station, on: sql) else {
                let id = SortableID.make()
                try await self.batches.insertFirst(
                    id: id, voteID: vote.id, station: entry.station, counts: entry.counts, ballots: entry.ballots,
                    voters: entry.voters, by: official.subject, at: time, on: sql)
                return try await self.batches.find(voteID: vote.id, station: entry.station, on: sql)!
            }
            guard existing.status == .pending else { throw ParticipationProblem.batchConfirmed }
            guard existing.firstBy != official.subject else { throw ParticipationProblem.sameOfficial }
            guard existing.agrees(counts: entry.counts, ballots: entry.ballots, voters: entry.voters) else {
                try await self.batches.discard(id: existing.id, on: sql)
                return nil
            }
            let prefix = vote.unit == .household ? "h:" : "r:"
            guard
                try await self.batches.recordRoll(
                    voteID: vote.id, voterKeys: entry.voters.map { prefix + String($0) }, on: sql)
            else { throw ParticipationProblem.paperVoterOnline }
            try await self.batches.confirm(id: existing.id, by: official.subject, on: sql)
            try await AuditLog.record(
                AuditEvent(
                    actor: official.subject, action: "participation.paper.confirmed", target: vote.id, address: nil,
                    detail: entry.station),
                on: sql)
            return try await self.batches.find(voteID: vote.id, station: entry.station, on: sql)!
        }
        guard let batch else { throw ParticipationProblem.entriesDisagree }
        return batch
    }

    /// Checks an entry's shape and that every voter on the roll is registered in the vote's community.
    func validate(_ entry: Entry, vote: Vote) async throws {
        let field = ParticipationProblem.invalidField
        guard (1...40).contains(entry.station.count) else {
            throw field("station", "投票点名称必须是 1–40 个字。", "The station name must have 1–40 characters.")
        }
        guard entry.counts.count == vote.options.count, entry.counts.allSatisfy({ $0 >= 0 }) else {
            throw field("counts", "每个选项一个非负票数。", "Give one count, not negative, per option.")
        }
        let perBallot = vote.kind == .approval ? vote.maxChoices : 1
        guard entry.ballots >= 0, entry.ballots <= entry.voters.count,
            entry.counts.reduce(0, +) <= entry.ballots * perBallot
        else {
            throw field(
                "ballots", "选票数不能多于名册人数，票数不能多于选票允许的数目。",
                "Ballots cannot exceed the roll, nor votes what the ballots allow.")
        }
        guard Set(entry.voters).count == entry.voters.count, entry.voters.count <= 5000 else {
            throw field("voters", "名册不能重复，最多 5000 人。", "The roll has no repeats and at most 5,000 entries.")
        }
        for voter in entry.voters {
            let found =
                vote.unit == .household
                ? try await self.register.householdEntry(voter) : try await self.register.residentEntry(voter)
            guard found?.communityCode == vote.communityCode else {
                throw field(
                    "voters", "名册中的 \(voter) 不是本社区的登记住户。", "Roll entry \(voter) is not registered in this community.")
            }
        }
    }
}
