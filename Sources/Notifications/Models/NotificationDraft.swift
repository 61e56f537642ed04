/// Where a notification is delivered: the in-app inbox, and optionally by SMS or email through the outbox.
public enum NotificationChannel: String, Sendable, Codable, CaseIterable {
    case inbox
    case sms
    case email
}

/// A notification another context asks to send to one account, in both of the platform's languages.
public struct NotificationDraft: Sendable, Equatable {
    public let accountID: String
    /// What happened, as a stable dotted name (`application.approved`, `payment.confirmed`).
    public let topic: String
    public let titleZh: String
    public let titleEn: String
    public let bodyZh: String
    public let bodyEn: String
    /// A page of this site the notification leads to (`/services/applications/…`), or nil.
    public let link: String?
    public let channels: Set<NotificationChannel>

    public init(
        accountID: String, topic: String, titleZh: String, titleEn: String, bodyZh: String, bodyEn: String,
        link: String?, channels: Set<NotificationChannel> = [.inbox]
    ) {
        self.accountID = accountID
        self.topic = topic
        self.titleZh = titleZh
        self.titleEn = titleEn
        self.bodyZh = bodyZh
        self.bodyEn = bodyEn
        self.link = link
        self.channels = channels
    }
}
