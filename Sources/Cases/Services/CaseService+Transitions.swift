import Foundation
import HTTPTypes
import Notifications
import Platform
import SQLKit
import Territory

/// What a transition needs beyond the command: the note (reply, reason) and, for a transfer, where to.
public struct TransitionInput: Sendable, Decodable {
    public var note: String?
    /// Transfer: the community the case really belongs to.
    public var communityCode: String?
    /// Transfer: the department the case really belongs to.
    public var departmentId: String?

    public init(note: String? = nil, communityCode: String? = nil, departmentId: String? = nil) {
        self.note = note
        self.communityCode = communityCode
        self.departmentId = departmentId
    }
}

extension CaseService {
    /// Performs `command` on case `id` for `principal`; returns the case after it.
    public func perform(
        _ command: CaseCommand, on id: String, by principal: Principal, input: TransitionInput = TransitionInput()
    ) async throws -> CaseRecord {
        guard let record = try await self.cases.find(id) else { throw CasesProblem.notFound(id) }
        let actor = try self.actor(principal, for: record)
        return try await self.perform(command, on: record, actor: actor, actorID: principal.subject, input: input)
    }

    /// Performs `command` on `record` as `actor` (checked by the caller), with a compare-and-set on its version.
    func perform(
        _ command: CaseCommand, on record: CaseRecord, actor: CaseActor, actorID: String, input: TransitionInput
    ) async throws -> CaseRecord {
        let after: (status: CaseStatus, level: CaseLevel)
        switch CaseWorkflow.apply(command, by: actor, status: record.status, level: record.ownerLevel) {
        case .success(let next): after = next
        case .failure(let refusal): throw CasesProblem.refused(refusal, status: record.status)
        }
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if [.resolve, .reopen, .transfer, .escalate].contains(command), !(2...1000).contains(note.count) {
            throw CasesProblem.invalidReport(
                "note", zh: "请填写说明（2 到 1000 个字）。", en: "Give a note of 2 to 1000 characters.")
        }
        let now = self.clock()
        var next = Draft(record)
        next.status = after.status
        next.ownerLevel = after.level
        switch command {
        case .resolve: next.resolvedAt = now
        case .reopen: next.resolvedAt = nil
        case .close: next.closedAt = now
        case .escalate:
            guard let parent = try await self.divisions.find(record.ownerCode)?.parentCode else {
                throw CasesProblem.refused(.cannotEscalateFurther, status: record.status)
            }
            next.ownerCode = parent
            next.escalations += 1
            next.dueAt = try await self.deadline(for: record.categoryCode, from: now)
        case .transfer:
            try await self.transfer(&next, input: input)
        case .accept, .start, .confirm:
            break
        }
        return try await self.commit(
            next.record(version: record.version + 1, at: now), over: record, command: command.rawValue,
            actor: actor, actorID: actorID, note: note, at: now)
    }

    /// Applies a transfer ("not ours"): another community (routed again) or another department.
    private func transfer(_ next: inout Draft, input: TransitionInput) async throws {
        if let code = input.communityCode, !code.isEmpty {
            guard let division = try await self.divisions.find(code), division.level == .community else {
                throw CasesProblem.unknownCommunity(code)
            }
            next.divisionCode = code
            next.ownerCode = code
            next.ownerLevel = .community
            let rule = try await self.route(category: next.categoryCode, community: code)
            next.departmentID = rule.departmentId
            next.routingRuleID = rule.id
        } else if let department = input.departmentId, !department.isEmpty {
            guard try await self.departments.name(of: department) != nil else {
                throw CasesProblem.invalidReport(
                    "departmentId", zh: "服务目录中没有部门“\(department.prefix(40))”。",
                    en: "The catalog has no department '\(department.prefix(40))'.")
            }
            next.departmentID = department
            next.routingRuleID = "transfer"
        } else {
            throw CasesProblem.invalidReport(
                "communityCode", zh: "转办须指定社区或部门。", en: "A transfer needs a community or a department.")
        }
    }

    /// The current owner's new deadline: the category's working days from now.
    func deadline(for category: String, from now: Int64) async throws -> Int64 {
        let days = try await self.categories.categories().first { $0.code == category }?.deadlineDays ?? 5
        return try await self.categories.calendar().deadline(after: now, workingDays: days)
    }

