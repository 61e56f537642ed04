import Foundation
import Platform
import SQLKit

/// Queues notifications inside the caller's transaction, so a notification exists exactly when the change it
/// reports was committed (the outbox pattern): the inbox row at once, SMS and email deliveries for
/// ``NotificationDeliveryService`` to send at least once.
///
/// Stateless: any context creates one where it needs it.
public struct Notifier: Sendable {
    public init() {}

    /// Writes `draft` with `sql`, the caller's open transaction; returns the notification's id.
    @discardableResult
    public func enqueue(_ draft: NotificationDraft, on sql: any SQLDatabase) async throws -> Int64 {
        let now = CityClock.now()
        // An inbox row is always written: it is what SMS and email deliveries refer to; without the inbox
        // channel it is born read, so it does not count as unread.
        let id = try await sql.insert(into: "notifications")
            .columns(
                "account_id", "topic", "title_zh", "title_en", "body_zh", "body_en", "link", "created_at", "read_at"
            )
            .values(
                SQLBind(draft.accountID), SQLBind(draft.topic), SQLBind(draft.titleZh), SQLBind(draft.titleEn),
                SQLBind(draft.bodyZh), SQLBind(draft.bodyEn), SQLBind(draft.link), SQLBind(now),
                SQLBind(draft.channels.contains(.inbox) ? nil : now)
            )
            .returning("id").first(decodingColumn: "id", as: Int64.self)
        guard let id else { throw NotifierError.noIdentifier }
        for channel in NotificationChannel.allCases where channel != .inbox && draft.channels.contains(channel) {
            try await sql.insert(into: "notification_deliveries")
                .columns("notification_id", "account_id", "channel", "next_attempt_at")
                .values(SQLBind(id), SQLBind(draft.accountID), SQLBind(channel.rawValue), SQLBind(now))
                .run()
        }
        return id
    }
}

/// The database did not return the new notification's id.
enum NotifierError: Error {
    case noIdentifier
}
