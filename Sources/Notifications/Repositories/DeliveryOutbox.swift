import Foundation
import Platform
import SQLKit

/// SMS and email deliveries waiting to be sent, at least once.
///
/// A delivery is claimed by moving its `next_attempt_at` forward with a conditional update, so two nodes never send
/// the same attempt at once; failures are retried with exponential back-off and given up after ``maximumAttempts``.
public struct DeliveryOutbox: Sendable {
    static let maximumAttempts = 6
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Claims up to `limit` due deliveries for `lease` seconds, with the message each carries.
    func claimDue(limit: Int, lease: Int64 = 60) async throws -> [OutgoingMessage] {
        let now = CityClock.now()
        let rows = try await self.database.withConnection { sql in
            try await sql.select()
                .column(SQLColumn("id", table: "d")).column(SQLColumn("account_id", table: "d"))
                .column(SQLColumn("channel", table: "d")).column(SQLColumn("attempts", table: "d"))
                .column(SQLColumn("next_attempt_at", table: "d")).column(SQLColumn("topic", table: "n"))
                .column(SQLColumn("title_zh", table: "n")).column(SQLColumn("body_zh", table: "n"))
                .from(SQLAlias(SQLIdentifier("notification_deliveries"), as: SQLIdentifier("d")))
                .join(
                    SQLAlias(SQLIdentifier("notifications"), as: SQLIdentifier("n")),
                    on: SQLColumn("notification_id", table: "d"), .equal, SQLColumn("id", table: "n")
                )
                .where(SQLColumn("state", table: "d"), .equal, SQLBind("pending"))
                .where(SQLColumn("next_attempt_at", table: "d"), .lessThanOrEqual, SQLBind(now))
                .orderBy(SQLColumn("id", table: "d")).limit(limit).all()
        }
        var claimed: [OutgoingMessage] = []
        for row in rows {
            let id = try row.decode(column: "id", as: Int64.self)
            let due = try row.decode(column: "next_attempt_at", as: Int64.self)
            let won = try await self.database.transaction { sql in
                try await sql.update("notification_deliveries").set("next_attempt_at", to: now + lease)
                    .where("id", .equal, id).where("next_attempt_at", .equal, due).run()
                return try await sql.select().column("next_attempt_at").from("notification_deliveries")
                    .where("id", .equal, id).first(decodingColumn: "next_attempt_at", as: Int64.self) == now + lease
            }
            guard won, let channel = NotificationChannel(rawValue: try row.decode(column: "channel", as: String.self))
            else { continue }
            claimed.append(
                OutgoingMessage(
                    deliveryID: id, accountID: try row.decode(column: "account_id", as: String.self),
                    channel: channel, topic: try row.decode(column: "topic", as: String.self),
                    title: try row.decode(column: "title_zh", as: String.self),
                    body: try row.decode(column: "body_zh", as: String.self),
                    attempts: try row.decode(column: "attempts", as: Int.self)))
        }
        return claimed
    }

    /// Marks a delivery sent.
    func sent(_ id: Int64) async throws {
        try await self.database.withConnection { sql in
            try await sql.update("notification_deliveries").set("state", to: "sent")
                .set("sent_at", to: CityClock.now()).where("id", .equal, id).run()
        }
    }

    /// Schedules another attempt (2, 4, 8 … seconds later), or gives up after ``maximumAttempts``.
    func failed(_ message: OutgoingMessage, reason: String) async throws {
        let attempts = message.attempts + 1
        try await self.database.withConnection { sql in
            try await sql.update("notification_deliveries").set("attempts", to: attempts)
                .set("state", to: attempts >= Self.maximumAttempts ? "failed" : "pending")
                .set("last_error", to: String(reason.prefix(200)))
                .set("next_attempt_at", to: CityClock.now() + (Int64(1) << min(attempts, 12)))
                .where("id", .equal, message.deliveryID).run()
        }
    }

    /// How many deliveries are in each state (`pending`, `sent`, `failed`), for operations and tests.
    public func counts() async throws -> [String: Int] {
        let rows = try await self.database.withConnection { sql in
            try await sql.select().column("state").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("notification_deliveries").groupBy("state").all()
        }
        var counts: [String: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "state", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
