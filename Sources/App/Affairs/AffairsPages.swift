import Hummingbird
import Platform
import ServiceHall

/// The pages of "my affairs": the list `/me/affairs` with its filters, an affair's detail with its timeline, and
/// the rating form of a finished application. Everything works without JavaScript.
struct AffairsPages: Sendable {
    let service: AffairsService
    let performance: PerformanceReport
    let renderer: PageRenderer

    func register(on router: Router<AppRequestContext>) {
        router.get("/me/affairs") { request, context in
            let query = try QueryParameters(request, allowed: ["kind", "status", "cursor"])
            guard context.principal != nil else { return WebForm.signInRedirect(returningTo: "/me/affairs") }
            let kind = try query.choice("kind", as: AffairKind.self)
            let state = try query.choice("status", as: AffairState.self)
            let token = query.string("cursor")
            let listing = try await self.service.list(
                context.principal, kinds: kind.map { [$0] } ?? Set(AffairKind.allCases), state: state,
                after: try token.map { try AffairsCursor(token: $0) }, limit: 20)
            let strings = AffairsStrings.table(for: context.locale)
            let model = AffairsPageModel(
                listing: listing, kind: kind, state: state, cursor: token, locale: context.locale, strings: strings)
            return self.renderer.render(
                "affairs", title: strings["affairs_title"] ?? "", model: model, request: request, context: context,
                strings: strings)
        }
        router.get("/me/affairs/{kind}/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let id = try context.parameters.require("id")
            guard context.principal != nil else {
                return WebForm.signInRedirect(returningTo: request.uri.path)
            }
            let detail = try await self.service.detail(context.principal, kind: try AffairsAPI.kind(context), id: id)
            let strings = AffairsStrings.table(for: context.locale)
            let model = AffairPageModel(detail, locale: context.locale, strings: strings)
            return self.renderer.render(
                "affair", title: model.row.title, model: model, request: request, context: context, strings: strings)
        }
        // One path pattern for reading and rating: the router does not backtrack from `application` to `{kind}`.
        router.post("/me/affairs/{kind}/{id}/rating") { request, context in
            let id = try context.parameters.require("id")
            guard try AffairsAPI.kind(context) == .application else { throw AffairsProblem.notFound }
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            _ = try Authorization.requireResident(principal)
            _ = try await self.service.applications.rate(
                id, stars: Int(fields["stars"] ?? "") ?? 0, comment: fields["comment"] ?? "", by: principal)
            self.performance.invalidate()
            let back = WebForm.localPath(fields["back"], fallback: "/me/affairs")
            return WebForm.redirect(back.hasPrefix("/me/affairs") ? back : "/me/affairs")
        }
    }
}
