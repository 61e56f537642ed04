import Foundation
import Hummingbird
import Platform

/// The residents' pages: report a problem (`/cases/new`), my cases (`/me/cases`) and a case with its timeline and
/// the actions its viewer may take (`/cases/{id}`; officials handle cases from the same page). No JavaScript.
public struct CasePages: Sendable {
    let service: CaseService
    let renderer: PageRenderer

    public init(service: CaseService, renderer: PageRenderer) {
        self.service = service
        self.renderer = renderer
    }

    /// The directory holding this context's templates.
    public static var templateDirectory: String {
        Bundle.module.resourcePath.map { $0 + "/templates" } ?? "Sources/Cases/Resources/templates"
    }

    /// Registers the pages and their form actions.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/cases/new") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard context.principal != nil else { return WebForm.signInRedirect(returningTo: "/cases/new") }
            return try await self.form(request, context, values: [:], error: nil)
        }
        router.post("/cases") { request, context in
            let (principal, fields, files) = try await WebForm.requireSessionWithFiles(
                request, context: context, maxBytes: 4 * 1024 * 1024)
            let photos = files.filter { $0.name == "photos" }.map {
                CaseReport.Photo(contentType: $0.contentType, data: Data($0.bytes).base64EncodedString())
            }
            let report = CaseReport(
                category: fields["category"], description: fields["description"], address: fields["address"],
                lat: fields["lat"].flatMap { Double($0) }, lon: fields["lon"].flatMap { Double($0) },
                communityCode: fields["communityCode"], photos: photos.isEmpty ? nil : photos,
                mediaUrl: fields["mediaUrl"])
            do {
                let reporter: CaseService.Reporter =
                    principal.role == .resident
                    ? .resident(principal) : .official(try Authorization.requireRole(principal, .handleCases))
                let record = try await self.service.report(report, by: reporter)
                return WebForm.redirect("/cases/\(record.id)")
            } catch let problem as Problem where problem.status == .unprocessableContent {
                return try await self.form(
                    request, context, values: fields, error: problem.text(context.locale), status: problem.status)
            }
        }
        router.get("/me/cases") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else { return WebForm.signInRedirect(returningTo: "/me/cases") }
            try Authorization.requireResident(principal)
            var filter = CaseQuery()
            filter.reporterAccountID = principal.subject
            let (mine, _) = try await self.service.cases.newest(filter, after: nil, limit: 100)
            var followed = CaseQuery()
            followed.ids = try await self.service.cases.followed(by: principal.subject)
            var others: [CaseRecord] = []
            if !followed.ids.isEmpty {
                others = try await self.service.cases.newest(followed, after: nil, limit: 100).items
            }
            let rows = try await self.rows(mine, context.locale)
            let followedRows = try await self.rows(others, context.locale)
            return self.renderer.render(
                "cases-mine", title: CasesStrings.table(for: context.locale)["my_cases"] ?? "",
                model: MineModel(
                    items: rows, followed: followedRows, empty: rows.isEmpty, hasFollowed: !followedRows.isEmpty),
                request: request,
                context: context, strings: CasesStrings.table(for: context.locale))
        }
        // Residents use their site session at /cases/{id}; officials their console session at /console/cases/{id}.
        for base in ["/cases", "/console/cases"] {
            router.get("\(base)/{id}") { request, context in
                _ = try QueryParameters(request, allowed: ["error"])
                let id = try context.parameters.require("id")
                guard context.principal != nil else {
                    return base == "/cases"
                        ? WebForm.signInRedirect(returningTo: "/cases/\(id)") : WebForm.redirect("/console")
                }
                let record = try await self.service.visible(id, to: context.principal)
                return try await self.detail(record, base: "\(base)/\(id)", request, context)
            }
            router.get("\(base)/{id}/photos/{position}") { request, context in
                _ = try QueryParameters(request, allowed: [])
                let record = try await self.service.visible(try context.parameters.require("id"), to: context.principal)
                guard let position = Int(try context.parameters.require("position")),
                    let photo = try await self.service.cases.photo(record.id, position: position)
                else { throw Problem.notFound(code: "photo_not_found", zh: "没有这张照片。", en: "No such photo.") }
                return CaseAPI.photoResponse(photo)
            }
            router.post("\(base)/{id}/act") { request, context in
                let id = try context.parameters.require("id")
                let (principal, fields) = try await WebForm.requireSession(request, context: context)
                do {
                    try await self.act(id, fields, principal)
                } catch let problem as Problem where [.conflict, .unprocessableContent].contains(problem.status) {
                    let message = problem.text(context.locale)
                    return WebForm.redirect(
                        "\(base)/\(id)?error="
                            + (message.addingPercentEncoding(withAllowedCharacters: WebForm.unreserved) ?? ""))
                }
                return WebForm.redirect("\(base)/\(id)")
            }
        }
    }

    /// Applies the action a form posted.
    func act(_ id: String, _ fields: [String: String], _ principal: Principal) async throws {
        switch fields["action"] ?? "" {
        case "rate":
            _ = try await self.service.rate(
                id, stars: Int(fields["stars"] ?? "") ?? 0, comment: fields["comment"], by: principal)
        case "follow":
            try Authorization.requireResident(principal)
            try await self.service.cases.follow(id, account: principal.subject, at: CityClock.now())
        case "unfollow":
            try await self.service.cases.unfollow(id, account: principal.subject)
        case "revisit":
            _ = try await self.service.revisit(
                id,
                RevisitInput(
                    reached: fields["reached"] == "on", satisfied: fields["satisfied"] == "on",
                    note: fields["note"]), by: principal)
        case let name:
            guard let command = CaseCommand(rawValue: name) else { throw WebForm.malformed }
            let target = (fields["target"] ?? "").trimmingCharacters(in: .whitespaces)
            let isCode = !target.isEmpty && target.allSatisfy { $0.isASCII && $0.isNumber }
            _ = try await self.service.perform(
                command, on: id, by: principal,
                input: TransitionInput(
                    note: fields["note"], communityCode: isCode ? target : nil,
                    departmentId: isCode || target.isEmpty ? nil : target))
        }
    }

    func form(
        _ request: Request, _ context: AppRequestContext, values: [String: String], error: String?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let categories = try await self.service.categories.categories()
        let lat = values["lat"].flatMap { Double($0) }
        let lon = values["lon"].flatMap { Double($0) }
        let model = FormModel(
            categories: categories.map {
                Option(value: $0.code, label: $0.name.pick(context.locale), selected: values["category"] == $0.code)
            },
            values: FormModel.Values(values), error: error,
            map: CaseSVG.map([], marker: lat.flatMap { la in lon.map { (lat: la, lon: $0) } }))
        return self.renderer.render(
            "cases-new", title: CasesStrings.table(for: context.locale)["report_title"] ?? "", model: model,
            request: request, context: context, strings: CasesStrings.table(for: context.locale), status: status)
    }

    func rows(_ records: [CaseRecord], _ locale: AppLocale) async throws -> [Row] {
        let categories = try await self.service.categories.categories()
        let now = CityClock.now()
        return records.map { Row($0, categories: categories, locale: locale, now: now) }
    }
}
