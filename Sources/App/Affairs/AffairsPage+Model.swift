import Billing
import Platform

/// A link among the filters of "my affairs" (a tab or a status chip).
struct AffairsChip: Sendable {
    let id: String
    let label: String
    let url: String
    let on: Bool
}

/// A link to a next action on another page (pay, reschedule, cancel).
struct AffairsLink: Sendable {
    let id: String
    let label: String
    let url: String
}

/// One affair as a row of the list page.
struct AffairRow: Sendable {
    let id: String
    let kind: String
    let kindCode: String
    let title: String
    let status: String
    let statusClass: String
    let overdue: Bool
    let facts: String
    let amount: String
    let hasAmount: Bool
    let detailURL: String
    let links: [AffairsLink]
    let hasLinks: Bool
    let canRate: Bool
    let rated: Bool
    let stars: String
    let comment: String

    init(_ affair: Affair, locale: AppLocale, strings: [String: String]) {
        self.id = affair.id
        self.kind = strings["affairs_kind_" + affair.kind.rawValue] ?? affair.kind.rawValue
        self.kindCode = affair.kind.rawValue
        self.title = affair.title.pick(locale)
        self.status = affair.statusLabel.pick(locale)
        self.statusClass = "status-" + affair.status
        self.overdue = affair.overdue
        var facts: [String] = []
        switch affair.kind {
        case .application:
            facts.append("\(strings["affairs_submitted"] ?? "") \(AffairsPageModel.time(affair.createdAt))")
            if affair.state == .open, let due = affair.dueAt {
                facts.append("\(strings["affairs_due"] ?? "") \(AffairsPageModel.time(due))")
            }
        case .appointment:
            if let starts = affair.startsAt, let ends = affair.endsAt {
                facts.append(
                    "\(strings["affairs_booked_for"] ?? "") \(AffairsPageModel.time(starts))–\(CityClock.localTime(ends))"
                )
            }
        case .bill:
            if let due = affair.dueDate { facts.append("\(strings["affairs_bill_due"] ?? "") \(due)") }
        case .payment:
            break
        }
        facts.append("\(strings["affairs_updated"] ?? "") \(AffairsPageModel.time(affair.lastActivityAt))")
        self.facts = facts.joined(separator: " · ")
        self.amount = affair.amountFen.map(Fen.format) ?? ""
        self.hasAmount = affair.amountFen != nil
        self.detailURL = affair.detailPage
        self.links = affair.actions.filter { $0.name != "rate" }.map {
            AffairsLink(id: "\($0.name)-\(affair.id)", label: $0.label.pick(locale), url: $0.page)
        }
        self.hasLinks = !self.links.isEmpty
        self.canRate = affair.actions.contains { $0.name == "rate" }
        self.rated = affair.rating != nil
        self.stars = affair.rating.map { AffairsPageModel.stars($0.stars) } ?? ""
        self.comment = affair.rating?.comment ?? ""
    }
}

/// The page `/me/affairs`: filters, one page of affairs, and what to say when there are none.
struct AffairsPageModel: Sendable {
    let kinds: [AffairsChip]
    let states: [AffairsChip]
    let rows: [AffairRow]
    let hasRows: Bool
    let empty: String
    let billsUnavailable: Bool
    let nextURL: String
    let hasNext: Bool
    /// Where a rating form comes back to: this page with its filters.
    let back: String

    init(
        listing: AffairsService.Listing, kind: AffairKind?, state: AffairState?, cursor: String?, locale: AppLocale,
        strings: [String: String]
    ) {
        func url(_ kind: AffairKind?, _ state: AffairState?, cursor: String? = nil) -> String {
            let query = [
                kind.map { "kind=\($0.rawValue)" }, state.map { "status=\($0.rawValue)" },
                cursor.map { "cursor=\($0)" },
            ]
            .compactMap { $0 }
            return "/me/affairs" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        }
        self.kinds =
            [AffairsChip(id: "tab-all", label: strings["affairs_all"] ?? "", url: url(nil, state), on: kind == nil)]
            + AffairKind.allCases.map {
                AffairsChip(
                    id: "tab-\($0.rawValue)", label: strings["affairs_kind_" + $0.rawValue] ?? "", url: url($0, state),
                    on: kind == $0)
            }
        self.states =
            [
                AffairsChip(
                    id: "state-any", label: strings["affairs_state_any"] ?? "", url: url(kind, nil), on: state == nil)
            ]
            + AffairState.allCases.map {
                AffairsChip(
                    id: "state-\($0.rawValue)", label: strings["affairs_state_" + $0.rawValue] ?? "",
                    url: url(kind, $0), on: state == $0)
            }
        self.rows = listing.items.map { AffairRow($0, locale: locale, strings: strings) }
        self.hasRows = !self.rows.isEmpty
        self.empty =
            state != nil
            ? strings["affairs_empty_filtered"] ?? ""
            : strings["affairs_empty_" + (kind?.rawValue ?? "all")] ?? ""
        self.billsUnavailable = !listing.billsAvailable
        self.nextURL = listing.next.map { url(kind, state, cursor: $0.token) } ?? ""
        self.hasNext = listing.next != nil
        self.back = url(kind, state, cursor: cursor)
    }

    /// A time on pages: China Standard Time to the minute.
    static func time(_ unix: Int64) -> String { CityClock.localDateTime(unix) }

    /// `4` → `★★★★☆`.
    static func stars(_ count: Int) -> String {
        String(repeating: "★", count: count) + String(repeating: "☆", count: max(0, 5 - count))
    }
}

/// The page `/me/affairs/{kind}/{id}`: an affair's facts, its timeline, and its next actions.
struct AffairPageModel: Sendable {
    /// A fact about the affair.
    struct Fact: Sendable {
        let label: String
        let value: String
    }

    /// A timeline step on the page.
    struct Step: Sendable {
        let time: String
        let label: String
        let who: String
        let note: String
        let hasNote: Bool
    }

    let row: AffairRow
    let facts: [Fact]
    let steps: [Step]
    let hasSteps: Bool
    let sourceURL: String
    let back: String
    /// The rating form starts unfolded on the detail page.
    let rateOpen = true

    init(_ detail: AffairsService.Detail, locale: AppLocale, strings: [String: String]) {
        let affair = detail.affair
        self.row = AffairRow(affair, locale: locale, strings: strings)
        var facts = [
            Fact(label: strings["affairs_kind"] ?? "", value: self.row.kind),
            Fact(label: strings["affairs_status"] ?? "", value: self.row.status),
        ]
        if let department = affair.departmentName {
            facts.append(Fact(label: strings["affairs_department"] ?? "", value: department.pick(locale)))
        }
        if let amount = affair.amountFen {
            facts.append(Fact(label: strings["affairs_amount"] ?? "", value: Fen.format(amount)))
        }
        self.facts = facts
        self.steps = detail.timeline.map {
            Step(
                time: AffairsPageModel.time($0.at), label: $0.label.pick(locale), who: $0.whoLabel.pick(locale),
                note: $0.note ?? "", hasNote: $0.note != nil)
        }
        self.hasSteps = !self.steps.isEmpty
        self.sourceURL = affair.sourcePage
        self.back = affair.detailPage
    }
}
