import Platform
import SQLKit

/// Categories, routing rules and the holiday calendar: the data city officials edit.
public struct CategoryRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Every category in display order.
    public func categories() async throws -> [CaseCategory] {
        try await self.database.withConnection { sql in
            try await sql.select().columns("code", "name_zh", "name_en", "kind", "deadline_days", "department_id")
                .from("cases_categories").orderBy("position").all()
                .map { row in
                    CaseCategory(
                        code: try row.decode(column: "code", as: String.self),
                        name: LocalizedText(
                            zh: try row.decode(column: "name_zh", as: String.self),
                            en: try row.decode(column: "name_en", as: String.self)),
                        kind: try row.decode(column: "kind", as: String.self),
                        deadlineDays: try row.decode(column: "deadline_days", as: Int.self),
                        departmentID: try row.decode(column: "department_id", as: String.self))
                }
        }
    }

    /// Every routing rule, by category then prefix.
    public func rules() async throws -> [RoutingRule] {
        try await self.database.withConnection { sql in
            try await sql.select()
                .columns("id", "category_code", "division_prefix", "department_id", "note", "updated_by", "updated_at")
                .from("cases_routing_rules").orderBy("category_code").orderBy("division_prefix").all()
                .map { row in
                    RoutingRule(
                        id: try row.decode(column: "id", as: String.self),
                        categoryCode: try row.decode(column: "category_code", as: String.self),
                        divisionPrefix: try row.decode(column: "division_prefix", as: String.self),
                        departmentId: try row.decode(column: "department_id", as: String.self),
                        note: try row.decode(column: "note", as: String.self),
                        updatedBy: try row.decode(column: "updated_by", as: String.self),
                        updatedAt: try row.decode(column: "updated_at", as: Int64.self))
                }
        }
    }

    /// Adds a rule or replaces the one for the same category and prefix; returns the stored rule.
    public func upsert(_ rule: RoutingRule) async throws -> RoutingRule {
        try await self.database.transaction { sql in
            let existing = try await sql.select().column("id").from("cases_routing_rules")
                .where("category_code", .equal, rule.categoryCode).where("division_prefix", .equal, rule.divisionPrefix)
                .first(decodingColumn: "id", as: String.self)
            if let existing {
                try await sql.update("cases_routing_rules").set("department_id", to: rule.departmentId)
                    .set("note", to: rule.note).set("updated_by", to: rule.updatedBy)
                    .set("updated_at", to: rule.updatedAt).where("id", .equal, existing).run()
                return RoutingRule(
                    id: existing, categoryCode: rule.categoryCode, divisionPrefix: rule.divisionPrefix,
                    departmentId: rule.departmentId, note: rule.note, updatedBy: rule.updatedBy,
                    updatedAt: rule.updatedAt)
            }
            try await sql.insert(into: "cases_routing_rules")
                .columns("id", "category_code", "division_prefix", "department_id", "note", "updated_by", "updated_at")
                .values(
                    SQLBind(rule.id), SQLBind(rule.categoryCode), SQLBind(rule.divisionPrefix),
                    SQLBind(rule.departmentId), SQLBind(rule.note), SQLBind(rule.updatedBy), SQLBind(rule.updatedAt)
                ).run()
            return rule
        }
    }

    /// Deletes a rule other than a category's default (the empty prefix); returns whether one was deleted.
    public func delete(rule id: String) async throws -> Bool {
        try await self.database.withConnection { sql in
            try await sql.delete(from: "cases_routing_rules").where("id", .equal, id)
                .where("division_prefix", .notEqual, "").returning("id").first() != nil
        }
    }

    /// The working calendar built from the stored holidays and swapped workdays.
    public func calendar() async throws -> WorkingCalendar {
        try await self.database.withConnection { sql in
            let rows = try await sql.select().columns("day", "kind").from("cases_holidays").all()
            var holidays: [String] = []
            var workdays: [String] = []
            for row in rows {
                let day = try row.decode(column: "day", as: String.self)
                if try row.decode(column: "kind", as: String.self) == "workday" {
                    workdays.append(day)
                } else {
                    holidays.append(day)
                }
            }
            return WorkingCalendar(holidayDates: holidays, workdayDates: workdays)
        }
    }
}
