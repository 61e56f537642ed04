import Foundation
import SQLKit
import Synchronization
import TestSupport
import Testing

@testable import Platform

/// Records every event it handles in its own table (primary key: event id), so a second delivery of one event
/// would fail its transaction and show up.
struct RecordingSubscriber: EventSubscriber {
    let name: String
    let topics: Set<String>
    let state = SubscriberState()
    /// How many times ``handle(_:on:)`` ran.
    var calls: Int { self.state.calls.withLock { $0 } }

    func handle(_ event: DomainEvent, on sql: any SQLDatabase) async throws {
        self.state.calls.withLock { $0 += 1 }
        if event.payload.contains(#""fail":true"#), self.state.failed.withLock({ $0.insert(event.id).inserted }) {
            throw CancellationError()
        }
        try await sql.insert(into: "outbox_test_effects").columns("event_id", "subscriber")
            .values(SQLBind(event.id), SQLBind(self.name)).run()
    }
}

/// What a recording subscriber remembers across deliveries.
final class SubscriberState: Sendable {
    /// The events whose first delivery failed (payload `"fail":true`).
    let failed = Mutex(Set<String>())
    let calls = Mutex(0)
}

/// The payload the tests publish.
struct TestPayload: Codable, Sendable {
    let n: Int
    let fail: Bool
}

@Suite("The event outbox")
struct EventOutboxTests {
    static let migrations: [any Migration] =
        KernelModule.migrations + [
            SQLMigration(
                id: "test.0001.effects",
                statements: [
                    "CREATE TABLE outbox_test_effects (event_id TEXT NOT NULL, subscriber TEXT NOT NULL, PRIMARY KEY (event_id, subscriber))"
                ])
        ]

    static func publish(_ count: Int, topic: String, on database: Database, failEvery: Int = 0) async throws {
        let outbox = EventOutbox(database: database)
        for n in 0..<count {
            _ = try await database.transaction { sql in
                try await outbox.publish(
                    topic: topic, payload: TestPayload(n: n, fail: failEvery > 0 && n % failEvery == 0), on: sql)
            }
        }
    }

    static func effects(_ database: Database, _ subscriber: String) async throws -> Int {
        try await database.withConnection { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM outbox_test_effects WHERE subscriber = \(bind: subscriber)")
                .first(decodingColumn: "n", as: Int.self) ?? -1
        }
    }

    @Test("an event written in a rolled-back transaction does not exist", arguments: TestBackend.available)
    func rolledBack(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: Self.migrations) { database in
            let outbox = EventOutbox(database: database)
            await #expect(throws: CancellationError.self) {
                try await database.transaction { sql in
                    try await outbox.publish(topic: "t.a", payload: TestPayload(n: 1, fail: false), on: sql)
                    throw CancellationError()
                }
            }
            let events = try await outbox.events(topic: "t.a")
            #expect(events.isEmpty)
        }
    }

    @Test("every subscriber gets each event of its topics once; failures are retried", arguments: TestBackend.available)
    func delivery(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: Self.migrations) { database in
            try await Self.publish(60, topic: "t.a", on: database, failEvery: 7)
            try await Self.publish(25, topic: "t.b", on: database)
            let first = RecordingSubscriber(name: "first", topics: ["t.a"])
            let both = RecordingSubscriber(name: "both", topics: ["t.a", "t.b"])
            let service = EventDeliveryService(
                database: database, subscribers: [first, both], logger: TestDatabase.logger)
            let clock = Mutex<Int64>(CityClock.now())
            try await service.drain { clock.withLock { $0 } }
            // The failed ones (9 of 60 per subscriber) wait for their retry.
            #expect(try await Self.effects(database, "first") == 51)
            clock.withLock { $0 += 5 }
            try await service.drain { clock.withLock { $0 } }
            #expect(try await Self.effects(database, "first") == 60)
            #expect(try await Self.effects(database, "both") == 85)
            #expect(try await service.pending() == 0)
            #expect(first.calls == 69)
        }
    }

    @Test(
        "a node that dies after claiming leaves the delivery to another after the lease",
        arguments: TestBackend.available)
    func deadNode(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: Self.migrations) { database in
            try await Self.publish(30, topic: "t.a", on: database)
            let subscriber = RecordingSubscriber(name: "s", topics: ["t.a"])
            let dying = EventDeliveryService(
                database: database, subscribers: [subscriber], logger: TestDatabase.logger, lease: 30)
            let now = CityClock.now()
            _ = try await dying.fanOut(now: now)
            let claimed = try await dying.claim(now: now)
            #expect(claimed.count == 30)
            // Delivers 10, then "dies": the other 20 stay claimed.
            for delivery in claimed.prefix(10) { #expect(try await dying.deliver(delivery, now: now)) }
            let survivor = EventDeliveryService(
                database: database, subscribers: [subscriber], logger: TestDatabase.logger, lease: 30)
            #expect(try await survivor.drain { now + 1 } == 0)
            #expect(try await survivor.drain { now + 31 } == 20)
            #expect(try await Self.effects(database, "s") == 30)
            #expect(subscriber.calls == 30)
        }
    }

    @Test("two nodes draining at once deliver each event once", arguments: TestBackend.available)
    func twoNodes(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: Self.migrations) { database in
            try await Self.publish(400, topic: "t.a", on: database)
            let subscriber = RecordingSubscriber(name: "s", topics: ["t.a"])
            let nodes = (0..<2).map { _ in
                EventDeliveryService(database: database, subscribers: [subscriber], logger: TestDatabase.logger)
            }
            let delivered = try await withThrowingTaskGroup(of: Int.self) { group in
                for node in nodes { group.addTask { try await node.drain() } }
                return try await group.reduce(0, +)
            }
            #expect(delivered == 400)
            #expect(try await Self.effects(database, "s") == 400)
            #expect(subscriber.calls == 400)
        }
    }
}
