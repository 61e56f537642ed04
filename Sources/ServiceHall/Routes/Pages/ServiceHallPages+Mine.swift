import Foundation
import Hummingbird
import Platform

extension ServiceHallPages {
    func registerMine(on router: Router<AppRequestContext>) {
        router.get("/me/applications") { request, context in
            let parameters = try QueryParameters(request, allowed: ["cursor"])
            guard let resident = Self.resident(context) else {
                return WebForm.signInRedirect(returningTo: "/me/applications")
            }
            let before = try parameters.string("cursor").map { try ApplicationRepository.Position(Cursor(token: $0)) }
            let (items, more) = try await self.applications.applications.mine(
                accountID: resident.subject, before: before, limit: 20)
            let now = self.clock()
            let next =
                more
                ? items.last.map { ApplicationRepository.Position(time: $0.submittedAt, id: $0.id).cursor.token } : nil
            let model = ApplicationListModel(
                rows: items.map {
                    ApplicationRow($0, now: now, locale: context.locale, urlPrefix: "/me/applications/")
                },
                hasRows: !items.isEmpty, nextURL: next.map { "/me/applications?cursor=\($0)" } ?? "",
                hasNext: next != nil,
                filters: [], counts: "", ratings: [], hasRatings: false, department: "")
            return self.render(
                "my-applications", title: ServiceHallStrings.table(for: context.locale)["sh_my_applications"] ?? "",
                model: model, request: request, context: context)
        }
        router.get("/me/applications/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let id = try context.parameters.require("id")
            guard Self.resident(context) != nil else {
                return WebForm.signInRedirect(returningTo: "/me/applications/\(id)")
            }
            return try await self.ownPage(id, request, context)
        }
        router.post("/me/applications/{id}/rating") { request, context in
            let id = try context.parameters.require("id")
            let (_, fields) = try await WebForm.requireSession(request, context: context)
            guard Self.resident(context) != nil else {
                return WebForm.signInRedirect(returningTo: "/me/applications/\(id)")
            }
            _ = try await self.applications.rate(
                id, stars: Int(fields["stars"] ?? "") ?? 0, comment: fields["comment"] ?? "", by: context.principal)
            self.performance.invalidate()
            return WebForm.redirect("/me/applications/\(id)")
        }
    }

    private func ownPage(_ id: String, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let application = try await self.applications.ownApplication(id, by: context.principal)
        let snapshot = try await self.catalog.snapshot()
        let csrf = context.sessionCSRF ?? ""
        let model = ApplicationPageModel(
            application, service: snapshot.service(application.serviceID), now: self.clock(), locale: context.locale,
            csrf: csrf, forStaff: false)
        return self.render(
            "my-application", title: model.service, model: model, request: request, context: context)
    }
}
