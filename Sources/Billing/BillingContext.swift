import Identity
import Logging
import Platform
import ServiceLifecycle

/// The billing context assembled: the provider (the built-in simulator), the payment service, the callback
/// receiver, the background services and the reconciliation, wired once by the application.
public struct BillingContext: Sendable {
    public let provider: SimulatedPaymentProvider
    public let payments: PaymentService
    public let receiver: PaymentCallbackReceiver
    public let payers: PayerDirectory
    public let reconciliation: Reconciliation
    /// The simulator's back office and our recovery of stuck payments; run them in the service group.
    public let services: [any Service]

    public init(database: Database, registration: ResidentRegistration, logger: Logger) {
        let provider = SimulatedPaymentProvider(database: database)
        let secret = SimulatorSecret(database: database)
        let payments = PaymentService(database: database, provider: provider, logger: logger)
        let receiver = PaymentCallbackReceiver(payments: payments, secret: secret)
        self.provider = provider
        self.payments = payments
        self.receiver = receiver
        self.payers = PayerDirectory(registration: registration)
        self.reconciliation = Reconciliation(database: database, provider: provider)
        self.services = [
            SimulatedProviderService(provider: provider, secret: secret, logger: logger) { body, signature in
                await receiver.deliver(body: body, signature: signature)
            },
            PaymentRecoveryService(payments: payments, logger: logger),
        ]
    }

    /// The API routes of the context.
    public func api(database: Database) -> BillingAPI {
        BillingAPI(
            database: database, service: self.payments, payers: self.payers, receiver: self.receiver,
            reconciliation: self.reconciliation)
    }
}
