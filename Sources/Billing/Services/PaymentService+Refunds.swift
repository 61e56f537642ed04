import Foundation
import Logging
import Platform
import SQLKit

extension PaymentService {
    /// `{"reason": "…"}`.
    public struct RefundRequest: Codable, Sendable {
        public let reason: String

        public init(reason: String) {
            self.reason = reason
        }
    }

    /// Requests a full refund of a succeeded payment on behalf of `staff` (the issuing department's staff or an
    /// administrator), under idempotency key `key`; the provider is asked after the request is recorded.
    public func refund(
        paymentID: String, by staff: Principal?, key: String, request: RefundRequest, address: String?
    ) async throws -> Answer {
        guard let staff else { throw AuthorizationProblem.unauthenticated }
        let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(reason.count) else { throw BillingProblem.invalidReason }
        let hash = IdempotencyKeys.fingerprint("POST", "/api/v1/payments/\(paymentID)/refunds", reason)
        let refundID = SortableID.make()
        let answer: Answer
        do {
            answer = try await self.refundTransaction(
                paymentID: paymentID, staff: staff, key: key, reason: reason, hash: hash, refundID: refundID,
                address: address)
        } catch {
            // The same key may have committed while this request waited on the payment's row: replay it.
            let stored = try await self.database.withConnection {
                try await IdempotencyStore.find(account: staff.subject, key: key, on: $0)
            }
            guard let stored else { throw error }
            let replay = try IdempotencyStore.replay(stored, hash: hash)
            return Answer(status: replay.status, body: replay.body, replayed: true)
        }
        if !answer.replayed { await self.submitRefund(refundID) }
        return answer
    }

    private func refundTransaction(
        paymentID: String, staff: Principal, key: String, reason: String, hash: String, refundID: String,
        address: String?
    ) async throws -> Answer {
        try await self.database.transaction { sql -> Answer in
            if let stored = try await IdempotencyStore.find(account: staff.subject, key: key, on: sql) {
                let replay = try IdempotencyStore.replay(stored, hash: hash)
                return Answer(status: replay.status, body: replay.body, replayed: true)
            }
            guard let payment = try await PaymentRepository.find(paymentID, on: sql),
                let bill = try await BillRepository.find(payment.billID, on: sql)
            else { throw BillingProblem.paymentNotFound }
            try Authorization.require(staff, .manageBills, department: bill.departmentID)
            let claimed = try await sql.update("billing_payments")
                .set("status", to: Payment.Status.refundPending.rawValue).where("id", .equal, paymentID)
                .where("status", .equal, Payment.Status.succeeded.rawValue).returning("id").all()
            guard !claimed.isEmpty else { throw BillingProblem.notRefundable }
            try await sql.update("billing_bills").set("status", to: Bill.Status.refundPending.rawValue)
                .where("id", .equal, bill.id).where("status", .equal, Bill.Status.paid.rawValue).run()
            let now = CityClock.now()
            try await sql.insert(into: "billing_refunds")
                .columns(
                    "id", "payment_id", "amount_fen", "reason", "requested_by", "status", "created_at", "next_check_at"
                )
                .values(
                    SQLBind(refundID), SQLBind(paymentID), SQLBind(payment.amountFen), SQLBind(reason),
                    SQLBind(staff.subject), SQLBind(Refund.Status.pending.rawValue), SQLBind(now),
                    SQLBind(now + self.checkAfter)
                ).run()
            try await BillRepository.record(
                .refundRequested, bill: bill.id, payment: paymentID, actor: staff.subject, at: now, on: sql)
            try await AuditLog.record(
                AuditEvent(
                    actor: staff.subject, action: "payment.refund", target: paymentID, address: address,
                    detail: "\(payment.amountFen) fen"),
                on: sql)
            let refund = try await sql.select().column("*").from("billing_refunds").where("id", .equal, refundID)
                .first().map(PaymentRepository.refund)!
            let body = try Self.json(refund)
            try await IdempotencyStore.save(
                account: staff.subject, key: key,
                IdempotencyStore.Stored(requestHash: hash, status: 202, body: body), on: sql)
            return Answer(status: 202, body: body, replayed: false)
        }
    }

    /// Hands a pending refund to the provider; failures are left to the recovery service.
    func submitRefund(_ refundID: String) async {
        do {
            guard let item = try await self.payments.pendingRefund(refundID), let chargeRef = item.chargeRef else {
                return
            }
            let reference = try await self.provider.refund(
                merchantRef: refundID, chargeRef: chargeRef, amountFen: item.amountFen)
            try await self.database.withConnection { sql in
                try await sql.update("billing_refunds").set("provider_ref", to: reference)
                    .where("id", .equal, refundID).where(SQLColumn("provider_ref"), .is, SQLLiteral.null).run()
            }
        } catch {
            self.logger.warning(
                "refund.submit_failed", metadata: ["refund": "\(refundID)", "error.type": "\(type(of: error))"])
        }
    }

    /// Checks pending payments and refunds whose time is due with the provider: applies what it settled, submits
    /// again what it never received, and checks the rest later. Returns how many items it looked at.
    @discardableResult
    public func recoverDue(now: Int64 = CityClock.now()) async throws -> Int {
        let pending = try await self.payments.duePending(now: now, limit: 100)
        for payment in pending {
            if let record = try await self.provider.lookup(.charge, merchantRef: payment.id) {
                if record.status != .accepted {
                    try await self.apply(record)
                    continue
                }
            } else {
                self.logger.notice("payment.resubmitted", metadata: ["payment": "\(payment.id)"])
                await self.submit(paymentID: payment.id)
            }
            try await self.payments.postpone(table: "billing_payments", id: payment.id, until: now + self.checkAfter)
        }
        let refunds = try await self.payments.dueRefunds(now: now, limit: 100)
        for refund in refunds {
            if let record = try await self.provider.lookup(.refund, merchantRef: refund.id) {
                if record.status == .succeeded {
                    try await self.apply(record)
                    continue
                }
            } else {
                await self.submitRefund(refund.id)
            }
            try await self.payments.postpone(table: "billing_refunds", id: refund.id, until: now + self.checkAfter)
        }
        return pending.count + refunds.count
    }
}
