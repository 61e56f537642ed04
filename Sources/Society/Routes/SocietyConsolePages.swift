import Foundation
import Hummingbird
import Platform

/// The officials' pages: hours to verify or dispute, posting an activity, an activity's shifts with the check-in
/// code and link to show at the place, and organizations to verify or suspend.
struct SocietyConsolePages: Sendable {
    let service: VolunteerService
    let organizations: OrganizationService
    let renderer: PageRenderer

    /// `/console/society`.
    struct Model {
        let waiting: [Waiting]
        let noneWaiting: Bool
        let activities: [SocietyPageModels.ActivityRow]
        let error: String?
        let today: String
    }

    /// A report to review.
    struct Waiting {
        let id: String
        let volunteer: String
        let title: String
        let minutes: Int
        let note: String
        let reported: String
    }

    /// `/console/society/activities/{id}`.
    struct ActivityModel {
        let title: String
        let place: String
        let shifts: [ShiftRow]
    }

    /// One shift with its check-in code and roster size.
    struct ShiftRow {
        let id: String
        let when: String
        let kind: String
        let places: String
        let code: String
        let link: String
        let roster: [String]
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/console/society") { request, context in
            let query = try QueryParameters(request, allowed: ["error"])
            guard let principal = context.principal else { return WebForm.redirect("/console") }
            let official = try Authorization.requireRole(principal, .organizeVolunteering)
            let prefix = Authorization.scopePrefix(official.scope ?? "-")
            let waiting = try await self.service.hours.waiting(inside: prefix, organizations: [])
            let (activities, _) = try await self.service.activities.activities(inside: prefix, after: nil, limit: 30)
            let model = Model(
                waiting: waiting.map {
                    Waiting(
                        id: $0.record.id, volunteer: $0.volunteer, title: $0.title, minutes: $0.record.minutes,
                        note: $0.record.note, reported: CityClock.localDateTime($0.record.reportedAt))
                }, noneWaiting: waiting.isEmpty,
                activities: activities.map {
                    .init(id: $0.id, title: $0.title, place: $0.place, created: CityClock.localDate($0.createdAt))
                }, error: query.string("error"), today: CityClock.localDate(CityClock.now()))
            return self.render("society-console", "console_title", model, request, context)
        }
        router.post("/console/society/hours/{id}") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            return try await self.attempt("/console/society") {
                _ = try await self.service.review(
                    principal, hours: id, verify: fields["decision"] == "verify", note: fields["note"] ?? "")
                return "/console/society"
            }
        }
        router.post("/console/society/activities") { request, context in
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            return try await self.attempt("/console/society") {
                let starts = SocietyConsolePages.localTime(fields["startsAt"])
                let ends = SocietyConsolePages.localTime(fields["endsAt"])
                guard let starts, let ends else {
                    throw SocietyProblem.invalid("startsAt", zh: "请填写开始和结束时间。", en: "Give the start and end times.")
                }
                let plan = ActivityPlan(
                    communityCode: fields["communityCode"] ?? "", title: fields["title"] ?? "",
                    description: fields["description"] ?? "", place: fields["place"] ?? "",
                    lat: Double(fields["lat"] ?? "") ?? 0, lon: Double(fields["lon"] ?? "") ?? 0,
                    skills: SocietyText.list(fields["skills"] ?? ""),
                    shifts: [
                        ShiftPlan(
                            kind: Shift.Kind(rawValue: fields["kind"] ?? "") ?? .fixed, startsAt: starts, endsAt: ends,
                            capacity: Int(fields["capacity"] ?? "") ?? 0, maxMinutes: Int(fields["maxMinutes"] ?? ""))
                    ])
                let (activity, _) = try await self.service.post(plan, by: principal)
                return "/console/society/activities/\(activity.id)"
            }
        }
        router.get("/console/society/activities/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else { return WebForm.redirect("/console") }
            let activity = try await self.service.activity(try context.parameters.require("id"))
            guard try await self.service.organizes(principal, activity) else { throw AuthorizationProblem.forbidden }
            var rows: [ShiftRow] = []
            for shift in try await self.service.activities.shifts(of: activity.id) {
                let roster = try await self.service.signups.roster(shift.id).filter { $0.status != .cancelled }
                rows.append(
                    ShiftRow(
                        id: shift.id, when: SocietyPageModels.when(shift),
                        kind: SocietyStrings.label("kind_\(shift.kind.rawValue)", context.locale),
                        places: "\(shift.confirmed)/\(shift.capacity)", code: shift.checkinCode,
                        link: SocietyLinks.checkin(shift),
                        roster: roster.map {
                            "#\($0.position) \(SocietyStrings.label($0.status.rawValue, context.locale))"
                        }))
            }
            let model = ActivityModel(title: activity.title, place: activity.place, shifts: rows)
            return self.render("society-console-activity", nil, model, request, context, title: activity.title)
        }
        self.registerOrganizations(on: router)
    }

    /// `YYYY-MM-DDTHH:MM` (a `datetime-local` field) in city time, as Unix time.
    static func localTime(_ text: String?) -> Int64? {
        guard let text, text.count >= 16, let day = CityClock.startOfDay(String(text.prefix(10))) else { return nil }
        let parts = text.dropFirst(11).prefix(5).split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
            (0..<60).contains(minute)
        else { return nil }
        return day + Int64(hour * 3600 + minute * 60)
    }

    func attempt(_ back: String, _ action: () async throws -> String) async throws -> Response {
        try await SocietyPages(service: self.service, renderer: self.renderer).attempt(back, action)
    }

    func render(
        _ template: String, _ titleKey: String?, _ model: Any, _ request: Request, _ context: AppRequestContext,
        title: String? = nil
    ) -> Response {
        SocietyPages(service: self.service, renderer: self.renderer).render(
            template, titleKey, model, request, context, title: title)
    }
}
