import Foundation
import HTTPTypes
import Platform
import SQLKit
import Territory

/// What an official sends to call a joint meeting.
public struct MeetingInput: Decodable, Sendable {
    public var title: String?
    /// The local date of the meeting (`YYYY-MM-DD`).
    public var heldOn: String?
}

/// A decision of a joint meeting on one agenda item.
public struct DecisionInput: Decodable, Sendable {
    public var caseId: String?
    public var departmentId: String?
    public var office: String?
    /// The local date by which the case must be resolved.
    public var deadline: String?
    public var decision: String?
}

extension CaseService {
    var meetings: MeetingRepository { MeetingRepository(database: self.database) }

    /// Calls a joint meeting of the official's level: the agenda is every open case escalated into the scope and
    /// owned at that level (at most 50, earliest deadline first).
    public func callMeeting(_ input: MeetingInput, by official: Principal) async throws -> JointMeeting {
        let official = try Authorization.requireRole(official, .holdJointMeetings)
        guard let scope = official.scope, let level = CaseLevel.of(code: scope), level != .community else {
            throw AuthorizationProblem.forbidden
        }
        let title = (input.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...200).contains(title.count) else {
            throw CasesProblem.invalidReport(
                "title", zh: "请填写会议名称（2 到 200 字）。", en: "Give a title of 2 to 200 characters.")
        }
        guard let day = input.heldOn, CityClock.startOfDay(day) != nil else {
            throw CasesProblem.invalidReport(
                "heldOn", zh: "会议日期须为 YYYY-MM-DD。", en: "heldOn must be a date YYYY-MM-DD.")
        }
        var agenda = CaseQuery()
        agenda.ownerPrefix = Authorization.scopePrefix(scope)
        agenda.ownerLevel = level
        agenda.escalatedOnly = true
        agenda.statuses = [.received, .accepted, .inProgress]
        let (cases, _) = try await self.cases.byDeadline(agenda, after: nil, limit: 50)
        guard !cases.isEmpty else {
            throw Problem(
                .conflict, code: "empty_agenda", zh: "本级暂无上报待协调的诉求，无需召开联席会议。",
                en: "No escalated case waits at this level; there is nothing to put on the agenda.")
        }
        let meeting = JointMeeting(
            id: SortableID.make(), divisionCode: scope, level: level.rawValue, title: title, heldOn: day,
            status: "planned", minutes: "",
            items: cases.map {
                JointMeeting.Item(
                    caseId: $0.id, departmentId: nil, office: nil, deadline: nil, decision: nil,
                    caseStatus: $0.status.rawValue)
            })
        try await self.database.transaction { sql in
            try await self.meetings.insert(meeting, createdBy: official.subject, at: self.clock(), on: sql)
        }
        return meeting
    }

    /// The meeting if `principal` may see it (published ones are public).
    public func meeting(_ id: String, for principal: Principal?) async throws -> JointMeeting {
        guard let meeting = try await self.meetings.find(id) else {
            throw Problem.notFound(code: "meeting_not_found", zh: "没有这次联席会议。", en: "No such joint meeting.")
        }
        if meeting.status == "published" { return meeting }
        guard let principal, Authorization.permits(principal, .handleCases, divisionCode: meeting.divisionCode) else {
            throw Problem.notFound(code: "meeting_not_found", zh: "没有这次联席会议。", en: "No such joint meeting.")
        }
        return meeting
    }

    /// Records a decision: the case gets the department (when given) and the deadline; its history says so.
    public func decide(_ meetingID: String, _ input: DecisionInput, by official: Principal) async throws -> JointMeeting
    {
        let meeting = try await self.meeting(meetingID, for: official)
        try Authorization.require(official, .holdJointMeetings, divisionCode: meeting.divisionCode)
        guard meeting.status == "planned" else {
            throw Problem(
                .conflict, code: "meeting_published", zh: "会议纪要已发布，决定不能再修改。",
                en: "The minutes are published; decisions can no longer change.")
        }
        guard let caseID = input.caseId, meeting.items.contains(where: { $0.caseId == caseID }),
            let record = try await self.cases.find(caseID)
        else {
            throw CasesProblem.invalidReport(
                "caseId", zh: "该诉求不在本次会议议程中。", en: "The case is not on this meeting's agenda.")
        }
        let department = input.departmentId.flatMap { $0.isEmpty ? nil : $0 }
        let office = input.office.flatMap { $0.isEmpty ? nil : String($0.prefix(100)) }
        if let department, try await self.departments.name(of: department) == nil {
            throw CasesProblem.invalidReport(
                "departmentId", zh: "服务目录中没有部门“\(department.prefix(40))”。",
                en: "The catalog has no department '\(department.prefix(40))'.")
        }
        guard department != nil || office != nil else {
            throw CasesProblem.invalidReport(
                "departmentId", zh: "决定须指定责任部门或科室。", en: "A decision assigns a department or an office.")
        }
        let now = self.clock()
        guard let deadline = input.deadline, let start = CityClock.startOfDay(deadline), start + 86_400 > now else {
            throw CasesProblem.invalidReport(
                "deadline", zh: "办结期限须为今天或以后的日期。", en: "The deadline must be a date from today on.")
        }
        let decision = (input.decision ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...1000).contains(decision.count) else {
            throw CasesProblem.invalidReport(
                "decision", zh: "请填写决定内容。", en: "Write the decision (2 to 1000 characters).")
        }
        guard record.status.isOpen else {
            throw Problem(.conflict, code: "invalid_transition", zh: "诉求已办结。", en: "The case is no longer open.")
        }
        var next = Draft(record)
        if let department { next.departmentID = department }
        next.dueAt = start + 86_400
        let note = "\(meeting.title): \(decision) → \(department ?? office ?? "") by \(deadline)"
        _ = try await self.commit(
            next.record(version: record.version + 1, at: now), over: record, command: "decide", actor: .official,
            actorID: official.subject, note: note, at: now
        ) { sql in
            guard
                try await self.meetings.decide(
                    meeting: meetingID, caseID: caseID, department: department, office: office, deadline: deadline,
                    decision: decision, at: now, on: sql)
            else { throw CasesProblem.concurrentChange }
        }
        return try await self.meeting(meetingID, for: official)
    }

    /// Publishes the minutes of a planned meeting.
    public func publishMinutes(_ meetingID: String, minutes: String, by official: Principal) async throws
        -> JointMeeting
    {
        let meeting = try await self.meeting(meetingID, for: official)
        try Authorization.require(official, .holdJointMeetings, divisionCode: meeting.divisionCode)
        let text = minutes.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (10...20_000).contains(text.count) else {
            throw CasesProblem.invalidReport(
                "minutes", zh: "会议纪要须为 10 到 20000 字。", en: "Minutes must be 10 to 20000 characters.")
        }
        guard try await self.meetings.publish(meetingID, minutes: text, at: self.clock()) else {
            throw Problem(
                .conflict, code: "meeting_published", zh: "会议纪要已发布。", en: "The minutes are already published.")
        }
        return try await self.meeting(meetingID, for: official)
    }
}
