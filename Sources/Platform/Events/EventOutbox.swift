import Foundation
import SQLKit

/// The platform's event outbox: a context publishes an event inside the transaction of the change it reports, so
/// the event exists exactly when the change was committed; ``EventDeliveryService`` hands it to every subscriber.
public struct EventOutbox: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Writes an event with `sql`, the caller's open transaction, and returns it.
    @discardableResult
    public func publish<Payload: Encodable>(
        topic: String, payload: Payload, on sql: any SQLDatabase, at time: Int64 = CityClock.now()
    ) async throws -> DomainEvent {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(payload), as: UTF8.self)
        let event = DomainEvent(
            id: SortableID.make(at: Date(timeIntervalSince1970: TimeInterval(time))), topic: topic, payload: json,
            occurredAt: time)
        try await sql.insert(into: "platform_events")
            .columns("id", "topic", "payload", "occurred_at", "fanned_out")
            .values(SQLBind(event.id), SQLBind(event.topic), SQLBind(event.payload), SQLBind(time), SQLBind(0))
            .run()
        return event
    }

    /// The events of a topic, oldest first (operators and tests).
    public func events(topic: String, limit: Int = 100) async throws -> [DomainEvent] {
        try await self.database.withConnection { sql in
            try await sql.select().columns("id", "topic", "payload", "occurred_at").from("platform_events")
                .where("topic", .equal, topic).orderBy("id").limit(limit)
                .all().map {
                    DomainEvent(
                        id: try $0.decode(column: "id", as: String.self),
                        topic: try $0.decode(column: "topic", as: String.self),
                        payload: try $0.decode(column: "payload", as: String.self),
                        occurredAt: try $0.decode(column: "occurred_at", as: Int64.self))
                }
        }
    }

    /// The outbox's tables.
    public static let migrations: [any Migration] = [
        SQLMigration(id: "platform.0002.events") { _ in
            [
                """
                CREATE TABLE platform_events (
                    id TEXT PRIMARY KEY,
                    topic TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    occurred_at BIGINT NOT NULL,
                    fanned_out INTEGER NOT NULL DEFAULT 0
                )
                """,
                "CREATE INDEX platform_events_pending ON platform_events (fanned_out, id)",
                "CREATE INDEX platform_events_topic ON platform_events (topic, id)",
                """
                CREATE TABLE platform_event_deliveries (
                    event_id TEXT NOT NULL REFERENCES platform_events (id),
                    subscriber TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at BIGINT NOT NULL,
                    claimed_until BIGINT,
                    delivered_at BIGINT,
                    last_error TEXT,
                    PRIMARY KEY (event_id, subscriber)
                )
                """,
                "CREATE INDEX platform_event_deliveries_due ON platform_event_deliveries (delivered_at, next_attempt_at)",
            ]
        }
    ]
}
