import Foundation
import Platform
import SQLKit

/// Logout tokens waiting to be delivered to clients' back-channel logout URIs, delivered at least once.
///
/// A delivery is claimed by moving its `next_attempt_at` forward in a conditional update, so two nodes never send
/// the same attempt at once; failures are retried with exponential back-off and given up after ``maximumAttempts``.
public struct LogoutOutboxRepository: Sendable {
    static let maximumAttempts = 8
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// One pending delivery.
    struct Delivery: Sendable {
        let id: Int64
        let uri: String
        let logoutToken: String
        let attempts: Int
    }

    /// Queues logout tokens (client id, URI, token).
    func enqueue(_ deliveries: [(clientID: String, uri: String, token: String)]) async throws {
        guard !deliveries.isEmpty else { return }
        try await self.database.transaction { sql in
            for delivery in deliveries {
                try await sql.insert(into: "oidc_logout_outbox")
                    .columns("client_id", "uri", "logout_token", "next_attempt_at")
                    .values(
                        SQLBind(delivery.clientID), SQLBind(delivery.uri), SQLBind(delivery.token),
                        SQLBind(AccountRepository.now())
                    ).run()
            }
        }
    }

    /// Claims up to `limit` due deliveries for `lease` seconds.
    func claimDue(limit: Int, lease: Int64 = 30) async throws -> [Delivery] {
        let now = AccountRepository.now()
        let rows = try await self.database.withConnection { sql in
            try await sql.select().columns("id", "uri", "logout_token", "attempts", "next_attempt_at")
                .from("oidc_logout_outbox").where("state", .equal, "pending").where(
                    "next_attempt_at", .lessThanOrEqual, now
                )
                .orderBy("id").limit(limit).all()
        }
        var claimed: [Delivery] = []
        for row in rows {
            let id = try row.decode(column: "id", as: Int64.self)
            let due = try row.decode(column: "next_attempt_at", as: Int64.self)
            let won = try await self.database.transaction { sql in
                try await sql.update("oidc_logout_outbox").set("next_attempt_at", to: now + lease)
                    .where("id", .equal, id).where("next_attempt_at", .equal, due).run()
                return try await sql.select().column("next_attempt_at").from("oidc_logout_outbox")
                    .where("id", .equal, id).first(decodingColumn: "next_attempt_at", as: Int64.self) == now + lease
            }
            if won {
                claimed.append(
                    Delivery(
                        id: id, uri: try row.decode(column: "uri", as: String.self),
                        logoutToken: try row.decode(column: "logout_token", as: String.self),
                        attempts: try row.decode(column: "attempts", as: Int.self)))
            }
        }
        return claimed
    }

    /// Marks a delivery done.
    func delivered(_ id: Int64) async throws {
        try await self.database.withConnection { sql in
            try await sql.update("oidc_logout_outbox").set("state", to: "delivered").where("id", .equal, id).run()
        }
    }

    /// Schedules another attempt (2, 4, 8 … seconds later), or gives up after ``maximumAttempts``.
    func failed(_ delivery: Delivery) async throws {
        let attempts = delivery.attempts + 1
        try await self.database.withConnection { sql in
            try await sql.update("oidc_logout_outbox").set("attempts", to: attempts)
                .set("state", to: attempts >= Self.maximumAttempts ? "failed" : "pending")
                .set("next_attempt_at", to: AccountRepository.now() + (Int64(1) << min(attempts, 12)))
                .where("id", .equal, delivery.id).run()
        }
    }
}
