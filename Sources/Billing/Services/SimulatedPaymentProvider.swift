import Platform
import SQLKit

/// The built-in payment provider for development, tests and the demo: it keeps its own ledger
/// (`billing_sim_ledger`), settles each charge after ``delay`` seconds and tells us through a signed callback
/// (see ``SimulatedProviderService``).
///
/// Charges whose amount ``declines`` picks fail instead of succeeding, so failure paths can be exercised.
public struct SimulatedPaymentProvider: PaymentProvider {
    public let name = "simulator"
    let database: Database
    /// Seconds between acceptance and settlement.
    let delay: Int64
    let declines: @Sendable (Int64) -> Bool

    public init(database: Database, delay: Int64 = 1, declines: @escaping @Sendable (Int64) -> Bool = { _ in false }) {
        self.database = database
        self.delay = delay
        self.declines = declines
    }

    public func charge(merchantRef: String, amountFen: Int64, description: String) async throws -> String {
        try await self.accept(.charge, merchantRef: merchantRef, chargeRef: nil, amountFen: amountFen)
    }

    public func refund(merchantRef: String, chargeRef: String, amountFen: Int64) async throws -> String {
        try await self.accept(.refund, merchantRef: merchantRef, chargeRef: chargeRef, amountFen: amountFen)
    }

    /// Records an item once per merchant reference; a repeat returns the first one's reference.
    private func accept(_ kind: ProviderRecord.Kind, merchantRef: String, chargeRef: String?, amountFen: Int64)
        async throws -> String
    {
        if let existing = try await self.lookup(kind, merchantRef: merchantRef) { return existing.providerRef }
        let reference = (kind == .charge ? "sim_ch_" : "sim_re_") + SortableID.make()
        let now = CityClock.now()
        do {
            try await self.database.withConnection { sql in
                try await sql.insert(into: "billing_sim_ledger")
                    .columns(
                        "provider_ref", "kind", "merchant_ref", "charge_ref", "amount_fen", "status", "created_at",
                        "callback_state", "next_attempt_at"
                    )
                    .values(
                        SQLBind(reference), SQLBind(kind.rawValue), SQLBind(merchantRef), SQLBind(chargeRef),
                        SQLBind(amountFen), SQLBind(ProviderRecord.Status.accepted.rawValue), SQLBind(now),
                        SQLBind("waiting"), SQLBind(now + self.delay)
                    ).run()
            }
        } catch {
            // A concurrent submission of the same item won the unique index.
            if let existing = try await self.lookup(kind, merchantRef: merchantRef) { return existing.providerRef }
            throw error
        }
        return reference
    }

    public func lookup(_ kind: ProviderRecord.Kind, merchantRef: String) async throws -> ProviderRecord? {
        try await self.database.withConnection { sql in
            try await sql.select().column("*").from("billing_sim_ledger").where("kind", .equal, kind.rawValue)
                .where("merchant_ref", .equal, merchantRef).first().map(Self.record)
        }
    }

    public func settlements(from: Int64, to: Int64) async throws -> [ProviderRecord] {
        try await self.database.withConnection { sql in
            try await sql.select().column("*").from("billing_sim_ledger")
                .where("status", .equal, ProviderRecord.Status.succeeded.rawValue)
                .where("settled_at", .greaterThanOrEqual, from).where("settled_at", .lessThan, to)
                .orderBy("provider_ref").all().map(Self.record)
        }
    }

    static func record(_ row: any SQLRow) throws -> ProviderRecord {
        ProviderRecord(
            providerRef: try row.decode(column: "provider_ref", as: String.self),
            kind: ProviderRecord.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .charge,
            merchantRef: try row.decode(column: "merchant_ref", as: String.self),
            amountFen: try row.decode(column: "amount_fen", as: Int64.self),
            status: ProviderRecord.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .accepted,
            settledAt: try row.decode(column: "settled_at", as: Int64?.self))
    }
}