    /// Writes `next` over `current` (compare-and-set), its history row and the notices, in one transaction.
    func commit(
        _ next: CaseRecord, over current: CaseRecord, command: String, actor: CaseActor, actorID: String,
        note: String, at now: Int64, extra: (@Sendable (any SQLDatabase) async throws -> Void)? = nil
    ) async throws -> CaseRecord {
        let event = CaseEvent(
            seq: next.version, command: command, fromStatus: current.status, toStatus: next.status,
            ownerCode: next.ownerCode, departmentId: next.departmentID, actorKind: actor.rawValue, note: note,
            createdAt: now)
        try await self.database.transaction { sql in
            guard try await self.cases.replace(current, with: next, on: sql) else {
                throw CasesProblem.concurrentChange
            }
            try await self.cases.insert(event, caseID: next.id, actorID: actorID, on: sql)
            try await extra?(sql)
            var accounts = try await self.cases.followers(next.id, on: sql)
            if let reporter = next.reporterAccountID { accounts.insert(reporter, at: 0) }
            for account in Set(accounts) where account != actorID {
                try await Notifier().enqueue(CaseNotice.draft(for: next, event: event, to: account), on: sql)
            }
        }
        return next
    }

    /// Records the reporter's rating (1–5 stars) of a confirmed or closed case, once.
    public func rate(_ id: String, stars: Int, comment: String?, by principal: Principal) async throws -> CaseRecord {
        guard let record = try await self.cases.find(id) else { throw CasesProblem.notFound(id) }
        guard try self.actor(principal, for: record) == .reporter else { throw AuthorizationProblem.forbidden }
        guard (1...5).contains(stars) else {
            throw CasesProblem.invalidReport("stars", zh: "评分须为 1 到 5 星。", en: "Stars must be 1 to 5.")
        }
        let text = (comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= 500 else {
            throw CasesProblem.invalidReport("comment", zh: "评价不能超过 500 字。", en: "The comment is over 500 characters.")
        }
        guard record.status == .confirmed || record.status == .closed else {
            throw Problem(
                .conflict, code: "invalid_transition", zh: "诉求办结并确认后才能评价。",
                en: "A case can be rated once it is confirmed or closed.")
        }
        guard record.rating == nil else { throw CasesProblem.alreadyRated }
        let now = self.clock()
        var next = Draft(record)
        next.rating = stars
        next.ratingComment = text.isEmpty ? nil : text
        return try await self.commit(
            next.record(version: record.version + 1, at: now), over: record, command: "rate", actor: .reporter,
            actorID: principal.subject, note: "\(stars)", at: now)
    }
}

/// A mutable copy of a case while a transition is computed.
struct Draft {
    var divisionCode, ownerCode, departmentID, routingRuleID, categoryCode: String
    var ownerLevel: CaseLevel
    var status: CaseStatus
    var escalations: Int
    var rating: Int?
    var ratingComment: String?
    var dueAt: Int64
    var resolvedAt, closedAt: Int64?
    let base: CaseRecord

    init(_ record: CaseRecord) {
        self.base = record
        self.divisionCode = record.divisionCode
        self.ownerCode = record.ownerCode
        self.departmentID = record.departmentID
        self.routingRuleID = record.routingRuleID
        self.categoryCode = record.categoryCode
        self.ownerLevel = record.ownerLevel
        self.status = record.status
        self.escalations = record.escalations
        self.rating = record.rating
        self.ratingComment = record.ratingComment
        self.dueAt = record.dueAt
        self.resolvedAt = record.resolvedAt
        self.closedAt = record.closedAt
    }

    func record(version: Int, at now: Int64) -> CaseRecord {
        let b = self.base
        return CaseRecord(
            id: b.id, divisionCode: self.divisionCode, ownerCode: self.ownerCode, ownerLevel: self.ownerLevel,
            departmentID: self.departmentID, categoryCode: b.categoryCode, routingRuleID: self.routingRuleID,
            status: self.status, version: version, description: b.description, address: b.address, lat: b.lat,
            lon: b.lon, source: b.source, reporterAccountID: b.reporterAccountID, mediaURL: b.mediaURL,
            escalations: self.escalations, rating: self.rating, ratingComment: self.ratingComment,
            createdAt: b.createdAt, updatedAt: now, promisedAt: b.promisedAt, dueAt: self.dueAt,
            resolvedAt: self.resolvedAt, closedAt: self.closedAt)
    }
}
