import Accessibility
import Foundation
import Platform
import SQLKit

/// Synthetic cases for the statistics benchmark: spread evenly over the communities and categories of the
/// database, created over the last 180 days, in every state (about 60% closed, most of those rated; 8% escalated).
/// Deterministic: the n-th case is always the same.
struct SyntheticCases {
    let database: Database
    let communities: [String]
    let categories: [(code: String, department: String)]

    init(database: Database) async throws {
        self.database = database
        (self.communities, self.categories) = try await database.withConnection { sql in
            let communities = try await sql.raw("SELECT code FROM divisions WHERE level = 'community' ORDER BY code")
                .all().map { try $0.decode(column: "code", as: String.self) }
            let categories = try await sql.raw("SELECT code, department_id FROM cases_categories ORDER BY code").all()
                .map {
                    (
                        code: try $0.decode(column: "code", as: String.self),
                        department: try $0.decode(column: "department_id", as: String.self)
                    )
                }
            return (communities, categories)
        }
        guard !self.communities.isEmpty, !self.categories.isEmpty else {
            throw CommandFailure("the database has no communities or categories: start it once with serve --demo")
        }
    }

    /// Adds cases until the table holds `target`; returns how many were added.
    func fill(upTo target: Int) async throws -> Int {
        let existing = try await self.database.withConnection { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM cases").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        let missing = max(0, target - existing)
        let now = CityClock.now()
        for chunk in Array(0..<missing).chunked(into: 5_000) {
            try await self.database.transaction { sql in
                for rows in chunk.chunked(into: 500) {
                    let insert = sql.insert(into: "cases").columns(
                        "id", "division_code", "owner_code", "owner_level", "department_id", "category_code",
                        "routing_rule_id", "status", "version", "description", "address", "source", "escalations",
                        "rating", "created_at", "updated_at", "promised_at", "due_at", "resolved_at", "closed_at")
                    for n in rows {
                        insert.values(self.row(existing + n, now: now))
                    }
                    try await insert.run()
                }
            }
        }
        return missing
    }

    /// The n-th synthetic case as bound values, in the column order of ``fill(upTo:)``.
    func row(_ n: Int, now: Int64) -> [any SQLExpression] {
        var random = SplitMix64(seed: UInt64(n))
        let community = self.communities[n % self.communities.count]
        let category = self.categories[Int(random.next() % UInt64(self.categories.count))]
        let created = now - Int64(random.next() % (180 * 86_400))
        let promised = created + 5 * 86_400
        let roll = random.next() % 100
        let status = roll < 60 ? "closed" : roll < 75 ? "resolved" : roll < 90 ? "in_progress" : "received"
        let resolved: Int64? = roll < 75 ? created + Int64(random.next() % (8 * 86_400)) : nil
        let closed: Int64? = roll < 60 ? resolved.map { $0 + Int64(random.next() % (3 * 86_400)) } : nil
        let rating: Int? = closed != nil && random.next() % 10 < 7 ? Int(1 + random.next() % 5) : nil
        let escalations = random.next() % 100 < 8 ? 1 : 0
        let values: [any Encodable & Sendable] = [
            String(format: "bench-%010d", n), community, community, "community", category.department, category.code,
            "bench", status, 1, "synthetic case \(n)", "", "bench", escalations, rating, created, closed ?? created,
            promised, promised, resolved, closed,
        ]
        return values.map { SQLBind($0) }
    }
}
