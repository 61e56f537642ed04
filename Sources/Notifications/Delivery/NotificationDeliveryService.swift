import Logging
import Platform
import ServiceLifecycle

/// Sends queued SMS and email deliveries through the configured ``NotificationSender``, at least once: every second
/// it claims due deliveries, marks the sent ones and retries failures with back-off.
public struct NotificationDeliveryService: Service {
    let outbox: DeliveryOutbox
    let sender: any NotificationSender
    let logger: Logger
    let interval: Duration

    public init(database: Database, sender: any NotificationSender, logger: Logger, interval: Duration = .seconds(1)) {
        self.outbox = DeliveryOutbox(database: database)
        self.sender = sender
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        try await PeriodicWork.run(every: self.interval, logger: self.logger, failure: "notification.delivery_failed") {
            _ = try await self.deliverDue()
        }
    }

    /// Sends every due delivery once; returns how many were sent.
    public func deliverDue() async throws -> Int {
        var sent = 0
        for message in try await self.outbox.claimDue(limit: 50) {
            do {
                try await self.sender.send(message)
                try await self.outbox.sent(message.deliveryID)
                sent += 1
            } catch {
                self.logger.notice(
                    "notification.retry",
                    metadata: ["delivery": "\(message.deliveryID)", "error.type": "\(type(of: error))"])
                try await self.outbox.failed(message, reason: "\(type(of: error))")
            }
        }
        return sent
    }
}
