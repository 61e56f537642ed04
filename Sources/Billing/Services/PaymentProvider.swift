/// A payment provider: takes charges and refunds, confirms them later through a signed callback, answers queries
/// about single items, and lists what it settled (for reconciliation).
///
/// Every call is idempotent per merchant reference (our payment or refund id): submitting the same charge twice
/// creates one charge, so a submission that may or may not have arrived can simply be repeated.
public protocol PaymentProvider: Sendable {
    /// The name recorded on payments (`simulator`).
    var name: String { get }
    /// Submits a charge; returns the provider's reference. Confirmation comes later.
    func charge(merchantRef: String, amountFen: Int64, description: String) async throws -> String
    /// Submits a full refund of a settled charge; returns the provider's reference.
    func refund(merchantRef: String, chargeRef: String, amountFen: Int64) async throws -> String
    /// What the provider knows about a charge or refund, nil when it never received it.
    func lookup(_ kind: ProviderRecord.Kind, merchantRef: String) async throws -> ProviderRecord?
    /// Everything the provider settled in `[from, to)` (Unix seconds).
    func settlements(from: Int64, to: Int64) async throws -> [ProviderRecord]
}

/// One entry of the provider's own ledger.
public struct ProviderRecord: Sendable, Equatable {
    /// A charge or a refund.
    public enum Kind: String, Sendable, Codable {
        case charge, refund
    }

    /// Where the provider's item stands.
    public enum Status: String, Sendable, Codable {
        case accepted, succeeded, failed
    }

    public let providerRef: String
    public let kind: Kind
    public let merchantRef: String
    public let amountFen: Int64
    public let status: Status
    /// When it settled (succeeded or failed).
    public let settledAt: Int64?

    public init(
        providerRef: String, kind: Kind, merchantRef: String, amountFen: Int64, status: Status, settledAt: Int64?
    ) {
        self.providerRef = providerRef
        self.kind = kind
        self.merchantRef = merchantRef
        self.amountFen = amountFen
        self.status = status
        self.settledAt = settledAt
    }
}
