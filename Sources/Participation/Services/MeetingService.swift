import Foundation
import Platform

/// Council meetings: an official of the community calls one with its agenda (proposals of the community and free
/// items); residents of the community register; after the meeting the official records who was present, then each
/// item's decision with the votes cast (only when the quorum was met), then publishes the minutes. A decision that
/// carries is published on the outbox like a certified vote's (`participation.decision.passed`).
public struct MeetingService: Sendable {
    let database: Database
    public let meetings: MeetingRepository
    let proposals: ProposalRepository
    let eligibility: EligibilityChecker
    let outbox: EventOutbox
    let now: @Sendable () -> Int64

    public init(
        database: Database, eligibility: EligibilityChecker, outbox: EventOutbox,
        now: @escaping @Sendable () -> Int64 = { CityClock.now() }
    ) {
        self.database = database
        self.meetings = MeetingRepository(database: database)
        self.proposals = ProposalRepository(database: database)
        self.eligibility = eligibility
        self.outbox = outbox
        self.now = now
    }

    /// What an official sends to call a meeting.
    public struct NewMeeting: Codable, Sendable {
        /// An agenda item: a proposal of the community, or a free item with a title.
        public struct Item: Codable, Sendable {
            public let proposalId: String?
            public let title: String?

            public init(proposalId: String? = nil, title: String? = nil) {
                self.proposalId = proposalId
                self.title = title
            }
        }

        public let title: String
        /// Local time `YYYY-MM-DD HH:MM` (or with a `T`, as a browser's date-time field sends it).
        public let startsAt: String
        public let place: String
        public let quorum: Int
        public let items: [Item]

        public init(title: String, startsAt: String, place: String, quorum: Int, items: [Item]) {
            (self.title, self.startsAt, self.place, self.quorum, self.items) = (title, startsAt, place, quorum, items)
        }
    }

    /// An item's decision as the official records it.
    public struct Decision: Codable, Sendable {
        public let decision: String
        public let votesFor: Int
        public let votesAgainst: Int
        public let votesAbstain: Int

        public init(decision: String, votesFor: Int, votesAgainst: Int, votesAbstain: Int) {
            (self.decision, self.votesFor, self.votesAgainst, self.votesAbstain) =
                (decision, votesFor, votesAgainst, votesAbstain)
        }
    }

    /// A meeting, or `meeting_not_found`.
    public func meeting(_ id: String) async throws -> CouncilMeeting {
        guard let meeting = try await self.meetings.find(id) else { throw ParticipationProblem.meetingNotFound }
        return meeting
    }

    /// Calls a meeting of `community` with its agenda, by an official whose scope holds the community.
    public func call(community: String, _ request: NewMeeting, by principal: Principal?) async throws -> CouncilMeeting
    {
        let official = try Authorization.require(principal, .manageParticipation, divisionCode: community)
        let field = ParticipationProblem.invalidField
        guard (4...80).contains(request.title.count) else {
            throw field("title", "会议名称必须是 4–80 个字。", "The title must have 4–80 characters.")
        }
        guard let startsAt = Self.instant(request.startsAt), startsAt > self.now() else {
            throw field(
                "startsAt", "开会时间须为将来的“YYYY-MM-DD HH:MM”。", "startsAt must be a future local time YYYY-MM-DD HH:MM.")
        }
        guard (1...100).contains(request.place.count) else {
            throw field("place", "请写明开会地点（1–100 个字）。", "Name the place (1–100 characters).")
        }
        guard (1...10_000).contains(request.quorum) else {
            throw field("quorum", "法定人数须为 1–10000。", "The quorum must be 1–10,000.")
        }
        guard (1...20).contains(request.items.count) else {
            throw field("items", "议程须有 1–20 项。", "The agenda needs 1–20 items.")
        }
        var items: [CouncilMeeting.Item] = []
        for (position, item) in request.items.enumerated() {
            items.append(try await self.agendaItem(item, position: position + 1, community: community))
        }
        let meeting = CouncilMeeting(
            id: SortableID.make(), communityCode: community, title: request.title, startsAt: startsAt,
            startsAtLocal: CityClock.localDateTime(startsAt), place: request.place, quorum: request.quorum,
            status: .planned, registered: 0, present: nil, minutes: nil, items: items)
        try await self.database.transaction { sql in
            try await self.meetings.insert(meeting, by: official.subject, at: self.now(), on: sql)
        }
        return meeting
    }

    func agendaItem(_ item: NewMeeting.Item, position: Int, community: String) async throws -> CouncilMeeting.Item {
        let field = ParticipationProblem.invalidField
        if let id = item.proposalId {
            guard let proposal = try await self.proposals.find(id), proposal.communityCode == community else {
                throw field("items", "议程中的提议须为本社区的提议。", "An agenda proposal must belong to this community.")
            }
            return CouncilMeeting.Item(
                position: position, proposalID: id, title: proposal.title, decision: nil, votesFor: nil,
                votesAgainst: nil, votesAbstain: nil, passed: nil)
        }
        guard let title = item.title?.trimmingCharacters(in: .whitespaces), (2...120).contains(title.count) else {
            throw field("items", "每个议程项须为一条提议或 2–120 个字的标题。", "Each item is a proposal or a title of 2–120 characters.")
        }
        return CouncilMeeting.Item(
            position: position, proposalID: nil, title: title, decision: nil, votesFor: nil, votesAgainst: nil,
            votesAbstain: nil, passed: nil)
    }

