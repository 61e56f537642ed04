import Platform
import SQLKit

/// Stores bills and their timeline.
public struct BillRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Issues bills (one transaction); a bill whose department already used its reference is skipped, so issuing
    /// is safe to repeat. Returns how many were new.
    @discardableResult
    public func issue(_ bills: [Bill]) async throws -> Int {
        try await self.database.transaction { sql in
            var created = 0
            for bill in bills {
                if try await Self.referenceTaken(department: bill.departmentID, reference: bill.reference, on: sql) {
                    continue
                }
                try await Self.insert(bill, actor: bill.departmentID, on: sql)
                created += 1
            }
            return created
        }
    }

    /// Writes a new bill and its `issued` event with `sql` (the caller's transaction).
    static func insert(_ bill: Bill, actor: String, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "billing_bills")
            .columns(
                "id", "kind", "household_id", "resident_id", "community_code", "department_id", "reference",
                "title_zh", "title_en", "amount_fen", "due_date", "status", "issued_at", "paid_at"
            )
            .values(
                SQLBind(bill.id), SQLBind(bill.kind.rawValue), SQLBind(bill.householdID), SQLBind(bill.residentID),
                SQLBind(bill.communityCode), SQLBind(bill.departmentID), SQLBind(bill.reference), SQLBind(bill.title),
                SQLBind(bill.titleEn), SQLBind(bill.amountFen), SQLBind(bill.dueDate), SQLBind(bill.status.rawValue),
                SQLBind(bill.issuedAt), SQLBind(bill.paidAt)
            ).run()
        try await Self.record(.issued, bill: bill.id, payment: nil, actor: actor, at: bill.issuedAt, on: sql)
    }

    /// Whether the department already used this reference.
    static func referenceTaken(department: String, reference: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("id").from("billing_bills").where("department_id", .equal, department)
            .where("reference", .equal, reference).first() != nil
    }

    /// The bill with this id.
    public func find(_ id: String) async throws -> Bill? {
        try await self.database.withConnection { try await Self.find(id, on: $0) }
    }

    static func find(_ id: String, on sql: any SQLDatabase) async throws -> Bill? {
        try await sql.select().column("*").from("billing_bills").where("id", .equal, id).first().map(Self.bill)
    }

    /// A payer's bills (their household's and their own), newest first, after the cursor `before` (a bill id).
    public func list(
        for payer: Payer, status: Bill.Status? = nil, kind: Bill.Kind? = nil, before: String?, limit: Int
    ) async throws -> (items: [Bill], more: Bool) {
        let rows = try await self.database.withConnection { sql in
            let query = sql.select().column("*").from("billing_bills")
                .where {
                    $0.where("household_id", .equal, payer.householdID).orWhere("resident_id", .equal, payer.residentID)
                }
            if let status { query.where("status", .equal, status.rawValue) }
            if let kind { query.where("kind", .equal, kind.rawValue) }
            if let before { query.where("id", .lessThan, before) }
            return try await query.orderBy("id", .descending).limit(limit + 1).all()
        }
        return (try rows.prefix(limit).map(Self.bill), rows.count > limit)
    }

    /// Whether the payer may see the bill: it is their household's or their own.
    public static func belongs(_ bill: Bill, to payer: Payer) -> Bool {
        bill.householdID == payer.householdID || bill.residentID == payer.residentID
    }

    /// The bill's history, oldest first.
    public func timeline(_ billID: String) async throws -> [BillEvent] {
        try await self.database.withConnection { sql in
            try await sql.select().columns("at", "kind", "payment_id").from("billing_events")
                .where("bill_id", .equal, billID).orderBy("id").all()
                .compactMap { row in
                    guard let kind = BillEvent.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                        return nil
                    }
                    return BillEvent(
                        at: CityClock.rfc3339(try row.decode(column: "at", as: Int64.self)), kind: kind,
                        paymentId: try row.decode(column: "payment_id", as: String?.self))
                }
        }
    }

    static func record(
        _ kind: BillEvent.Kind, bill: String, payment: String?, actor: String, at: Int64 = CityClock.now(),
        on sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "billing_events").columns("bill_id", "payment_id", "at", "kind", "actor")
            .values(SQLBind(bill), SQLBind(payment), SQLBind(at), SQLBind(kind.rawValue), SQLBind(actor)).run()
    }

    static func bill(_ row: any SQLRow) throws -> Bill {
        Bill(
            id: try row.decode(column: "id", as: String.self),
            kind: Bill.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .water,
            householdID: try row.decode(column: "household_id", as: Int64?.self),
            residentID: try row.decode(column: "resident_id", as: Int64?.self),
            communityCode: try row.decode(column: "community_code", as: String.self),
            departmentID: try row.decode(column: "department_id", as: String.self),
            reference: try row.decode(column: "reference", as: String.self),
            title: try row.decode(column: "title_zh", as: String.self),
            titleEn: try row.decode(column: "title_en", as: String.self),
            amountFen: try row.decode(column: "amount_fen", as: Int64.self),
            dueDate: try row.decode(column: "due_date", as: String.self),
            status: Bill.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .unpaid,
            issuedAt: try row.decode(column: "issued_at", as: Int64.self),
            paidAt: try row.decode(column: "paid_at", as: Int64?.self))
    }
}
