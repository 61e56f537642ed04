import Foundation
import Platform

/// An application as a row of "my applications" or the console queue.
struct ApplicationRow: Sendable {
    let id: String
    let service: String
    let status: String
    let statusClass: String
    let submitted: String
    let due: String
    let overdue: Bool
    let url: String

    init(_ application: Application, now: Int64, locale: AppLocale, urlPrefix: String) {
        self.id = application.id
        self.service = application.serviceName.pick(locale)
        self.status = application.status.label.pick(locale)
        self.statusClass = "status-" + application.status.rawValue
        self.submitted = LocalTime.format(application.submittedAt)
        self.due = LocalTime.format(application.dueAt)
        self.overdue = application.isOverdue(now: now)
        self.url = urlPrefix + application.id
    }
}

/// One step of a timeline on a page.
struct StepRow: Sendable {
    let status: String
    let time: String
    let handler: String
    let note: String
    let hasNote: Bool
}

/// A label and a value (the form's contents).
struct ValueRow: Sendable {
    let label: String
    let value: String
}

/// An application page (the resident's or the console's).
struct ApplicationPageModel: Sendable {
    let id: String
    let service: String
    let serviceURL: String
    let status: String
    let statusClass: String
    let submitted: String
    let due: String
    let overdue: Bool
    let reason: String
    let hasReason: Bool
    let values: [ValueRow]
    let steps: [StepRow]
    let canRate: Bool
    let rated: Bool
    let stars: String
    let comment: String
    let csrf: String
    let actions: [ActionButton]
    let hasActions: Bool
    let applicant: String
    let error: String
    let hasError: Bool

    /// A handling action offered in the console.
    struct ActionButton: Sendable {
        let action: String
        let label: String
        let needsReason: Bool
    }

    init(
        _ application: Application, service: CatalogService?, now: Int64, locale: AppLocale, csrf: String,
        forStaff: Bool, error: String? = nil
    ) {
        self.id = application.id
        self.service = application.serviceName.pick(locale)
        self.serviceURL = "/services/\(application.serviceID)"
        self.status = application.status.label.pick(locale)
        self.statusClass = "status-" + application.status.rawValue
        self.submitted = LocalTime.format(application.submittedAt)
        self.due = LocalTime.format(application.dueAt)
        self.overdue = application.isOverdue(now: now)
        self.reason = application.reason ?? ""
        self.hasReason = application.reason != nil
        let labels = Dictionary(
            (service?.form?.fields ?? []).map { ($0.name, $0.label.pick(locale)) }, uniquingKeysWith: { $1 })
        let choices = Dictionary(
            (service?.form?.fields ?? []).flatMap { field in
                (field.choices ?? []).map { ("\(field.name)=\($0.value)", locale.pick(zh: $0.zh, en: $0.en)) }
            }, uniquingKeysWith: { $1 })
        let order = (service?.form?.fields ?? []).map(\.name)
        let names =
            order.filter { application.form[$0] != nil }
            + application.form.keys.filter { !order.contains($0) }.sorted()
        self.values = names.map { name in
            let raw = application.form[name] ?? ""
            return ValueRow(
                label: labels[name] ?? name, value: choices["\(name)=\(raw)"] ?? (raw == "true" ? "✓" : raw))
        }
        self.steps = application.steps.map {
            StepRow(
                status: $0.status.label.pick(locale), time: LocalTime.format($0.at),
                handler: forStaff
                    ? ($0.handlerID ?? "")
                    : ($0.status == .submitted
                        ? locale.pick(zh: "本人", en: "You") : locale.pick(zh: "部门工作人员", en: "Department staff")),
                note: $0.note ?? "", hasNote: $0.note != nil)
        }
        self.canRate = !forStaff && application.status.isFinished && application.rating == nil
        self.rated = application.rating != nil
        self.stars =
            application.rating.map {
                String(repeating: "★", count: $0.stars) + String(repeating: "☆", count: 5 - $0.stars)
            } ?? ""
        self.comment = application.rating?.comment ?? ""
        self.csrf = csrf
        self.actions =
            forStaff
            ? HandlingAction.allCases.filter { $0.target(from: application.status) != nil }.map {
                ActionButton(action: $0.rawValue, label: $0.label.pick(locale), needsReason: $0 == .reject)
            } : []
        self.hasActions = !self.actions.isEmpty
        self.applicant = forStaff ? application.accountID : ""
        self.error = error ?? ""
        self.hasError = error != nil
    }
}

/// Times on pages: China Standard Time, minutes.
enum LocalTime {
    static func format(_ seconds: Int64) -> String {
        let local = seconds + CityClock.offset
        let date = Date(timeIntervalSince1970: TimeInterval(local))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}

/// "My applications" and the console queue.
struct ApplicationListModel: Sendable {
    let rows: [ApplicationRow]
    let hasRows: Bool
    let nextURL: String
    let hasNext: Bool
    let filters: [FilterLink]
    let counts: String
    let ratings: [RatingRow]
    let hasRatings: Bool
    let department: String

    /// A rating in the console.
    struct RatingRow: Sendable {
        let stars: String
        let comment: String
        let time: String
        let url: String
    }
}
