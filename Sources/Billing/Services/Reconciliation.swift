import Platform
import SQLKit

/// Compares one day of our ledger (payments and refunds confirmed that day) with what the provider says it settled
/// that day: totals in fen on both sides and every item that differs.
public struct Reconciliation: Sendable {
    let database: Database
    let provider: any PaymentProvider

    public init(database: Database, provider: any PaymentProvider) {
        self.database = database
        self.provider = provider
    }

    /// Money that moved, one side of the comparison.
    public struct Totals: Codable, Sendable, Equatable {
        public var charges = 0
        public var chargesFen: Int64 = 0
        public var refunds = 0
        public var refundsFen: Int64 = 0
        public var netFen: Int64 { self.chargesFen - self.refundsFen }

        mutating func add(_ kind: ProviderRecord.Kind, _ fen: Int64) {
            switch kind {
            case .charge:
                self.charges += 1
                self.chargesFen += fen
            case .refund:
                self.refunds += 1
                self.refundsFen += fen
            }
        }

        private enum CodingKeys: String, CodingKey {
            case charges, chargesFen, refunds, refundsFen, netFen
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(self.charges, forKey: .charges)
            try container.encode(self.chargesFen, forKey: .chargesFen)
            try container.encode(self.refunds, forKey: .refunds)
            try container.encode(self.refundsFen, forKey: .refundsFen)
            try container.encode(self.netFen, forKey: .netFen)
        }

        public init() {}

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.charges = try container.decode(Int.self, forKey: .charges)
            self.chargesFen = try container.decode(Int64.self, forKey: .chargesFen)
            self.refunds = try container.decode(Int.self, forKey: .refunds)
            self.refundsFen = try container.decode(Int64.self, forKey: .refundsFen)
        }
    }

    /// One item the two sides disagree on.
    public struct Mismatch: Codable, Sendable, Equatable {
        /// `missing_at_provider`, `missing_in_ledger` or `amount_differs`.
        public let problem: String
        public let kind: ProviderRecord.Kind
        /// Our payment or refund id.
        public let merchantRef: String
        public let ledgerFen: Int64?
        public let providerFen: Int64?
    }

    /// The report of one day.
    public struct Report: Codable, Sendable, Equatable {
        public let date: String
        public let ledger: Totals
        public let provider: Totals
        public let matched: Int
        public let mismatches: [Mismatch]
        /// True when the totals agree and nothing is listed.
        public let balanced: Bool
    }

    /// The report for the local day `date` (`YYYY-MM-DD`); nil when the date is not a real date.
    public func report(date: String) async throws -> Report? {
        guard let from = CityClock.startOfDay(date) else { return nil }
        let to = from + 86_400
        let ours = try await self.database.withConnection { sql in
            var ours: [String: (ProviderRecord.Kind, Int64)] = [:]
            for row in try await sql.select().columns("id", "amount_fen").from("billing_payments")
                .where("confirmed_at", .greaterThanOrEqual, from).where("confirmed_at", .lessThan, to)
                .where("status", .in, ["succeeded", "refund_pending", "refunded"]).all()
            {
                ours["charge:" + (try row.decode(column: "id", as: String.self))] = (
                    .charge, try row.decode(column: "amount_fen", as: Int64.self)
                )
            }
            for row in try await sql.select().columns("id", "amount_fen").from("billing_refunds")
                .where("confirmed_at", .greaterThanOrEqual, from).where("confirmed_at", .lessThan, to)
                .where("status", .equal, "succeeded").all()
            {
                ours["refund:" + (try row.decode(column: "id", as: String.self))] = (
                    .refund, try row.decode(column: "amount_fen", as: Int64.self)
                )
            }
            return ours
        }
        var theirs: [String: (ProviderRecord.Kind, Int64)] = [:]
        for record in try await self.provider.settlements(from: from, to: to) {
            theirs["\(record.kind.rawValue):\(record.merchantRef)"] = (record.kind, record.amountFen)
        }
        var ledger = Totals()
        var provider = Totals()
        var mismatches: [Mismatch] = []
        var matched = 0
        for (key, (kind, fen)) in ours {
            ledger.add(kind, fen)
            let ref = String(key.drop { $0 != ":" }.dropFirst())
            if let other = theirs[key] {
                if other.1 == fen {
                    matched += 1
                } else {
                    mismatches.append(
                        Mismatch(
                            problem: "amount_differs", kind: kind, merchantRef: ref, ledgerFen: fen,
                            providerFen: other.1))
                }
            } else {
                mismatches.append(
                    Mismatch(
                        problem: "missing_at_provider", kind: kind, merchantRef: ref, ledgerFen: fen, providerFen: nil))
            }
        }
        for (key, (kind, fen)) in theirs {
            provider.add(kind, fen)
            if ours[key] == nil {
                let ref = String(key.drop { $0 != ":" }.dropFirst())
                mismatches.append(
                    Mismatch(
                        problem: "missing_in_ledger", kind: kind, merchantRef: ref, ledgerFen: nil, providerFen: fen))
            }
        }
        mismatches.sort { ($0.kind.rawValue, $0.merchantRef) < ($1.kind.rawValue, $1.merchantRef) }
        return Report(
            date: date, ledger: ledger, provider: provider, matched: matched, mismatches: mismatches,
            balanced: mismatches.isEmpty && ledger == provider)
    }
}
