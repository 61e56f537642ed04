import Platform
import SQLKit

/// One step of a bill's history with who took it: the issuing department, the payer's account, the payment
/// provider, or the member of staff who asked for a refund.
public struct BillStep: Sendable, Equatable {
    /// Unix seconds.
    public let at: Int64
    public let kind: BillEvent.Kind
    public let paymentID: String?
    public let actor: String
}

extension BillRepository {
    /// A payer's bills (their household's and their own) in order of last activity (the latest timeline step),
    /// newest first: one query on the household and resident indexes.
    ///
    /// `open` keeps only bills waiting for something (unpaid, payment or refund pending) or only settled ones (paid,
    /// refunded); `after` continues a listing; at most `limit` items.
    public func activity(
        for payer: Payer, open: Bool? = nil, after bound: ActivityBound?, limit: Int
    ) async throws -> [Activity<Bill>] {
        try await self.database.withConnection { sql in
            let waiting = [Bill.Status.unpaid, .pending, .refundPending].map(\.rawValue)
            var inner: SQLQueryString = """
                SELECT b.*, COALESCE((SELECT MAX(e.at) FROM billing_events e WHERE e.bill_id = b.id), b.issued_at)
                    AS activity_at
                FROM billing_bills b
                WHERE (b.household_id = \(bind: payer.householdID) OR b.resident_id = \(bind: payer.residentID))
                """
            if let open {
                inner =
                    inner + (open ? " AND b.status IN (\(binds: waiting))" : " AND b.status NOT IN (\(binds: waiting))")
            }
            var query: SQLQueryString = "SELECT * FROM (" + inner + ") x"
            if let bound { query = query + " WHERE " + bound.condition(time: "activity_at", id: "id") }
            query = query + " ORDER BY activity_at DESC, id DESC LIMIT \(bind: limit)"
            return try await sql.raw(query).all().map { row in
                Activity(item: try Self.bill(row), at: try row.decode(column: "activity_at", as: Int64.self))
            }
        }
    }

    /// The bills with these ids, by id, in one query (ids that name no bill are left out).
    public func find(ids: [String]) async throws -> [String: Bill] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await self.database.withConnection { sql in
            try await sql.select().column("*").from("billing_bills").where("id", .in, Array(Set(ids))).all()
        }
        var bills: [String: Bill] = [:]
        for row in rows {
            let bill = try Self.bill(row)
            bills[bill.id] = bill
        }
        return bills
    }

    /// The bill's history with who took each step, oldest first.
    public func steps(ofBill billID: String) async throws -> [BillStep] {
        try await self.database.withConnection { sql in
            try await sql.select().columns("at", "kind", "payment_id", "actor").from("billing_events")
                .where("bill_id", .equal, billID).orderBy("id").all()
                .compactMap { row in
                    guard let kind = BillEvent.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                        return nil
                    }
                    return BillStep(
                        at: try row.decode(column: "at", as: Int64.self), kind: kind,
                        paymentID: try row.decode(column: "payment_id", as: String?.self),
                        actor: try row.decode(column: "actor", as: String.self))
                }
        }
    }
}
