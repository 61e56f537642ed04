import Foundation
import Platform
import Population

/// The secret-ballot use cases: officials create votes; an eligible resident receives one blind-signed token per
/// person or household; anyone holding a valid token casts one ballot without an account; the published list of
/// token hashes and choices lets anyone recount and each voter find their ballot.
public struct VoteService: Sendable {
    let database: Database
    let votes: VoteRepository
    let ballots: BallotRepository
    let paper: PaperBatchRepository
    let keys: VoteKeys
    let eligibility: EligibilityChecker
    let register: RegisterRepository
    let bodies: BodyRepository
    let outbox: EventOutbox
    let audit: AuditLog
    let now: @Sendable () -> Int64

    public init(
        platform: PlatformServices, eligibility: EligibilityChecker, register: RegisterRepository,
        now: @escaping @Sendable () -> Int64 = { CityClock.now() }
    ) {
        self.database = platform.database
        self.votes = VoteRepository(database: platform.database)
        self.ballots = BallotRepository(database: platform.database)
        self.paper = PaperBatchRepository(database: platform.database)
        self.keys = VoteKeys(cipher: platform.cipher, votes: self.votes)
        self.eligibility = eligibility
        self.register = register
        self.bodies = eligibility.bodies
        self.outbox = platform.outbox
        self.audit = platform.audit
        self.now = now
    }

    /// A vote, or `vote_not_found`.
    public func vote(_ id: String) async throws -> Vote {
        guard let vote = try await self.votes.find(id) else { throw ParticipationProblem.voteNotFound }
        return vote
    }

    /// The token a voter is issued: the server's signature of their blinded message.
    public struct IssuedToken: Codable, Sendable {
        public let blindSignature: String
    }

    /// Signs the blinded message of an eligible voter, once per person or household (a retry with the same
    /// blinded message gets the same signature again).
    public func issueToken(voteID: String, blindedMessage: String, principal: Principal?) async throws -> IssuedToken {
        let vote = try await self.vote(voteID)
        let participant = try await self.eligibility.check(
            vote.eligibility, community: vote.communityCode, principal: principal)
        switch vote.phase(at: self.now()) {
        case .upcoming: throw ParticipationProblem.voteNotOpen
        case .closed, .certified: throw ParticipationProblem.voteClosed
        case .open: break
        }
        guard let blinded = Base64URL.decode(blindedMessage), blinded.count == 256 else {
            throw ParticipationProblem.invalidField(
                "blindedMessage", zh: "盲化消息必须是 256 字节（base64url）。",
                en: "The blinded message must be 256 bytes, base64url-encoded.")
        }
        let key = try Self.voterKey(participant, unit: vote.unit)
        switch try await self.ballots.issue(voteID: vote.id, voterKey: key, blindedHash: VoteKeys.tokenHash(blinded)) {
        case .issued, .repeated: break
        case .alreadyIssued: throw ParticipationProblem.tokenAlreadyIssued
        case .votedOnPaper: throw ParticipationProblem.votedOnPaper
        }
        let signature = try await self.keys.blindSign(voteID: vote.id, blindedMessage: blinded)
        return IssuedToken(blindSignature: Base64URL.encode(signature))
    }

    /// One person or one household, as the vote counts voices.
    static func voterKey(_ participant: Participant, unit: Vote.Unit) throws -> String {
        switch unit {
        case .household:
            guard let household = participant.householdID else { throw ParticipationProblem.notInRegister }
            return "h:\(household)"
        case .person:
            return participant.residentID.map { "r:\($0)" } ?? "a:\(participant.accountID)"
        }
    }

    /// A ballot as cast: the token's prepared message and signature (base64url) and the chosen options.
    public struct Ballot: Codable, Sendable {
        public let message: String
        public let signature: String
        public let choices: [Int]

        public init(message: String, signature: String, choices: [Int]) {
            self.message = message
            self.signature = signature
            self.choices = choices
        }
    }

    /// The receipt of a cast ballot: the token hash it is published under, and the stored choice.
    public struct Receipt: Codable, Sendable, Equatable {
        public let voteID: String
        public let tokenHash: String
        public let choices: [Int]
    }

    /// Stores a ballot whose token the vote's key signed, once per token, while the vote is open. Takes no
    /// principal: the request that casts is not tied to any account.
    public func cast(voteID: String, ballot: Ballot) async throws -> Receipt {
        let vote = try await self.vote(voteID)
        switch vote.phase(at: self.now()) {
        case .upcoming: throw ParticipationProblem.voteNotOpen
        case .closed, .certified: throw ParticipationProblem.voteClosed
        case .open: break
        }
        let prefix = Data(vote.tokenPrefix.utf8)
        guard let message = Base64URL.decode(ballot.message), let signature = Base64URL.decode(ballot.signature),
            message.count == 64 + prefix.count, message.dropFirst(32).prefix(prefix.count) == prefix,
            signature.count == 256, try self.keys.isValid(signature: signature, message: message, vote: vote)
        else { throw ParticipationProblem.invalidToken }
        guard let choice = vote.canonicalChoice(ballot.choices) else { throw ParticipationProblem.invalidChoice }
        let hash = VoteKeys.tokenHash(message)
        guard try await self.ballots.cast(voteID: vote.id, tokenHash: hash, choice: choice) else {
            throw ParticipationProblem.tokenUsed
        }
        return Receipt(voteID: vote.id, tokenHash: hash, choices: Vote.options(of: choice))
    }

    /// The ballot published under a token hash (any time: only its voter knows the hash before the list is out).
    public func receipt(voteID: String, tokenHash: String) async throws -> Receipt {
        let vote = try await self.vote(voteID)
        guard let choice = try await self.ballots.ballot(voteID: vote.id, tokenHash: tokenHash.lowercased()) else {
            throw ParticipationProblem.ballotNotFound
        }
        return Receipt(voteID: vote.id, tokenHash: tokenHash.lowercased(), choices: Vote.options(of: choice))
    }
}
