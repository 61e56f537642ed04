import Foundation
import Logging
import Platform
import SQLKit

/// Paying bills: takes a payment once per bill and per idempotency key, submits it to the provider, and applies the
/// provider's confirmations, refusals and refunds, each exactly once.
///
/// The write that starts a payment (key row, bill `unpaid → pending`, payment row, timeline) is one transaction;
/// the provider is called after it commits. A crash in between leaves a pending payment that
/// ``PaymentRecoveryService`` finds and submits again — provider calls are idempotent per payment id — so no
/// payment is lost and none is taken twice.
public struct PaymentService: Sendable {
    let database: Database
    let provider: any PaymentProvider
    let payments: PaymentRepository
    let logger: Logger
    /// How long a pending payment waits before it is checked with the provider.
    let checkAfter: Int64

    public init(database: Database, provider: any PaymentProvider, logger: Logger, checkAfter: Int64 = 30) {
        self.database = database
        self.provider = provider
        self.payments = PaymentRepository(database: database)
        self.logger = logger
        self.checkAfter = checkAfter
    }

    /// The answer to a payment or refund request, possibly replayed from an earlier request with the same key.
    public struct Answer: Sendable {
        public let status: Int
        public let body: String
        public let replayed: Bool
    }

    /// `{"amountFen": N}`: the payer confirms the amount they saw.
    public struct PayRequest: Codable, Sendable {
        public let amountFen: Int64

        public init(amountFen: Int64) {
            self.amountFen = amountFen
        }
    }

    /// Starts paying `billID` for `payer` under idempotency key `key`.
    public func pay(billID: String, payer: Payer, key: String, request: PayRequest) async throws -> Answer {
        let hash = IdempotencyKeys.fingerprint("POST", "/api/v1/bills/\(billID)/payments", "\(request.amountFen)")
        let paymentID = SortableID.make()
        let answer: Answer
        do {
            answer = try await self.database.transaction { sql in
                if let stored = try await IdempotencyStore.find(account: payer.accountID, key: key, on: sql) {
                    let replay = try IdempotencyStore.replay(stored, hash: hash)
                    return Answer(status: replay.status, body: replay.body, replayed: true)
                }
                guard let bill = try await BillRepository.find(billID, on: sql), BillRepository.belongs(bill, to: payer)
                else { throw BillingProblem.billNotFound }
                guard request.amountFen == bill.amountFen else { throw BillingProblem.amountMismatch }
                let claimed = try await sql.update("billing_bills").set("status", to: Bill.Status.pending.rawValue)
                    .where("id", .equal, billID).where("status", .equal, Bill.Status.unpaid.rawValue)
                    .returning("id").all()
                guard !claimed.isEmpty else { throw Self.refusal(for: bill.status) }
                let now = CityClock.now()
                try await sql.insert(into: "billing_payments")
                    .columns(
                        "id", "bill_id", "account_id", "amount_fen", "provider", "status", "created_at", "next_check_at"
                    )
                    .values(
                        SQLBind(paymentID), SQLBind(billID), SQLBind(payer.accountID), SQLBind(bill.amountFen),
                        SQLBind(self.provider.name), SQLBind(Payment.Status.pending.rawValue), SQLBind(now),
                        SQLBind(now + self.checkAfter)
                    ).run()
                try await BillRepository.record(
                    .paymentStarted, bill: billID, payment: paymentID, actor: payer.accountID, at: now, on: sql)
                let payment = try await PaymentRepository.find(paymentID, on: sql)!
                let body = try Self.json(PaymentView(payment))
                let stored = IdempotencyStore.Stored(requestHash: hash, status: 202, body: body)
                try await IdempotencyStore.save(account: payer.accountID, key: key, stored, on: sql)
                return Answer(status: 202, body: body, replayed: false)
            }
        } catch {
            // Lost a race: the same key committed first (replay its answer: on PostgreSQL the loser may have waited
            // on the bill's row or the key's index rather than seen the key), or another payment of the bill did
            // (refuse like the conditional update would have).
            let (stored, bill) = try await self.database.withConnection { sql in
                (
                    try await IdempotencyStore.find(account: payer.accountID, key: key, on: sql),
                    try await BillRepository.find(billID, on: sql)
                )
            }
            if let stored {
                let replay = try IdempotencyStore.replay(stored, hash: hash)
                return Answer(status: replay.status, body: replay.body, replayed: true)
            }
            if error is Problem { throw error }
            if let bill, bill.status != .unpaid { throw Self.refusal(for: bill.status) }
            throw error
        }
        if !answer.replayed { await self.submit(paymentID: paymentID) }
        return answer
    }

    /// Hands a pending payment to the provider and records its reference. Failures are logged and left to
    /// ``PaymentRecoveryService``, which repeats the (idempotent) submission.
    func submit(paymentID: String) async {
        do {
            guard let payment = try await self.payments.find(paymentID), payment.status == .pending else { return }
            let reference = try await self.provider.charge(
                merchantRef: payment.id, amountFen: payment.amountFen, description: "bill \(payment.billID)")
            try await self.database.withConnection { sql in
                try await sql.update("billing_payments").set("provider_ref", to: reference)
                    .where("id", .equal, paymentID).where(SQLColumn("provider_ref"), .is, SQLLiteral.null).run()
            }
        } catch {
            self.logger.warning(
                "payment.submit_failed", metadata: ["payment": "\(paymentID)", "error.type": "\(type(of: error))"])
        }
    }

    /// The problem for a bill that is not open for payment.
    static func refusal(for status: Bill.Status) -> Problem {
        switch status {
        case .pending: BillingProblem.paymentInProgress
        case .refunded, .refundPending: BillingProblem.billRefunded
        case .paid, .unpaid: BillingProblem.alreadyPaid
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
