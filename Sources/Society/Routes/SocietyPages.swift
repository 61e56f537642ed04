import Foundation
import Hummingbird
import Platform

/// The volunteers' pages, phone first and usable without JavaScript: `/society` (opt in, activities), an
/// activity with its shifts, `/society/me` (sign-ups, hours), the check-in page the place's QR code opens, and the
/// record of hours with its download.
struct SocietyPages: Sendable {
    let service: VolunteerService
    let renderer: PageRenderer

    /// The directory holding this context's templates.
    static var templateDirectory: String {
        Bundle.module.resourcePath.map { $0 + "/templates" } ?? "Sources/Society/Resources/templates"
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/society") { request, context in
            let query = try QueryParameters(request, allowed: ["error"])
            let principal = context.principal
            let volunteer = try await principal.flatMap { $0.role == .resident ? $0 : nil }.asyncMap {
                try await self.service.volunteers.volunteer($0.subject)
            }
            let prefix = volunteer.map { String($0.communityCode.prefix(9)) } ?? "51"
            let (items, _) = try await self.service.activities.activities(inside: prefix, after: nil, limit: 30)
            let rows = items.map {
                SocietyPageModels.ActivityRow(
                    id: $0.id, title: $0.title, place: $0.place, created: CityClock.localDate($0.createdAt))
            }
            let model = SocietyPageModels.Home(
                signedIn: principal?.role == .resident, isVolunteer: volunteer != nil,
                skills: volunteer?.skills.joined(separator: ", ") ?? "", availability: volunteer?.availability ?? "",
                verifiedHours: SocietyFormat.hours(volunteer?.verifiedMinutes ?? 0), activities: rows,
                empty: rows.isEmpty,
                error: query.string("error"))
            return self.render("society-home", "volunteering", model, request, context)
        }
        router.post("/society/volunteer") { request, context in
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            let community = (fields["communityCode"] ?? "").trimmingCharacters(in: .whitespaces)
            return try await self.attempt("/society") {
                _ = try await self.service.optIn(
                    principal,
                    .init(
                        communityCode: community.isEmpty ? nil : community,
                        skills: SocietyText.list(fields["skills"] ?? ""), availability: fields["availability"]))
                return "/society"
            }
        }
        router.get("/society/activities/{id}") { request, context in
            let query = try QueryParameters(request, allowed: ["error"])
            let activity = try await self.service.activity(try context.parameters.require("id"))
            let shifts = try await self.service.activities.shifts(of: activity.id)
            var mine: [String: Signup] = [:]
            if let principal = context.principal, principal.role == .resident {
                for signup in try await self.service.signups.mine(principal.subject) { mine[signup.shiftID] = signup }
            }
            let now = CityClock.now()
            let rows = shifts.map { shift in
                let signup = mine[shift.id]
                return SocietyPageModels.ShiftRow(
                    id: shift.id, activityId: activity.id,
                    kind: SocietyStrings.label("kind_\(shift.kind.rawValue)", context.locale),
                    when: SocietyPageModels.when(shift), places: "\(shift.confirmed)/\(shift.capacity)",
                    full: shift.confirmed >= shift.capacity, signupId: signup?.id,
                    status: signup.map { SocietyStrings.label($0.status.rawValue, context.locale) },
                    canSignUp: signup == nil && now < shift.endsAt,
                    canCancel: signup != nil && signup?.checkedInAt == nil)
            }
            let model = SocietyPageModels.Detail(
                id: activity.id, title: activity.title, description: activity.description, place: activity.place,
                skills: activity.skills.isEmpty ? nil : activity.skills.joined(separator: ", "), shifts: rows,
                signedIn: context.principal != nil,
                error: query.string("error"))
            return self.render("society-activity", nil, model, request, context, title: activity.title)
        }
        router.post("/society/shifts/{id}/signup") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            let back = WebForm.localPath(fields["back"], fallback: "/society/me")
            return try await self.attempt(back) {
                _ = try await self.service.signUp(principal, shift: id)
                return back
            }
        }
        router.post("/society/signups/{id}/cancel") { request, context in
            let id = try context.parameters.require("id")
            let (principal, _) = try await WebForm.requireSession(request, context: context)
            return try await self.attempt("/society/me") {
                _ = try await self.service.cancel(principal, signup: id)
                return "/society/me"
            }
        }
        router.post("/society/signups/{id}/hours") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            return try await self.attempt("/society/me") {
                _ = try await self.service.reportHours(
                    principal, signup: id, minutes: Int(fields["minutes"] ?? "") ?? 0, note: fields["note"] ?? "")
                return "/society/me/hours"
            }
        }
        CheckinScript.register(on: router)
        self.registerMine(on: router)
        self.registerCheckin(on: router)
    }

    /// Runs a form's action: on success redirects where it says, on a 404/409/422 back to `back` with the message.
    func attempt(_ back: String, _ action: () async throws -> String) async throws -> Response {
        do {
            return WebForm.redirect(try await action())
        } catch let problem as Problem where [.conflict, .unprocessableContent, .notFound].contains(problem.status) {
            let separator = back.contains("?") ? "&" : "?"
            let message = problem.detailZH + " / " + problem.detailEN
            return WebForm.redirect(
                back + separator + "error="
                    + (message.addingPercentEncoding(withAllowedCharacters: WebForm.unreserved) ?? ""))
        }
    }

    /// Renders a page with the society strings.
    func render(
        _ template: String, _ titleKey: String?, _ model: Any, _ request: Request, _ context: AppRequestContext,
        title: String? = nil
    ) -> Response {
        let strings = SocietyStrings.table(for: context.locale)
        return self.renderer.render(
            template, title: title ?? strings[titleKey ?? ""] ?? "", model: model, request: request, context: context,
            strings: strings)
    }
}

extension Optional {
    /// Maps the wrapped value with an async function.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
