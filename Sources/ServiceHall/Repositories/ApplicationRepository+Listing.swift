import Foundation
import HTTPTypes
import Platform
import SQLKit

extension ApplicationRepository {
    /// The position after which a listing continues: its sort time and id.
    public struct Position: Sendable, Equatable {
        public let time: Int64
        public let id: String

        public init(time: Int64, id: String) {
            self.time = time
            self.id = id
        }

        /// Reads a cursor written by ``cursor``.
        public init(_ cursor: Cursor) throws {
            let parts = cursor.after.split(separator: "|", maxSplits: 1)
            guard parts.count == 2, let time = Int64(parts[0]) else {
                throw Problem(
                    .badRequest, code: "invalid_cursor", zh: "分页游标无效，请从第一页重新开始。",
                    en: "The page cursor is invalid; start again from the first page.",
                    extensions: ["parameter": "cursor"])
            }
            self.time = time
            self.id = String(parts[1])
        }

        public var cursor: Cursor { Cursor(after: "\(self.time)|\(self.id)") }
    }

    /// A resident's applications, newest first (without steps).
    public func mine(accountID: String, before: Position?, limit: Int) async throws -> (
        items: [Application], more: Bool
    ) {
        try await self.database.withConnection { sql in
            let columns = SQLRaw(Self.columns.joined(separator: ", "))
            let query: SQLQueryString =
                if let before {
                    """
                    SELECT \(columns) FROM servicehall_applications WHERE account_id = \(bind: accountID)
                    AND (submitted_at < \(bind: before.time) OR (submitted_at = \(bind: before.time) AND id < \(bind: before.id)))
                    ORDER BY submitted_at DESC, id DESC LIMIT \(bind: limit + 1)
                    """
                } else {
                    """
                    SELECT \(columns) FROM servicehall_applications WHERE account_id = \(bind: accountID)
                    ORDER BY submitted_at DESC, id DESC LIMIT \(bind: limit + 1)
                    """
                }
            let items = try await sql.raw(query).all().map(Self.application)
            return (Array(items.prefix(limit)), items.count > limit)
        }
    }

    /// A department's queue: applications in `statuses`, earliest deadline first (without steps).
    public func queue(
        departmentID: String, statuses: [ApplicationStatus], after: Position?, limit: Int
    ) async throws -> (items: [Application], more: Bool) {
        try await self.database.withConnection { sql in
            var select = sql.select().columns(Self.columns.map { SQLIdentifier($0) }).from("servicehall_applications")
                .where("department_id", .equal, departmentID)
                .where("status", .in, statuses.map(\.rawValue))
            if let after {
                select = select.where(
                    SQLBinaryExpression(
                        SQLBinaryExpression(SQLIdentifier("due_at"), .greaterThan, SQLBind(after.time)), .or,
                        SQLBinaryExpression(
                            SQLBinaryExpression(SQLIdentifier("due_at"), .equal, SQLBind(after.time)), .and,
                            SQLBinaryExpression(SQLIdentifier("id"), .greaterThan, SQLBind(after.id)))))
            }
            let items = try await select.orderBy("due_at").orderBy("id").limit(limit + 1).all().map(Self.application)
            return (Array(items.prefix(limit)), items.count > limit)
        }
    }

    /// Counts of a department's applications per status.
    public func statusCounts(departmentID: String) async throws -> [ApplicationStatus: Int] {
        try await self.database.withConnection { sql in
            var counts: [ApplicationStatus: Int] = [:]
            for row in try await sql.raw(
                """
                SELECT status, COUNT(*) AS n FROM servicehall_applications WHERE department_id = \(bind: departmentID)
                GROUP BY status
                """
            ).all() {
                if let status = ApplicationStatus(rawValue: try row.decode(column: "status", as: String.self)) {
                    counts[status] = try row.decode(column: "n", as: Int.self)
                }
            }
            return counts
        }
    }

    /// A rating with what it rates.
    public struct RatedApplication: Sendable, Equatable {
        public let applicationID: String
        public let serviceID: String
        public let rating: Rating
    }

    /// A department's latest ratings.
    public func ratings(departmentID: String, limit: Int) async throws -> [RatedApplication] {
        try await self.database.withConnection { sql in
            try await sql.select().columns("application_id", "service_id", "stars", "comment", "rated_at")
                .from("servicehall_ratings").where("department_id", .equal, departmentID)
                .orderBy("rated_at", .descending).orderBy("application_id", .descending).limit(limit).all()
                .map { row in
                    RatedApplication(
                        applicationID: try row.decode(column: "application_id", as: String.self),
                        serviceID: try row.decode(column: "service_id", as: String.self),
                        rating: Rating(
                            stars: try row.decode(column: "stars", as: Int.self),
                            comment: try row.decode(column: "comment", as: String.self),
                            ratedAt: try row.decode(column: "rated_at", as: Int64.self)))
                }
        }
    }
}
