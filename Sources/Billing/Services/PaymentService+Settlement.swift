import Foundation
import Logging
import Notifications
import Platform
import SQLKit

extension PaymentService {
    /// What applying a provider record did.
    public enum Applied: Sendable, Equatable {
        /// The record changed our ledger.
        case applied
        /// We had already applied it (a repeated callback): nothing changed.
        case alreadyApplied
    }

    /// Applies a settled provider record (from a verified callback or a query), exactly once: every step is a
    /// conditional update from the status it must have, in one transaction.
    @discardableResult
    public func apply(_ record: ProviderRecord) async throws -> Applied {
        guard record.status != .accepted else { return .alreadyApplied }
        let at = record.settledAt ?? CityClock.now()
        return try await self.database.transaction { sql in
            switch record.kind {
            case .charge:
                return try await self.applyCharge(record, at: at, on: sql)
            case .refund:
                return try await self.applyRefund(record, at: at, on: sql)
            }
        }
    }

    private func applyCharge(_ record: ProviderRecord, at: Int64, on sql: any SQLDatabase) async throws -> Applied {
        guard let payment = try await PaymentRepository.find(record.merchantRef, on: sql) else {
            throw BillingProblem.unknownPayment
        }
        guard payment.amountFen == record.amountFen else {
            self.logger.error("payment.amount_mismatch", metadata: ["payment": "\(payment.id)"])
            throw BillingProblem.callbackAmount
        }
        let succeeded = record.status == .succeeded
        let update = sql.update("billing_payments")
            .set("status", to: (succeeded ? Payment.Status.succeeded : .failed).rawValue)
            .set("provider_ref", to: record.providerRef)
        if succeeded { update.set("confirmed_at", to: at) } else { update.set("failure", to: "declined") }
        let changed = try await update.where("id", .equal, payment.id)
            .where("status", .equal, Payment.Status.pending.rawValue).returning("id").all()
        guard !changed.isEmpty else { return .alreadyApplied }
        let bill = sql.update("billing_bills").where("id", .equal, payment.billID)
            .where("status", .equal, Bill.Status.pending.rawValue)
        if succeeded {
            try await bill.set("status", to: Bill.Status.paid.rawValue).set("paid_at", to: at).run()
        } else {
            try await bill.set("status", to: Bill.Status.unpaid.rawValue).run()
        }
        try await BillRepository.record(
            succeeded ? .paymentSucceeded : .paymentFailed, bill: payment.billID, payment: payment.id,
            actor: self.provider.name, at: at, on: sql)
        let amount = Fen.format(payment.amountFen)
        try await Notifier().enqueue(
            NotificationDraft(
                accountID: payment.accountID, topic: succeeded ? "payment.confirmed" : "payment.failed",
                titleZh: succeeded ? "缴费成功" : "缴费未成功", titleEn: succeeded ? "Payment confirmed" : "Payment declined",
                bodyZh: succeeded ? "你已成功缴费 \(amount)。" : "支付 \(amount) 未成功，账单已恢复为待缴，可重新支付。",
                bodyEn: succeeded
                    ? "Your payment of \(amount) is confirmed."
                    : "Your payment of \(amount) was declined; the bill is open again.",
                link: "/bills/\(payment.billID)", channels: succeeded ? [.inbox, .sms] : [.inbox]),
            on: sql)
        self.logger.info(
            succeeded ? "payment.succeeded" : "payment.failed",
            metadata: ["payment": "\(payment.id)", "amount_fen": "\(payment.amountFen)"])
        return .applied
    }

    private func applyRefund(_ record: ProviderRecord, at: Int64, on sql: any SQLDatabase) async throws -> Applied {
        guard
            let row = try await sql.select().columns("payment_id", "amount_fen").from("billing_refunds")
                .where("id", .equal, record.merchantRef).first()
        else { throw BillingProblem.unknownPayment }
        let paymentID = try row.decode(column: "payment_id", as: String.self)
        guard try row.decode(column: "amount_fen", as: Int64.self) == record.amountFen else {
            throw BillingProblem.callbackAmount
        }
        // A refund the provider could not make stays pending for staff to look at; reconciliation lists it.
        guard record.status == .succeeded else {
            self.logger.error("refund.failed_at_provider", metadata: ["refund": "\(record.merchantRef)"])
            return .alreadyApplied
        }
        let changed = try await sql.update("billing_refunds").set("status", to: Refund.Status.succeeded.rawValue)
            .set("confirmed_at", to: at).set("provider_ref", to: record.providerRef)
            .where("id", .equal, record.merchantRef).where("status", .equal, Refund.Status.pending.rawValue)
            .returning("id").all()
        guard !changed.isEmpty else { return .alreadyApplied }
        try await sql.update("billing_payments").set("status", to: Payment.Status.refunded.rawValue)
            .where("id", .equal, paymentID).where("status", .equal, Payment.Status.refundPending.rawValue).run()
        guard let payment = try await PaymentRepository.find(paymentID, on: sql) else { return .applied }
        try await sql.update("billing_bills").set("status", to: Bill.Status.refunded.rawValue)
            .where("id", .equal, payment.billID).where("status", .equal, Bill.Status.refundPending.rawValue).run()
        try await BillRepository.record(
            .refunded, bill: payment.billID, payment: payment.id, actor: self.provider.name, at: at, on: sql)
        let amount = Fen.format(payment.amountFen)
        try await Notifier().enqueue(
            NotificationDraft(
                accountID: payment.accountID, topic: "payment.refunded", titleZh: "退款已到账", titleEn: "Refund completed",
                bodyZh: "\(amount) 已退回你的支付账户。", bodyEn: "\(amount) has been refunded to your payment account.",
                link: "/bills/\(payment.billID)", channels: [.inbox, .sms]),
            on: sql)
        return .applied
    }
}
