import Foundation
import SQLKit

/// A fact one context tells the others (a council decision passed, a campaign succeeded), as the outbox stores it.
public struct DomainEvent: Sendable, Equatable {
    /// A sortable id, unique across the platform; subscribers use it to handle each event once.
    public let id: String
    /// What happened, namespaced by the publishing context (`participation.decision.passed`).
    public let topic: String
    /// The event's data as JSON (the publisher's `Encodable` value).
    public let payload: String
    /// When it was published (Unix seconds).
    public let occurredAt: Int64

    public init(id: String, topic: String, payload: String, occurredAt: Int64) {
        self.id = id
        self.topic = topic
        self.payload = payload
        self.occurredAt = occurredAt
    }

    /// Decodes the payload as the publisher's type.
    public func decode<Payload: Decodable>(_ type: Payload.Type) throws -> Payload {
        try JSONDecoder().decode(type, from: Data(self.payload.utf8))
    }
}

/// Handles events of some topics; registered by a module (``ContextModule/subscribers``).
///
/// Delivery is at least once: ``handle(_:on:)`` runs inside a transaction that also records the delivery, so its
/// database writes take effect exactly once; anything outside the database (a message to another system) must be
/// idempotent by the event's id.
public protocol EventSubscriber: Sendable {
    /// A stable name, unique across the platform (`funds.projects`): deliveries are recorded per subscriber.
    var name: String { get }
    /// The topics it wants.
    var topics: Set<String> { get }
    /// Reacts to one event with `sql`, the delivery's open transaction. Throwing rolls the reaction back; the event
    /// is offered again later with a growing delay.
    func handle(_ event: DomainEvent, on sql: any SQLDatabase) async throws
}
