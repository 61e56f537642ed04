import Platform

extension BillingPages {
    /// A bill in a list.
    struct BillRow: Sendable {
        let id: String
        let title: String
        let kind: String
        let amount: String
        let due: String
        let status: String
        let statusCode: String
    }

    /// The catalog service a list is narrowed to.
    struct ServiceRow: Sendable {
        let id: String
        let name: String
    }

    /// `/bills`, optionally narrowed to one catalog payment service.
    struct ListModel: Sendable {
        let service: ServiceRow?
        /// Narrowed to a payment service whose bills are not issued here.
        let noBillsHere: Bool
        let verified: Bool
        let open: [BillRow]
        let done: [BillRow]
        let hasOpen: Bool
        let hasDone: Bool
        let empty: Bool
    }

    /// A payment on the bill page (the receipt when it succeeded).
    struct PaymentRow: Sendable {
        let id: String
        let amount: String
        let status: String
        let providerRef: String
        let confirmedAt: String
        let succeeded: Bool
    }

    /// A timeline entry.
    struct EventRow: Sendable {
        let when: String
        let what: String
    }

    /// `/bills/{id}` and `/bills/{id}/pay`.
    struct DetailModel: Sendable {
        let bill: BillRow
        let reference: String
        let amountFen: Int64
        let payable: Bool
        let pending: Bool
        let payments: [PaymentRow]
        let timeline: [EventRow]
        let error: String?
        /// A fresh idempotency key for the confirmation form, so a double submit pays once.
        let key: String
    }

    /// One side's totals on the reconciliation page.
    struct TotalsRow: Sendable {
        let side: String
        let charges: String
        let refunds: String
        let net: String
    }

    /// A difference on the reconciliation page.
    struct MismatchRow: Sendable {
        let problem: String
        let kind: String
        let reference: String
        let ledger: String
        let provider: String
    }

    /// `/console/billing/reconciliation`.
    struct ReconciliationModel: Sendable {
        let date: String
        let totals: [TotalsRow]
        let matched: Int
        let mismatches: [MismatchRow]
        let balanced: Bool
    }

    static func row(_ bill: Bill, _ strings: [String: String], _ locale: AppLocale) -> BillRow {
        BillRow(
            id: bill.id, title: locale.pick(zh: bill.title, en: bill.titleEn),
            kind: strings["kind_" + bill.kind.rawValue] ?? bill.kind.rawValue, amount: Fen.format(bill.amountFen),
            due: bill.dueDate, status: strings["status_" + bill.status.rawValue] ?? bill.status.rawValue,
            statusCode: bill.status.rawValue)
    }

    static func row(_ payment: Payment, _ strings: [String: String]) -> PaymentRow {
        PaymentRow(
            id: payment.id, amount: Fen.format(payment.amountFen),
            status: strings["status_" + (payment.status == .succeeded ? "paid" : payment.status.rawValue)]
                ?? payment.status.rawValue,
            providerRef: payment.providerRef ?? "—",
            confirmedAt: payment.confirmedAt.map(CityClock.localDateTime) ?? "—",
            succeeded: payment.status == .succeeded)
    }
}
