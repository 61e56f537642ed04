import Logging

/// One SMS or email to send: the recipient's account (the sender resolves its phone or address), the text, and how
/// many attempts came before.
public struct OutgoingMessage: Sendable, Equatable {
    public let deliveryID: Int64
    public let accountID: String
    public let channel: NotificationChannel
    public let topic: String
    public let title: String
    public let body: String
    public let attempts: Int
}

/// Sends SMS and email: a gateway adapter in production, ``LoggingSender`` by default. Throwing means "try again
/// later"; the outbox retries with back-off.
public protocol NotificationSender: Sendable {
    func send(_ message: OutgoingMessage) async throws
}

/// The default sender: writes each message to the log (account id and topic only, never contact details) and
/// succeeds.
public struct LoggingSender: NotificationSender {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func send(_ message: OutgoingMessage) async throws {
        self.logger.info(
            "notification.sent",
            metadata: [
                "channel": "\(message.channel.rawValue)", "account": "\(message.accountID)",
                "topic": "\(message.topic)", "delivery": "\(message.deliveryID)",
            ])
    }
}
