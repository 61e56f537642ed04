import Platform

/// One attempt to pay a bill through the payment provider.
public struct Payment: Sendable, Equatable {
    /// Where the payment stands.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Accepted by us, waiting for the provider's signed confirmation.
        case pending
        case succeeded
        /// The provider declined; the bill is open again.
        case failed
        case refundPending = "refund_pending"
        case refunded
    }

    public let id: String
    public let billID: String
    /// Who paid.
    public let accountID: String
    public let amountFen: Int64
    public let provider: String
    public let providerRef: String?
    public let status: Status
    public let createdAt: Int64
    /// When the provider settled it (from its callback or its answer to a query).
    public let confirmedAt: Int64?
    public let failure: String?
}

/// A payment as the API shows it.
public struct PaymentView: Codable, Sendable {
    public let id: String
    public let billId: String
    public let amountFen: Int64
    public let amount: String
    public let provider: String
    public let providerRef: String?
    public let status: Payment.Status
    public let createdAt: String
    public let confirmedAt: String?
    public let failure: String?

    public init(_ payment: Payment) {
        self.id = payment.id
        self.billId = payment.billID
        self.amountFen = payment.amountFen
        self.amount = Fen.format(payment.amountFen)
        self.provider = payment.provider
        self.providerRef = payment.providerRef
        self.status = payment.status
        self.createdAt = CityClock.rfc3339(payment.createdAt)
        self.confirmedAt = payment.confirmedAt.map(CityClock.rfc3339)
        self.failure = payment.failure
    }
}

/// A full refund of a succeeded payment, requested by department staff.
public struct Refund: Sendable, Equatable, Codable {
    /// Where the refund stands.
    public enum Status: String, Codable, Sendable {
        case pending, succeeded
    }

    public let id: String
    public let paymentId: String
    public let amountFen: Int64
    public let reason: String
    public let requestedBy: String
    public let status: Status
    public let createdAt: String
    public let confirmedAt: String?
}

/// One step of a bill's history, for the "my affairs" timeline.
public struct BillEvent: Sendable, Equatable, Codable {
    /// What happened.
    public enum Kind: String, Codable, Sendable {
        case issued
        case paymentStarted = "payment_started"
        case paymentSucceeded = "payment_succeeded"
        case paymentFailed = "payment_failed"
        case refundRequested = "refund_requested"
        case refunded
    }

    public let at: String
    public let kind: Kind
    public let paymentId: String?
}
