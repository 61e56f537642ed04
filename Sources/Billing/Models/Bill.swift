import Platform

/// A bill issued by a department to a household (water, electricity, gas) or a resident (traffic fines).
public struct Bill: Sendable, Equatable {
    /// What the bill is for.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case water, electricity, gas
        case trafficFine = "traffic_fine"

        /// The service catalog's payment service for this kind of bill.
        public var serviceID: String {
            switch self {
            case .water: "water-bill"
            case .electricity: "electricity-bill"
            case .gas: "gas-bill"
            case .trafficFine: "traffic-fine-payment"
            }
        }

        /// The kind of bill of a catalog payment service; nil for payment services without bills here
        /// (top-ups, contributions).
        public init?(serviceID: String) {
            guard let kind = Self.allCases.first(where: { $0.serviceID == serviceID }) else { return nil }
            self = kind
        }
    }

    /// Where the bill stands. Every change is a conditional update from the status it must have.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Open for payment.
        case unpaid
        /// A payment has been submitted and waits for the provider's confirmation.
        case pending
        case paid
        /// Paid, and a refund has been requested.
        case refundPending = "refund_pending"
        case refunded
    }

    public let id: String
    public let kind: Kind
    /// Set for household bills.
    public let householdID: Int64?
    /// Set for a resident's own bills (fines).
    public let residentID: Int64?
    /// The payer's community, for scoping and reports.
    public let communityCode: String
    /// The issuing department, a catalog id (`cd-water`): its staff issue and refund its bills.
    public let departmentID: String
    /// The department's own number for the bill (billing period, fine number); unique per department.
    public let reference: String
    public let title: String
    public let titleEn: String
    /// Integer fen (分).
    public let amountFen: Int64
    /// `YYYY-MM-DD`.
    public let dueDate: String
    public let status: Status
    public let issuedAt: Int64
    public let paidAt: Int64?

    public init(
        id: String, kind: Kind, householdID: Int64?, residentID: Int64?, communityCode: String, departmentID: String,
        reference: String, title: String, titleEn: String, amountFen: Int64, dueDate: String,
        status: Status = .unpaid, issuedAt: Int64 = CityClock.now(), paidAt: Int64? = nil
    ) {
        self.id = id
        self.kind = kind
        self.householdID = householdID
        self.residentID = residentID
        self.communityCode = communityCode
        self.departmentID = departmentID
        self.reference = reference
        self.title = title
        self.titleEn = titleEn
        self.amountFen = amountFen
        self.dueDate = dueDate
        self.status = status
        self.issuedAt = issuedAt
        self.paidAt = paidAt
    }
}

/// A bill as the API shows it.
public struct BillView: Codable, Sendable {
    public let id: String
    public let kind: Bill.Kind
    /// The service catalog's payment service (`water-bill`).
    public let serviceId: String
    /// `household` or `resident`.
    public let payer: String
    public let title: String
    public let titleEn: String
    public let reference: String
    public let departmentId: String
    public let amountFen: Int64
    /// The amount for people, `¥123.45`.
    public let amount: String
    public let dueDate: String
    public let status: Bill.Status
    public let issuedAt: String
    public let paidAt: String?

    public init(_ bill: Bill) {
        self.id = bill.id
        self.kind = bill.kind
        self.serviceId = bill.kind.serviceID
        self.payer = bill.householdID == nil ? "resident" : "household"
        self.title = bill.title
        self.titleEn = bill.titleEn
        self.reference = bill.reference
        self.departmentId = bill.departmentID
        self.amountFen = bill.amountFen
        self.amount = Fen.format(bill.amountFen)
        self.dueDate = bill.dueDate
        self.status = bill.status
        self.issuedAt = CityClock.rfc3339(bill.issuedAt)
        self.paidAt = bill.paidAt.map(CityClock.rfc3339)
    }
}

/// Money in integer fen (分), formatted for people.
public enum Fen {
    /// `12345` → `¥123.45`, with thousands separators.
    public static func format(_ fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let yuan = String(magnitude / 100)
        var grouped = ""
        for (index, digit) in yuan.enumerated() {
            if index > 0, (yuan.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let cents = magnitude % 100
        return "\(sign)¥\(grouped).\(cents < 10 ? "0" : "")\(cents)"
    }
}
