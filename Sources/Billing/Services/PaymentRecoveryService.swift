import Logging
import Platform
import ServiceLifecycle

/// Runs ``PaymentService/recoverDue(now:)`` every few seconds, so a payment whose submission or callback was lost
/// (a crash, a network failure) is settled from the provider's own answer.
public struct PaymentRecoveryService: Service {
    let payments: PaymentService
    let interval: Duration
    let logger: Logger

    public init(payments: PaymentService, interval: Duration = .seconds(5), logger: Logger) {
        self.payments = payments
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        try await PeriodicWork.run(every: self.interval, logger: self.logger, failure: "payment.recovery_failed") {
            try await self.payments.recoverDue()
        }
    }
}
