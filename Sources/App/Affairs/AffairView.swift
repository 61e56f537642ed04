import Billing
import Hummingbird
import Platform

/// An affair as the API shows it, in the request's language.
struct AffairView: Codable, Sendable {
    /// Where the item lives: its detail here (with the timeline) and its owning context's resource and page.
    struct Links: Codable, Sendable {
        let api: String
        let page: String
        let sourceApi: String
        let sourcePage: String
    }

    /// A next action.
    struct Action: Codable, Sendable {
        let name: String
        let label: String
        let method: String
        let api: String
        let page: String
    }

    /// The rating of a finished application.
    struct RatingView: Codable, Sendable {
        let stars: Int
        let comment: String
    }

    let kind: AffairKind
    let id: String
    let title: String
    let status: String
    let statusLabel: String
    let state: AffairState
    let serviceId: String?
    let departmentId: String
    let departmentName: String?
    let lastActivityAt: String
    let createdAt: String
    let dueAt: String?
    let dueDate: String?
    let startsAt: String?
    let endsAt: String?
    let finishedAt: String?
    let amountFen: Int64?
    let amount: String?
    let overdue: Bool
    let rating: RatingView?
    let links: Links
    let actions: [Action]

    init(_ affair: Affair, locale: AppLocale) {
        self.kind = affair.kind
        self.id = affair.id
        self.title = affair.title.pick(locale)
        self.status = affair.status
        self.statusLabel = affair.statusLabel.pick(locale)
        self.state = affair.state
        self.serviceId = affair.serviceID
        self.departmentId = affair.departmentID
        self.departmentName = affair.departmentName?.pick(locale)
        self.lastActivityAt = CityClock.rfc3339(affair.lastActivityAt)
        self.createdAt = CityClock.rfc3339(affair.createdAt)
        self.dueAt = affair.dueAt.map(CityClock.rfc3339)
        self.dueDate = affair.dueDate
        self.startsAt = affair.startsAt.map(CityClock.rfc3339)
        self.endsAt = affair.endsAt.map(CityClock.rfc3339)
        self.finishedAt = affair.finishedAt.map(CityClock.rfc3339)
        self.amountFen = affair.amountFen
        self.amount = affair.amountFen.map(Fen.format)
        self.overdue = affair.overdue
        self.rating = affair.rating.map { RatingView(stars: $0.stars, comment: $0.comment) }
        self.links = Links(
            api: affair.detailAPI, page: affair.detailPage, sourceApi: affair.sourceAPI, sourcePage: affair.sourcePage)
        self.actions = affair.actions.map {
            Action(name: $0.name, label: $0.label.pick(locale), method: $0.method, api: $0.api, page: $0.page)
        }
    }
}

/// A step of an affair's timeline as the API shows it.
struct AffairStepView: Codable, Sendable {
    let at: String
    let step: String
    let label: String
    let who: String
    let whoLabel: String
    let note: String?

    init(_ step: AffairStep, locale: AppLocale) {
        self.at = CityClock.rfc3339(step.at)
        self.step = step.code
        self.label = step.label.pick(locale)
        self.who = step.who
        self.whoLabel = step.whoLabel.pick(locale)
        self.note = step.note
    }
}

/// An affair with its timeline, oldest step first.
struct AffairDetailView: ResponseEncodable, Codable, Sendable {
    let affair: AffairView
    let timeline: [AffairStepView]
}
