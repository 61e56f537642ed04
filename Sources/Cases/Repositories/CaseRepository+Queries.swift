import Platform
import SQLKit

/// What an official's or a resident's listing asks for.
public struct CaseQuery: Sendable {
    /// Only cases whose owner lies under this division prefix (an official's scope).
    public var ownerPrefix: String?
    /// Only cases whose owner is at this level.
    public var ownerLevel: CaseLevel?
    /// Only cases that escalated at least once.
    public var escalatedOnly = false
    /// Only cases assigned to this department.
    public var departmentID: String?
    /// Only cases of this reporter.
    public var reporterAccountID: String?
    /// Only cases located under this division prefix.
    public var divisionPrefix: String?
    public var statuses: [CaseStatus] = []
    public var category: String?
    /// Only cases of one of these categories (Open311 `service_code`).
    public var categories: [String] = []
    public var createdFrom: Int64?
    public var createdTo: Int64?
    public var ids: [String] = []
    /// Only cases whose owner's deadline is before this time.
    public var dueBefore: Int64?

    public init() {}
}

extension CaseRepository {
    /// Open cases ordered by the owner's deadline (the inbox), then id; `after` is the last `dueAt|id`.
    public func byDeadline(_ query: CaseQuery, after: String?, limit: Int) async throws -> (
        items: [CaseRecord], more: Bool
    ) {
        try await self.database.withConnection { sql in
            let select = self.filtered(query, on: sql)
            if let after, let bar = after.firstIndex(of: "|"), let due = Int64(after[..<bar]) {
                let id = String(after[after.index(after: bar)...])
                select.where {
                    $0.where("due_at", .greaterThan, due)
                        .orWhere { $0.where("due_at", .equal, due).where("id", .greaterThan, id) }
                }
            }
            let rows = try await select.orderBy("due_at").orderBy("id").limit(limit + 1).all().map(Self.record)
            return (Array(rows.prefix(limit)), rows.count > limit)
        }
    }

    /// Cases newest first; `after` is the last `createdAt|id`.
    public func newest(_ query: CaseQuery, after: String?, limit: Int, offset: Int = 0) async throws -> (
        items: [CaseRecord], more: Bool
    ) {
        try await self.database.withConnection { sql in
            let select = self.filtered(query, on: sql)
            if let after, let bar = after.firstIndex(of: "|"), let created = Int64(after[..<bar]) {
                let id = String(after[after.index(after: bar)...])
                select.where {
                    $0.where("created_at", .lessThan, created)
                        .orWhere { $0.where("created_at", .equal, created).where("id", .lessThan, id) }
                }
            }
            let rows = try await select.orderBy("created_at", .descending).orderBy("id", .descending)
                .limit(limit + 1).offset(offset).all().map(Self.record)
            return (Array(rows.prefix(limit)), rows.count > limit)
        }
    }

