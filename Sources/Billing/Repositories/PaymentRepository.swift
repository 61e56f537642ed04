import Platform
import SQLKit

/// Reads payments and refunds (writes happen in ``PaymentService``'s transactions).
public struct PaymentRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The payment with this id.
    public func find(_ id: String) async throws -> Payment? {
        try await self.database.withConnection { try await Self.find(id, on: $0) }
    }

    static func find(_ id: String, on sql: any SQLDatabase) async throws -> Payment? {
        try await sql.select().column("*").from("billing_payments").where("id", .equal, id).first().map(Self.payment)
    }

    /// The payments of a bill, oldest first.
    public func payments(ofBill billID: String) async throws -> [Payment] {
        try await self.database.withConnection { sql in
            try await sql.select().column("*").from("billing_payments").where("bill_id", .equal, billID)
                .orderBy("id").all().map(Self.payment)
        }
    }

    /// An account's payments, newest first, after the cursor `before` (a payment id).
    public func list(accountID: String, before: String?, limit: Int) async throws -> (items: [Payment], more: Bool) {
        let rows = try await self.database.withConnection { sql in
            let query = sql.select().column("*").from("billing_payments").where("account_id", .equal, accountID)
            if let before { query.where("id", .lessThan, before) }
            return try await query.orderBy("id", .descending).limit(limit + 1).all()
        }
        return (try rows.prefix(limit).map(Self.payment), rows.count > limit)
    }

    /// The refund of a payment, if one was requested.
    public func refund(ofPayment paymentID: String) async throws -> Refund? {
        try await self.database.withConnection { sql in
            try await sql.select().column("*").from("billing_refunds").where("payment_id", .equal, paymentID).first()
                .map(Self.refund)
        }
    }

    /// Pending payments whose check is due, oldest first.
    func duePending(now: Int64, limit: Int) async throws -> [Payment] {
        try await self.database.withConnection { sql in
            try await sql.select().column("*").from("billing_payments")
                .where("status", .equal, Payment.Status.pending.rawValue).where("next_check_at", .lessThanOrEqual, now)
                .orderBy("next_check_at").limit(limit).all().map(Self.payment)
        }
    }

    /// Pending refunds whose check is due: (refund id, payment id, charge's provider ref, amount).
    func dueRefunds(now: Int64, limit: Int) async throws -> [(
        id: String, paymentID: String, chargeRef: String?, amountFen: Int64
    )] {
        try await self.database.withConnection { sql in
            try await sql.raw(
                """
                SELECT r.id, r.payment_id, p.provider_ref, r.amount_fen FROM billing_refunds r
                JOIN billing_payments p ON p.id = r.payment_id
                WHERE r.status = 'pending' AND r.next_check_at <= \(bind: now)
                ORDER BY r.next_check_at LIMIT \(bind: limit)
                """
            ).all().map { row in
                (
                    try row.decode(column: "id", as: String.self),
                    try row.decode(column: "payment_id", as: String.self),
                    try row.decode(column: "provider_ref", as: String?.self),
                    try row.decode(column: "amount_fen", as: Int64.self)
                )
            }
        }
    }

    /// Moves a pending item's next check later (it is still being worked on).
    func postpone(table: String, id: String, until: Int64) async throws {
        try await self.database.withConnection { sql in
            try await sql.update(table).set("next_check_at", to: until).where("id", .equal, id).run()
        }
    }

    static func payment(_ row: any SQLRow) throws -> Payment {
        Payment(
            id: try row.decode(column: "id", as: String.self),
            billID: try row.decode(column: "bill_id", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            amountFen: try row.decode(column: "amount_fen", as: Int64.self),
            provider: try row.decode(column: "provider", as: String.self),
            providerRef: try row.decode(column: "provider_ref", as: String?.self),
            status: Payment.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            confirmedAt: try row.decode(column: "confirmed_at", as: Int64?.self),
            failure: try row.decode(column: "failure", as: String?.self))
    }

    static func refund(_ row: any SQLRow) throws -> Refund {
        Refund(
            id: try row.decode(column: "id", as: String.self),
            paymentId: try row.decode(column: "payment_id", as: String.self),
            amountFen: try row.decode(column: "amount_fen", as: Int64.self),
            reason: try row.decode(column: "reason", as: String.self),
            requestedBy: try row.decode(column: "requested_by", as: String.self),
            status: Refund.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            createdAt: CityClock.rfc3339(try row.decode(column: "created_at", as: Int64.self)),
            confirmedAt: try row.decode(column: "confirmed_at", as: Int64?.self).map(CityClock.rfc3339))
    }
}
