import HTTPTypes
import Platform

/// One notification in a resident's inbox, as the API returns it (in the request's language).
public struct Notification: Codable, Sendable, Equatable {
    public let id: String
    public let topic: String
    public let title: String
    public let body: String
    public let link: String?
    /// Unix seconds.
    public let createdAt: Int64
    public let read: Bool
}

/// The notifications context's problems.
public enum NotificationProblem {
    /// 404: no such notification in the caller's inbox.
    public static let notFound = Problem(
        .notFound, code: "notification_not_found", zh: "没有这条消息。", en: "There is no such notification.")
}
