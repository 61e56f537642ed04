import Logging
import SQLKit
import ServiceLifecycle

/// Delivers the outbox's events to the modules' subscribers, at least once, from any number of nodes.
///
/// Each round first fans new events out into one delivery row per interested subscriber, then claims due deliveries
/// for a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so two nodes never claim one delivery at once; SQLite has
/// one writer) and hands each to its subscriber inside a transaction that also marks it delivered. A node that dies
/// mid-delivery leaves its claim to expire; another node then delivers it again. A failing subscriber is retried
/// with a growing delay.
public struct EventDeliveryService: Service {
    private let database: Database
    private let subscribers: [String: any EventSubscriber]
    private let logger: Logger
    private let interval: Duration
    /// How long a claim holds before another node may take the delivery over (seconds).
    private let lease: Int64

    public init(
        database: Database, subscribers: [any EventSubscriber], logger: Logger, interval: Duration = .seconds(1),
        lease: Int64 = 60
    ) {
        self.database = database
        self.subscribers = Dictionary(subscribers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.logger = logger
        self.interval = interval
        self.lease = lease
    }

    public func run() async throws {
        try await PeriodicWork.run(every: self.interval, logger: self.logger, failure: "events.round_failed") {
            _ = try await self.drain()
        }
    }

    /// Runs rounds until nothing is due; returns how many deliveries succeeded.
    @discardableResult
    public func drain(now: @Sendable () -> Int64 = { CityClock.now() }) async throws -> Int {
        var delivered = 0
        while true {
            let fanned = try await self.fanOut(now: now())
            let claimed = try await self.claim(now: now())
            for delivery in claimed {
                if try await self.deliver(delivery, now: now()) { delivered += 1 }
            }
            if fanned == 0 && claimed.isEmpty { return delivered }
        }
    }

    /// Turns up to 200 new events into delivery rows; returns how many events it took.
    func fanOut(now: Int64) async throws -> Int {
        let skipLocked = self.database.kind == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await self.database.transaction { sql in
            let rows = try await sql.raw(
                "SELECT id, topic FROM platform_events WHERE fanned_out = 0 ORDER BY id LIMIT 200\(unsafeRaw: skipLocked)"
            ).all()
            for row in rows {
                let id = try row.decode(column: "id", as: String.self)
                let topic = try row.decode(column: "topic", as: String.self)
                for subscriber in self.subscribers.values where subscriber.topics.contains(topic) {
                    try await sql.insert(into: "platform_event_deliveries")
                        .columns("event_id", "subscriber", "attempts", "next_attempt_at")
                        .values(SQLBind(id), SQLBind(subscriber.name), SQLBind(0), SQLBind(now))
                        .ignoringConflicts(with: ["event_id", "subscriber"])
                        .run()
                }
                try await sql.update("platform_events").set("fanned_out", to: 1).where("id", .equal, id).run()
            }
            return rows.count
        }
    }

    /// One delivery claimed by this node.
    struct Claimed: Sendable {
        let event: DomainEvent
        let subscriber: String
        let attempts: Int
    }

    /// Claims up to 50 due deliveries of known subscribers for the lease.
    func claim(now: Int64) async throws -> [Claimed] {
        let names = Array(self.subscribers.keys)
        guard !names.isEmpty else { return [] }
        let skipLocked = self.database.kind == .postgres ? " FOR UPDATE OF d SKIP LOCKED" : ""
        return try await self.database.transaction { sql in
            let rows = try await sql.raw(
                """
                SELECT d.event_id, d.subscriber, d.attempts, e.topic, e.payload, e.occurred_at
                FROM platform_event_deliveries d JOIN platform_events e ON e.id = d.event_id
                WHERE d.delivered_at IS NULL AND d.next_attempt_at <= \(bind: now)
                AND (d.claimed_until IS NULL OR d.claimed_until < \(bind: now))
                AND d.subscriber IN (\(binds: names))
                ORDER BY d.next_attempt_at, d.event_id LIMIT 50\(unsafeRaw: skipLocked)
                """
            ).all()
            var claimed: [Claimed] = []
            for row in rows {
                let eventID = try row.decode(column: "event_id", as: String.self)
                let subscriber = try row.decode(column: "subscriber", as: String.self)
                let attempts = try row.decode(column: "attempts", as: Int.self) + 1
                try await sql.update("platform_event_deliveries")
                    .set("claimed_until", to: SQLBind(now + self.lease)).set("attempts", to: SQLBind(attempts))
                    .where("event_id", .equal, eventID).where("subscriber", .equal, subscriber)
                    .run()
                let event = DomainEvent(
                    id: eventID, topic: try row.decode(column: "topic", as: String.self),
                    payload: try row.decode(column: "payload", as: String.self),
                    occurredAt: try row.decode(column: "occurred_at", as: Int64.self))
                claimed.append(Claimed(event: event, subscriber: subscriber, attempts: attempts))
            }
            return claimed
        }
    }

    /// Hands one claimed event to its subscriber; returns whether it was delivered.
    func deliver(_ delivery: Claimed, now: Int64) async throws -> Bool {
        guard let subscriber = self.subscribers[delivery.subscriber] else { return false }
        do {
            try await self.database.transaction { sql in
                try await subscriber.handle(delivery.event, on: sql)
                try await sql.update("platform_event_deliveries")
                    .set("delivered_at", to: SQLBind(now)).set("claimed_until", to: SQLLiteral.null)
                    .set("last_error", to: SQLLiteral.null)
                    .where("event_id", .equal, delivery.event.id).where("subscriber", .equal, delivery.subscriber)
                    .run()
            }
            return true
        } catch {
            // 2, 4, 8 … seconds, at most an hour.
            let delay = Int64(1) << Int64(min(delivery.attempts, 11))
            try await self.database.withConnection { sql in
                try await sql.update("platform_event_deliveries")
                    .set("next_attempt_at", to: SQLBind(now + min(delay, 3600)))
                    .set("claimed_until", to: SQLLiteral.null)
                    .set("last_error", to: SQLBind(String(describing: type(of: error))))
                    .where("event_id", .equal, delivery.event.id).where("subscriber", .equal, delivery.subscriber)
                    .run()
            }
            self.logger.warning(
                "events.delivery_failed",
                metadata: [
                    "event.topic": "\(delivery.event.topic)", "subscriber": "\(delivery.subscriber)",
                    "attempts": "\(delivery.attempts)", "error.type": "\(type(of: error))",
                ])
            return false
        }
    }

    /// Deliveries not yet made (a health figure).
    public func pending() async throws -> Int {
        try await self.database.withConnection { sql in
            let events =
                try await sql.raw("SELECT COUNT(*) AS n FROM platform_events WHERE fanned_out = 0")
                .first(decodingColumn: "n", as: Int.self) ?? 0
            let deliveries =
                try await sql.raw(
                    "SELECT COUNT(*) AS n FROM platform_event_deliveries WHERE delivered_at IS NULL"
                ).first(decodingColumn: "n", as: Int.self) ?? 0
            return events + deliveries
        }
    }
}
