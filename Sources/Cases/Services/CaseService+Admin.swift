import Foundation
import HTTPTypes
import Platform
import SQLKit

/// A revisit call (回访) recorded by an official after a case closed.
public struct RevisitInput: Decodable, Sendable {
    public var reached: Bool?
    public var satisfied: Bool?
    public var note: String?

    public init(reached: Bool?, satisfied: Bool?, note: String?) {
        self.reached = reached
        self.satisfied = satisfied
        self.note = note
    }
}

/// A routing rule as a city official sends it.
public struct RuleInput: Decodable, Sendable {
    public var category: String?
    public var divisionPrefix: String?
    public var departmentId: String?
    public var note: String?
}

extension CaseService {
    /// Records a revisit call on a closed case (history row, version bump) by an official of its scope.
    public func revisit(_ id: String, _ input: RevisitInput, by principal: Principal) async throws -> CaseRecord {
        guard let record = try await self.cases.find(id) else { throw CasesProblem.notFound(id) }
        guard try self.actor(principal, for: record) == .official else { throw AuthorizationProblem.forbidden }
        guard record.status == .closed else {
            throw Problem(
                .conflict, code: "invalid_transition", zh: "诉求关闭后才能回访。",
                en: "A case can be revisited once it is closed.")
        }
        guard let reached = input.reached else {
            throw CasesProblem.invalidReport("reached", zh: "请说明是否联系到居民。", en: "Say whether the resident was reached.")
        }
        let note = (input.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 1000 else {
            throw CasesProblem.invalidReport("note", zh: "说明不能超过 1000 字。", en: "The note is over 1000 characters.")
        }
        let now = self.clock()
        let satisfied = input.satisfied
        return try await self.commit(
            Draft(record).record(version: record.version + 1, at: now), over: record, command: "revisit",
            actor: .official, actorID: principal.subject,
            note: reached ? (satisfied == false ? "reached, not satisfied" : "reached") : "not reached", at: now
        ) { sql in
            try await sql.insert(into: "cases_revisits")
                .columns("case_id", "official_id", "reached", "satisfied", "note", "created_at")
                .values(
                    SQLBind(id), SQLBind(principal.subject), SQLBind(reached ? 1 : 0),
                    SQLBind(satisfied.map { $0 ? 1 : 0 }), SQLBind(note), SQLBind(now)
                ).run()
        }
    }

    /// Adds or replaces a routing rule after checking its category and department.
    public func saveRule(_ input: RuleInput, by official: Principal) async throws -> RoutingRule {
        let category = (input.category ?? "").trimmingCharacters(in: .whitespaces)
        guard try await self.categories.categories().contains(where: { $0.code == category }) else {
            throw CasesProblem.unknownCategory(category)
        }
        let prefix = (input.divisionPrefix ?? "").trimmingCharacters(in: .whitespaces)
        guard prefix.count <= 12, prefix.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw CasesProblem.invalidReport(
                "divisionPrefix", zh: "区划前缀须为最多 12 位数字。", en: "The division prefix must be up to 12 digits.")
        }
        let department = (input.departmentId ?? "").trimmingCharacters(in: .whitespaces)
        guard try await self.departments.name(of: department) != nil else {
            throw CasesProblem.invalidReport(
                "departmentId", zh: "服务目录中没有部门“\(department.prefix(40))”。",
                en: "The catalog has no department '\(department.prefix(40))'.")
        }
        return try await self.categories.upsert(
            RoutingRule(
                id: SortableID.make(), categoryCode: category, divisionPrefix: prefix, departmentId: department,
                note: String((input.note ?? "").prefix(200)), updatedBy: official.subject, updatedAt: self.clock()))
    }
}

extension CaseService {
    /// Adds a comment from an outside system (an Open311 `servicerequestupdates` post): a history row without a
    /// change of status, notified like any other change.
    public func comment(_ id: String, note: String, source: String) async throws -> CaseRecord {
        guard let record = try await self.cases.find(id) else { throw CasesProblem.notFound(id) }
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...1000).contains(text.count) else {
            throw CasesProblem.invalidReport(
                "description", zh: "更新内容须为 1 到 1000 个字。", en: "The update must be 1 to 1000 characters.")
        }
        let now = self.clock()
        return try await self.commit(
            Draft(record).record(version: record.version + 1, at: now), over: record, command: "comment",
            actor: .system, actorID: source, note: text, at: now)
    }
}
