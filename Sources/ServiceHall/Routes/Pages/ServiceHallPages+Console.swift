import Foundation
import HTTPTypes
import Hummingbird
import Platform

extension ServiceHallPages {
    func registerConsole(on router: Router<AppRequestContext>) {
        router.get("/console/applications") { request, context in
            let parameters = try QueryParameters(request, allowed: ["status", "cursor"])
            guard context.principal != nil else { return WebForm.redirect("/console") }
            let staff = try Authorization.requireRole(context.principal, .handleApplications)
            let department = staff.scope ?? ""
            let selected = try parameters.choice("status", as: ApplicationStatus.self)
            let after = try parameters.string("cursor").map { try ApplicationRepository.Position(Cursor(token: $0)) }
            let (items, more) = try await self.applications.applications.queue(
                departmentID: department, statuses: try StaffAPI.statuses(parameters), after: after, limit: 50)
            let counts = try await self.applications.applications.statusCounts(departmentID: department)
            let locale = context.locale
            let now = self.clock()
            let next =
                more ? items.last.map { ApplicationRepository.Position(time: $0.dueAt, id: $0.id).cursor.token } : nil
            let open = ServiceHallStrings.table(for: locale)["sh_open_only"] ?? ""
            let filters =
                [FilterLink(label: open, url: "/console/applications", selected: selected == nil)]
                + ApplicationStatus.allCases.map {
                    FilterLink(
                        label: "\($0.label.pick(locale)) (\(counts[$0] ?? 0))",
                        url: "/console/applications?status=\($0.rawValue)", selected: selected == $0)
                }
            let model = ApplicationListModel(
                rows: items.map { ApplicationRow($0, now: now, locale: locale, urlPrefix: "/console/applications/") },
                hasRows: !items.isEmpty,
                nextURL: next.map {
                    "/console/applications?\(selected.map { "status=\($0.rawValue)&" } ?? "")cursor=\($0)"
                } ?? "",
                hasNext: next != nil, filters: filters, counts: "", ratings: [], hasRatings: false,
                department: try await self.catalog.snapshot().department(department)?.name.pick(locale) ?? department)
            return self.render(
                "console-applications", title: ServiceHallStrings.table(for: locale)["sh_console_queue"] ?? "",
                model: model, request: request, context: context)
        }
        router.get("/console/applications/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard context.principal != nil else { return WebForm.redirect("/console") }
            return try await self.staffPage(try context.parameters.require("id"), request, context)
        }
        router.post("/console/applications/{id}/actions") { request, context in
            let id = try context.parameters.require("id")
            let (_, fields) = try await WebForm.requireSession(request, context: context)
            guard context.principal != nil else { return WebForm.redirect("/console") }
            guard let action = HandlingAction(rawValue: fields["action"] ?? "") else {
                throw Problem.invalidParameter("action", zh: "未知的操作。", en: "Unknown action.")
            }
            do {
                _ = try await self.applications.handle(
                    id, action: action, reason: fields["reason"], by: context.principal, address: context.clientAddress)
            } catch let problem as Problem where problem.code == ServiceHallProblem.reasonRequired.code {
                return try await self.staffPage(
                    id, request, context, error: problem.detail(context.locale), status: .unprocessableContent)
            }
            self.performance.invalidate()
            return WebForm.redirect("/console/applications/\(id)")
        }
        router.get("/console/ratings") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard context.principal != nil else { return WebForm.redirect("/console") }
            let staff = try Authorization.requireRole(context.principal, .handleApplications)
            let ratings = try await self.applications.applications.ratings(departmentID: staff.scope ?? "", limit: 100)
            let rows = ratings.map {
                ApplicationListModel.RatingRow(
                    stars: String(repeating: "★", count: $0.rating.stars)
                        + String(repeating: "☆", count: 5 - $0.rating.stars),
                    comment: $0.rating.comment, time: LocalTime.format($0.rating.ratedAt),
                    url: "/console/applications/\($0.applicationID)")
            }
            let locale = context.locale
            let model = ApplicationListModel(
                rows: [], hasRows: false, nextURL: "", hasNext: false, filters: [], counts: "", ratings: rows,
                hasRatings: !rows.isEmpty,
                department: try await self.catalog.snapshot().department(staff.scope ?? "")?.name.pick(locale) ?? "")
            return self.render(
                "console-ratings", title: ServiceHallStrings.table(for: locale)["sh_console_ratings"] ?? "",
                model: model,
                request: request, context: context)
        }
    }

    private func staffPage(
        _ id: String, _ request: Request, _ context: AppRequestContext, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let application = try await self.applications.departmentApplication(id, by: context.principal)
        let snapshot = try await self.catalog.snapshot()
        let csrf = context.sessionCSRF ?? ""
        let model = ApplicationPageModel(
            application, service: snapshot.service(application.serviceID), now: self.clock(), locale: context.locale,
            csrf: csrf, forStaff: true, error: error)
        return self.render(
            "console-application", title: model.service, model: model, request: request, context: context,
            status: status)
    }
}
