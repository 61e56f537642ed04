import HTTPTypes
import Logging
import Platform
import SQLKit
import ServiceLifecycle

extension CaseService {
    /// One round of the deadline watch: open cases past their owner's deadline escalate one level (below the
    /// city), and open cases due within a day get one reminder in their history (notified to reporter and
    /// followers). Returns (escalated, reminded).
    @discardableResult
    public func watchDeadlines(limit: Int = 200) async throws -> (escalated: Int, reminded: Int) {
        let now = self.clock()
        var overdue = CaseQuery()
        overdue.statuses = [.received, .accepted, .inProgress]
        overdue.dueBefore = now
        var escalated = 0
        for record in try await self.cases.byDeadline(overdue, after: nil, limit: limit).items
        where record.ownerLevel != .city {
            do {
                _ = try await self.perform(
                    .escalate, on: record, actor: .system, actorID: "system",
                    input: TransitionInput(note: "逾期自动上报 / overdue, escalated automatically"))
                escalated += 1
            } catch let problem as Problem where problem.code == "case_changed" {
                continue
            }
        }
        var reminded = 0
        for record in try await self.cases.dueSoon(before: now + 86_400, after: now, limit: limit) {
            do {
                _ = try await self.commit(
                    Draft(record).record(version: record.version + 1, at: now), over: record, command: "remind",
                    actor: .system, actorID: "system", note: "due \(CityClock.localDateTime(record.dueAt))", at: now
                ) { sql in
                    try await sql.update("cases").set("reminded_at", to: now).where("id", .equal, record.id).run()
                }
                reminded += 1
            } catch let problem as Problem where problem.code == "case_changed" {
                continue
            }
        }
        return (escalated, reminded)
    }
}

extension CaseRepository {
    /// Open cases due in `(after, before)` that have not been reminded for their current deadline.
    func dueSoon(before: Int64, after: Int64, limit: Int) async throws -> [CaseRecord] {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.columns.map { SQLIdentifier($0) }).from("cases")
                .where("status", .in, [CaseStatus.received, .accepted, .inProgress].map(\.rawValue))
                .where("due_at", .lessThan, before).where("due_at", .greaterThan, after)
                .where {
                    $0.where("reminded_at", .is, SQLLiteral.null).orWhere(
                        "reminded_at", .lessThan, SQLColumn("updated_at"))
                }
                .orderBy("due_at").limit(limit).all().map(Self.record)
        }
    }
}

/// The background watch of deadlines, once a minute.
struct CaseDeadlineService: Service {
    let service: CaseService
    let logger: Logger

    func run() async throws {
        try await PeriodicWork.run(every: .seconds(60), logger: self.logger, failure: "cases.deadlines.failed") {
            try await self.service.watchDeadlines()
        }
    }
}