    /// How many cases match.
    public func count(_ query: CaseQuery) async throws -> Int {
        try await self.database.withConnection { sql in
            let select = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("cases")
            self.apply(query, to: select)
            return try await select.first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    /// How many open cases under `prefix` have passed their owner's deadline.
    public func overdueCount(ownerPrefix: String, now: Int64) async throws -> Int {
        var query = CaseQuery()
        query.ownerPrefix = ownerPrefix
        query.statuses = [.received, .accepted, .inProgress]
        let filter = query
        return try await self.database.withConnection { sql in
            let select = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("cases")
            self.apply(filter, to: select)
            select.where("due_at", .lessThan, now)
            return try await select.first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    private func filtered(_ query: CaseQuery, on sql: any SQLDatabase) -> SQLSelectBuilder {
        let select = sql.select().columns(Self.columns.map { SQLIdentifier($0) }).from("cases")
        self.apply(query, to: select)
        return select
    }

    private func apply(_ query: CaseQuery, to select: SQLSelectBuilder) {
        if let prefix = query.ownerPrefix { select.where("owner_code", .like, Self.like(prefix)) }
        if let level = query.ownerLevel { select.where("owner_level", .equal, level.rawValue) }
        if query.escalatedOnly { select.where("escalations", .greaterThan, 0) }
        if let department = query.departmentID { select.where("department_id", .equal, department) }
        if let reporter = query.reporterAccountID { select.where("reporter_account_id", .equal, reporter) }
        if let prefix = query.divisionPrefix { select.where("division_code", .like, Self.like(prefix)) }
        if !query.statuses.isEmpty { select.where("status", .in, query.statuses.map(\.rawValue)) }
        if let category = query.category { select.where("category_code", .equal, category) }
        if !query.categories.isEmpty { select.where("category_code", .in, query.categories) }
        if let from = query.createdFrom { select.where("created_at", .greaterThanOrEqual, from) }
        if let to = query.createdTo { select.where("created_at", .lessThan, to) }
        if !query.ids.isEmpty { select.where("id", .in, query.ids) }
        if let due = query.dueBefore { select.where("due_at", .lessThan, due) }
    }

    /// A LIKE pattern for codes starting with `prefix` (codes are digits, so no escaping is needed beyond
    /// refusing the wildcards themselves).
    static func like(_ prefix: String) -> String {
        prefix.filter { $0 != "%" && $0 != "_" } + "%"
    }

    // MARK: - Followers

    /// Adds a follower (idempotent).
    public func follow(_ id: String, account: String, at now: Int64) async throws {
        try await self.database.transaction { sql in
            let exists = try await sql.select().column("account_id").from("cases_followers")
                .where("case_id", .equal, id).where("account_id", .equal, account).first()
            guard exists == nil else { return }
            try await sql.insert(into: "cases_followers").columns("case_id", "account_id", "created_at")
                .values(SQLBind(id), SQLBind(account), SQLBind(now)).run()
        }
    }

    /// Removes a follower.
    public func unfollow(_ id: String, account: String) async throws {
        try await self.database.withConnection { sql in
            try await sql.delete(from: "cases_followers").where("case_id", .equal, id)
                .where("account_id", .equal, account).run()
        }
    }

    /// The accounts following a case.
    func followers(_ id: String, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.select().column("account_id").from("cases_followers").where("case_id", .equal, id)
            .orderBy("account_id").all(decodingColumn: "account_id", as: String.self)
    }

    /// Ids of the cases an account follows.
    public func followed(by account: String) async throws -> [String] {
        try await self.database.withConnection { sql in
            try await sql.select().column("case_id").from("cases_followers").where("account_id", .equal, account)
                .limit(500).all(decodingColumn: "case_id", as: String.self)
        }
    }
}

/// A history row with its case, for the Open311 `servicerequestupdates` feed.
public struct CaseUpdate: Sendable {
    public let caseID: String
    public let event: CaseEvent
}

extension CaseRepository {
    /// History rows (other than reports) written in `[from, to)`, oldest first, at most `limit`.
    public func updates(from: Int64, to: Int64, limit: Int) async throws -> [CaseUpdate] {
        try await self.database.withConnection { sql in
            try await sql.select()
                .columns(
                    "case_id", "seq", "command", "from_status", "to_status", "owner_code", "department_id",
                    "actor_kind", "note", "created_at"
                )
                .from("cases_events").where("created_at", .greaterThanOrEqual, from).where("created_at", .lessThan, to)
                .where("command", .notEqual, "report").orderBy("created_at").orderBy("case_id").orderBy("seq")
                .limit(limit).all()
                .map { row in
                    CaseUpdate(
                        caseID: try row.decode(column: "case_id", as: String.self),
                        event: CaseEvent(
                            seq: try row.decode(column: "seq", as: Int.self),
                            command: try row.decode(column: "command", as: String.self),
                            fromStatus: try row.decode(column: "from_status", as: String?.self)
                                .flatMap(CaseStatus.init(rawValue:)),
                            toStatus: CaseStatus(rawValue: try row.decode(column: "to_status", as: String.self))
                                ?? .received,
                            ownerCode: try row.decode(column: "owner_code", as: String.self),
                            departmentId: try row.decode(column: "department_id", as: String.self),
                            actorKind: try row.decode(column: "actor_kind", as: String.self),
                            note: try row.decode(column: "note", as: String.self),
                            createdAt: try row.decode(column: "created_at", as: Int64.self)))
                }
        }
    }
}
