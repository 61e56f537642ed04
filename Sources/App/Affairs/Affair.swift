import Platform

/// A kind of item in "my affairs" (我的办事), each owned by another context.
enum AffairKind: String, Codable, Sendable, CaseIterable {
    case application, appointment, bill, payment

    /// The order of kinds at the same time of last activity, highest first (a fixed tie-break for paging).
    var rank: Int {
        switch self {
        case .application: 3
        case .appointment: 2
        case .bill: 1
        case .payment: 0
        }
    }
}

/// Whether an affair still waits for something (`open`) or is over (`done`).
enum AffairState: String, Codable, Sendable, CaseIterable {
    case open, done
}

/// Something the resident can do next with an affair: an API call and the page that does it.
struct AffairAction: Sendable, Equatable {
    /// `pay`, `reschedule`, `cancel` or `rate`.
    let name: String
    let label: LocalizedText
    let method: String
    let api: String
    let page: String
}

/// A resident's rating (好差评) of a finished application.
struct AffairRating: Sendable, Equatable {
    let stars: Int
    let comment: String
}

/// One step of an affair's timeline: when, what and who.
struct AffairStep: Sendable, Equatable {
    let at: Int64
    /// The step's code (`accepted`, `payment_succeeded` …).
    let code: String
    let label: LocalizedText
    /// `you`, `department`, `staff` or `provider`.
    let who: String
    let whoLabel: LocalizedText
    let note: String?
}

/// One of a resident's applications, appointments, bills or payments, in the terms every kind shares.
struct Affair: Sendable, Equatable {
    let kind: AffairKind
    let id: String
    let title: LocalizedText
    /// The owning context's status code (`in_review`, `booked`, `unpaid` …); appointments over in time are `ended`.
    let status: String
    let statusLabel: LocalizedText
    let state: AffairState
    let serviceID: String?
    let departmentID: String
    let departmentName: LocalizedText?
    let lastActivityAt: Int64
    let createdAt: Int64
    /// The promised time of an application.
    let dueAt: Int64?
    /// The last day to pay a bill (`YYYY-MM-DD`).
    let dueDate: String?
    let startsAt: Int64?
    let endsAt: Int64?
    /// When it was finished, paid or confirmed.
    let finishedAt: Int64?
    let amountFen: Int64?
    let overdue: Bool
    /// The rating of a finished application, if given.
    let rating: AffairRating?
    /// The owning context's own API resource and page.
    let sourceAPI: String
    let sourcePage: String
    let actions: [AffairAction]

    /// The item's detail in "my affairs", API and page.
    var detailAPI: String { "/api/v1/me/affairs/\(self.kind.rawValue)/\(self.id)" }
    var detailPage: String { "/me/affairs/\(self.kind.rawValue)/\(self.id)" }
}
