import Platform
import SQLKit

extension PaymentRepository {
    /// An account's payments in order of last activity (created, confirmed, refund requested or refunded), newest
    /// first: one query on the `account_id` index.
    ///
    /// `open` keeps only payments waiting for the provider (payment or refund pending), or only settled ones;
    /// `after` continues a listing; at most `limit` items.
    public func activity(
        accountID: String, open: Bool? = nil, after bound: ActivityBound?, limit: Int
    ) async throws -> [Activity<Payment>] {
        try await self.database.withConnection { sql in
            let waiting = [Payment.Status.pending, .refundPending].map(\.rawValue)
            var inner: SQLQueryString = """
                SELECT p.*, COALESCE(r.confirmed_at, r.created_at, p.confirmed_at, p.created_at) AS activity_at
                FROM billing_payments p LEFT JOIN billing_refunds r ON r.payment_id = p.id
                WHERE p.account_id = \(bind: accountID)
                """
            if let open {
                inner =
                    inner + (open ? " AND p.status IN (\(binds: waiting))" : " AND p.status NOT IN (\(binds: waiting))")
            }
            var query: SQLQueryString = "SELECT * FROM (" + inner + ") x"
            if let bound { query = query + " WHERE " + bound.condition(time: "activity_at", id: "id") }
            query = query + " ORDER BY activity_at DESC, id DESC LIMIT \(bind: limit)"
            return try await sql.raw(query).all().map { row in
                Activity(item: try Self.payment(row), at: try row.decode(column: "activity_at", as: Int64.self))
            }
        }
    }
}
