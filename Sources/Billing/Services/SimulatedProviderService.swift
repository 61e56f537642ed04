import Foundation
import Logging
import Platform
import SQLKit
import ServiceLifecycle

/// The simulator's back office, run as a service: settles accepted items whose time has come and delivers a
/// signed callback for each, at least once, retrying with back-off until it is acknowledged.
public struct SimulatedProviderService: Service {
    /// Delivers one signed callback (`body`, signature header); true when the receiver acknowledged it.
    public typealias Delivery = @Sendable (_ body: String, _ signature: String) async -> Bool

    let provider: SimulatedPaymentProvider
    let secret: SimulatorSecret
    let deliver: Delivery
    let interval: Duration
    let logger: Logger

    public init(
        provider: SimulatedPaymentProvider, secret: SimulatorSecret, interval: Duration = .milliseconds(250),
        logger: Logger, deliver: @escaping Delivery
    ) {
        self.provider = provider
        self.secret = secret
        self.deliver = deliver
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        try await PeriodicWork.run(every: self.interval, logger: self.logger, failure: "simulator.tick_failed") {
            try await self.tick()
        }
    }

    /// One round: settle what is due, then deliver due callbacks, batch after batch until nothing due is left (a
    /// round that took one batch per tick fell behind a busy hour: 400 callbacks a second at most).
    public func tick(now: Int64 = CityClock.now()) async throws {
        while true {
            let settled = try await self.settle(now: now)
            let delivered = try await self.deliverDue(now: now)
            guard settled == Self.settleBatch || delivered == Self.deliveryBatch else { return }
        }
    }

    static let settleBatch = 200
    static let deliveryBatch = 100

    private func settle(now: Int64) async throws -> Int {
        let database = self.provider.database
        let due = try await database.withConnection { sql in
            try await sql.select().columns("provider_ref", "kind", "amount_fen").from("billing_sim_ledger")
                .where("callback_state", .equal, "waiting").where("next_attempt_at", .lessThanOrEqual, now)
                .limit(Self.settleBatch).all()
        }
        for row in due {
            let reference = try row.decode(column: "provider_ref", as: String.self)
            let declined =
                try row.decode(column: "kind", as: String.self) == ProviderRecord.Kind.charge.rawValue
                && self.provider.declines(try row.decode(column: "amount_fen", as: Int64.self))
            try await database.withConnection { sql in
                try await sql.update("billing_sim_ledger")
                    .set("status", to: declined ? ProviderRecord.Status.failed.rawValue : "succeeded")
                    .set("settled_at", to: now).set("callback_state", to: "due").set("next_attempt_at", to: now)
                    .where("provider_ref", .equal, reference).where("callback_state", .equal, "waiting").run()
            }
        }
        return due.count
    }

    private func deliverDue(now: Int64) async throws -> Int {
        let database = self.provider.database
        let rows = try await database.withConnection { sql in
            try await sql.select().column("*").from("billing_sim_ledger").where("callback_state", .equal, "due")
                .where("next_attempt_at", .lessThanOrEqual, now).orderBy("next_attempt_at").limit(Self.deliveryBatch)
                .all()
        }
        let signer = CallbackSignature(secret: try await self.secret.value())
        for row in rows {
            let record = try SimulatedPaymentProvider.record(row)
            let attempts = try row.decode(column: "callback_attempts", as: Int.self)
            // Claim the attempt so that a second node running the simulator does not send it at the same moment.
            let lease = now + 30
            let claimed = try await database.withConnection { sql in
                try await sql.update("billing_sim_ledger").set("next_attempt_at", to: lease)
                    .where("provider_ref", .equal, record.providerRef).where("callback_state", .equal, "due")
                    .where("next_attempt_at", .lessThanOrEqual, now).returning("provider_ref").all()
            }
            guard !claimed.isEmpty else { continue }
            let body = try ProviderCallback(record).json()
            let acknowledged = await self.deliver(body, signer.sign(body))
            try await database.withConnection { sql in
                let update = sql.update("billing_sim_ledger").set("callback_attempts", to: attempts + 1)
                if acknowledged {
                    update.set("callback_state", to: "delivered")
                } else {
                    update.set("next_attempt_at", to: now + (Int64(1) << min(attempts + 1, 10)))
                }
                try await update.where("provider_ref", .equal, record.providerRef).run()
            }
            if !acknowledged {
                self.logger.notice("simulator.callback_refused", metadata: ["provider_ref": "\(record.providerRef)"])
            }
        }
        return rows.count
    }
}

/// The body of a provider callback.
public struct ProviderCallback: Codable, Sendable, Equatable {
    /// `charge.succeeded`, `charge.failed`, `refund.succeeded` or `refund.failed`.
    public let type: String
    public let providerRef: String
    public let merchantRef: String
    public let amountFen: Int64
    public let settledAt: Int64

    public init(_ record: ProviderRecord) {
        self.type = "\(record.kind.rawValue).\(record.status.rawValue)"
        self.providerRef = record.providerRef
        self.merchantRef = record.merchantRef
        self.amountFen = record.amountFen
        self.settledAt = record.settledAt ?? CityClock.now()
    }

    /// The record the callback reports, nil for an unknown type.
    public var record: ProviderRecord? {
        let parts = self.type.split(separator: ".").map(String.init)
        guard parts.count == 2, let kind = ProviderRecord.Kind(rawValue: parts[0]),
            let status = ProviderRecord.Status(rawValue: parts[1]), status != .accepted
        else { return nil }
        return ProviderRecord(
            providerRef: self.providerRef, kind: kind, merchantRef: self.merchantRef, amountFen: self.amountFen,
            status: status, settledAt: self.settledAt)
    }

    /// Compact JSON with sorted keys, the exact bytes that get signed.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