    /// Registers (or withdraws) an eligible resident of the meeting's community while it is planned.
    public func register(_ id: String, attending: Bool, by principal: Principal?) async throws -> CouncilMeeting {
        let meeting = try await self.meeting(id)
        let participant = try await self.eligibility.check(
            .communityResident, community: meeting.communityCode, principal: principal)
        try await self.database.transaction { sql in
            guard let current = try await self.meetings.find(id, lock: true, on: sql), current.status == .planned else {
                throw ParticipationProblem.meetingNotPlanned
            }
            if attending {
                _ = try await self.meetings.register(id, account: participant.accountID, at: self.now(), on: sql)
            } else {
                _ = try await self.meetings.unregister(id, account: participant.accountID, on: sql)
            }
        }
        return try await self.meeting(id)
    }

    /// Records how many attended, once the meeting has started.
    public func recordAttendance(_ id: String, present: Int, by principal: Principal?) async throws -> CouncilMeeting {
        let meeting = try await self.meeting(id)
        _ = try Authorization.require(principal, .manageParticipation, divisionCode: meeting.communityCode)
        guard (0...100_000).contains(present) else {
            throw ParticipationProblem.invalidField("present", zh: "出席人数须为 0–100000。", en: "present must be 0–100,000.")
        }
        guard self.now() >= meeting.startsAt else { throw ParticipationProblem.meetingNotStarted }
        try await self.database.transaction { sql in
            guard let current = try await self.meetings.find(id, lock: true, on: sql), current.status != .published,
                current.items.allSatisfy({ $0.decision == nil })
            else { throw ParticipationProblem.meetingDecided }
            try await self.meetings.recordAttendance(id, present: present, on: sql)
        }
        return try await self.meeting(id)
    }

    /// Records an item's decision with the votes cast; needs the quorum, and no more votes than those present.
    public func decide(_ id: String, position: Int, _ decision: Decision, by principal: Principal?) async throws
        -> CouncilMeeting
    {
        let meeting = try await self.meeting(id)
        let official = try Authorization.require(principal, .manageParticipation, divisionCode: meeting.communityCode)
        let field = ParticipationProblem.invalidField
        let text = decision.decision.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...2000).contains(text.count) else {
            throw field("decision", "决定内容须为 2–2000 个字。", "The decision must have 2–2,000 characters.")
        }
        let votes = [decision.votesFor, decision.votesAgainst, decision.votesAbstain]
        guard votes.allSatisfy({ $0 >= 0 }) else {
            throw field("votesFor", "票数不能为负。", "Vote counts cannot be negative.")
        }
        let time = self.now()
        try await self.database.transaction { sql in
            guard let current = try await self.meetings.find(id, lock: true, on: sql) else {
                throw ParticipationProblem.meetingNotFound
            }
            guard current.status == .held, let present = current.present else {
                throw ParticipationProblem.meetingNotHeld
            }
            guard current.quorumMet else { throw ParticipationProblem.quorumNotMet(current.quorum, present: present) }
            guard votes.reduce(0, +) <= present else {
                throw field("votesFor", "票数合计不能超过出席人数 \(present)。", "The votes cannot exceed the \(present) present.")
            }
            guard var item = current.items.first(where: { $0.position == position }) else {
                throw ParticipationProblem.meetingItemNotFound
            }
            guard item.decision == nil else { throw ParticipationProblem.meetingDecided }
            item.decision = text
            (item.votesFor, item.votesAgainst, item.votesAbstain) =
                (decision.votesFor, decision.votesAgainst, decision.votesAbstain)
            item.passed = decision.votesFor > decision.votesAgainst + decision.votesAbstain
            try await self.meetings.recordDecision(id, item: item, by: official.subject, at: time, on: sql)
            let payload = DecisionPassed(
                voteID: "meeting:\(id):\(position)", communityCode: current.communityCode, titleZH: item.title,
                titleEN: item.title, winningOption: item.passed == true ? 0 : 1, counts: votes, turnout: present,
                eligible: present, certifiedAt: time)
            try await self.outbox.publish(
                topic: item.passed == true ? ParticipationEvents.decisionPassed : ParticipationEvents.decisionRejected,
                payload: payload, on: sql)
        }
        return try await self.meeting(id)
    }

    /// Publishes the minutes once every item has its decision (or the quorum was not met).
    public func publish(_ id: String, minutes: String, by principal: Principal?) async throws -> CouncilMeeting {
        let meeting = try await self.meeting(id)
        _ = try Authorization.require(principal, .manageParticipation, divisionCode: meeting.communityCode)
        let text = minutes.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (10...20_000).contains(text.count) else {
            throw ParticipationProblem.invalidField(
                "minutes", zh: "会议纪要须为 10–20000 个字。", en: "The minutes must have 10–20,000 characters.")
        }
        try await self.database.transaction { sql in
            guard let current = try await self.meetings.find(id, lock: true, on: sql), current.status == .held else {
                throw ParticipationProblem.meetingNotHeld
            }
            guard !current.quorumMet || current.items.allSatisfy({ $0.decision != nil }) else {
                throw ParticipationProblem.meetingUndecided
            }
            try await self.meetings.publish(id, minutes: text, at: self.now(), on: sql)
        }
        return try await self.meeting(id)
    }

    /// `YYYY-MM-DD HH:MM` (or `YYYY-MM-DDTHH:MM`) in city time as Unix seconds.
    static func instant(_ text: String) -> Int64? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2, let day = CityClock.startOfDay(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":")
        guard clock.count == 2, clock.allSatisfy({ $0.count == 2 }), let hour = Int(clock[0]),
            let minute = Int(clock[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return day + Int64(hour * 3600 + minute * 60)
    }
}
