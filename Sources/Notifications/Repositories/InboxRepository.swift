import Foundation
import Platform
import SQLKit

/// A resident's in-app inbox: newest first, unread counts, marking read.
public struct InboxRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// One page of `accountID`'s notifications, newest first, starting after `cursor`.
    public func page(
        accountID: String, locale: AppLocale, unreadOnly: Bool, limit: Int, after cursor: Cursor?
    ) async throws -> Page<Notification> {
        let before = try cursor.map { cursor -> Int64 in
            guard let id = Int64(cursor.after) else { throw Cursor.invalid }
            return id
        }
        let rows = try await self.database.withConnection { sql in
            var query = sql.select()
                .columns("id", "topic", "title_zh", "title_en", "body_zh", "body_en", "link", "created_at", "read_at")
                .from("notifications").where("account_id", .equal, accountID)
            if unreadOnly { query = query.where("read_at", .is, SQLLiteral.null) }
            if let before { query = query.where("id", .lessThan, before) }
            return try await query.orderBy("id", .descending).limit(limit + 1).all()
        }
        var items: [Notification] = []
        for row in rows.prefix(limit) {
            let english = locale == .en
            items.append(
                Notification(
                    id: String(try row.decode(column: "id", as: Int64.self)),
                    topic: try row.decode(column: "topic", as: String.self),
                    title: try row.decode(column: english ? "title_en" : "title_zh", as: String.self),
                    body: try row.decode(column: english ? "body_en" : "body_zh", as: String.self),
                    link: try row.decode(column: "link", as: String?.self),
                    createdAt: try row.decode(column: "created_at", as: Int64.self),
                    read: try row.decode(column: "read_at", as: Int64?.self) != nil))
        }
        let next = rows.count > limit ? items.last.map { Cursor(after: $0.id).token } : nil
        return Page(items: items, nextCursor: next)
    }

    /// How many unread notifications `accountID` has.
    public func unreadCount(accountID: String) async throws -> Int {
        try await self.database.withConnection { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("notifications")
                .where("account_id", .equal, accountID).where("read_at", .is, SQLLiteral.null)
                .first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    /// Marks one of `accountID`'s notifications read; throws `notification_not_found` for anyone else's.
    public func markRead(id: String, accountID: String) async throws {
        guard let number = Int64(id) else { throw NotificationProblem.notFound }
        let found = try await self.database.transaction { sql in
            let exists =
                try await sql.select().column("id").from("notifications").where("id", .equal, number)
                .where("account_id", .equal, accountID).first() != nil
            if exists {
                try await sql.update("notifications").set("read_at", to: CityClock.now())
                    .where("id", .equal, number).where("read_at", .is, SQLLiteral.null).run()
            }
            return exists
        }
        guard found else { throw NotificationProblem.notFound }
    }

    /// Marks all of `accountID`'s notifications read.
    public func markAllRead(accountID: String) async throws {
        try await self.database.withConnection { sql in
            try await sql.update("notifications").set("read_at", to: CityClock.now())
                .where("account_id", .equal, accountID).where("read_at", .is, SQLLiteral.null).run()
        }
    }
}

extension InboxRepository {
    /// The link of one of `accountID`'s notifications (nil when it has none or is not theirs).
    func link(id: String, accountID: String) async throws -> String? {
        guard let number = Int64(id) else { return nil }
        return try await self.database.withConnection { sql in
            try await sql.select().column("link").from("notifications").where("id", .equal, number)
                .where("account_id", .equal, accountID).first(decodingColumn: "link", as: String?.self) ?? nil
        }
    }
}
