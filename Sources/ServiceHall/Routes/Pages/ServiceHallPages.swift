import Foundation
import HTTPTypes
import Hummingbird
import Platform

/// The service hall's pages: the hall at `/services`, a service with its form, my applications with their
/// timeline and rating, the staff console at `/console/applications` and the public performance page
/// `/open/services`. Server-rendered, usable without JavaScript; forms carry a CSRF token.
public struct ServiceHallPages: Sendable {
    let catalog: CatalogStore
    let applications: ApplicationService
    let usage: UsageFigures
    let performance: PerformanceReport
    let launcher: SystemLauncher
    let renderer: PageRenderer
    let clock: @Sendable () -> Int64 = { CityClock.now() }

    public init(
        catalog: CatalogStore, applications: ApplicationService, usage: UsageFigures, performance: PerformanceReport,
        launcher: SystemLauncher, renderer: PageRenderer
    ) {
        self.catalog = catalog
        self.applications = applications
        self.usage = usage
        self.performance = performance
        self.launcher = launcher
        self.renderer = renderer
    }

    /// The directory holding this context's templates.
    public static var templateDirectory: String {
        Bundle.module.resourcePath.map { $0 + "/templates" } ?? "Sources/ServiceHall/Resources/templates"
    }

    /// Registers the page routes.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/services") { request, context in try await self.hall(request, context) }
        router.get("/services/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return try await self.detail(try context.parameters.require("id"), request, context)
        }
        self.registerForms(on: router)
        self.registerMine(on: router)
        self.registerConsole(on: router)
        self.registerOpen(on: router)
    }

    /// The signed-in resident of a page request, if any.
    static func resident(_ context: AppRequestContext) -> Principal? {
        context.principal.flatMap { $0.role == .resident ? $0 : nil }
    }

    func render(
        _ template: String, title: String, model: Any, request: Request, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        self.renderer.render(
            template, title: title, model: model, request: request, context: context,
            strings: ServiceHallStrings.table(for: context.locale), status: status)
    }

    private func hall(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let parameters = try QueryParameters(request, allowed: ["q", "theme", "department", "available"])
        let snapshot = try await self.catalog.snapshot()
        let query = try ServiceAPI.query(parameters, snapshot: snapshot, principal: context.principal)
        let locale = context.locale
        let popularity = try await self.usage.popularity()
        let searched =
            query.text != nil || query.theme != nil || query.department != nil || query.availableToLevel != nil
        let results = searched ? snapshot.search.search(query, popularity: popularity) : []
        let card = { (service: CatalogService) in ServiceCard(service, snapshot: snapshot, locale: locale) }
        var favourites: [ServiceCard] = []
        var recent: [ServiceCard] = []
        let resident = Self.resident(context)
        if let resident {
            favourites = try await self.usage.repository.favourites(accountID: resident.subject)
                .compactMap(snapshot.service).map(card)
            recent = try await self.usage.repository.recent(accountID: resident.subject, limit: 6)
                .compactMap(snapshot.service).map(card)
        }
        func link(theme: String?) -> String {
            var items: [String] = []
            if let text = query.text { items.append("q=" + Self.escape(text)) }
            if let theme { items.append("theme=" + theme) }
            if let department = query.department { items.append("department=" + department) }
            if query.availableToLevel != nil { items.append("available=true") }
            return "/services" + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
        }
        let themes =
            [
                FilterLink(
                    label: ServiceHallStrings.table(for: locale)["sh_all"] ?? "", url: link(theme: nil),
                    selected: query.theme == nil)
            ]
            + snapshot.catalog.themes.map {
                FilterLink(label: $0.name.pick(locale), url: link(theme: $0.id), selected: query.theme == $0.id)
            }
        let model = HallModel(
            query: query.text ?? "", themes: themes,
            departments: snapshot.catalog.departments.map {
                SelectOption(value: $0.id, label: $0.name.pick(locale), selected: query.department == $0.id)
            },
            theme: query.theme, available: query.availableToLevel != nil, searched: searched,
            results: results.prefix(100).map(card), hasResults: !results.isEmpty, resultCount: results.count,
            hot: searched ? [] : try await self.usage.hot(snapshot: snapshot, limit: 8).map { card($0.service) },
            favourites: favourites, hasFavourites: !favourites.isEmpty, recent: recent, hasRecent: !recent.isEmpty,
            signedIn: resident != nil, signInURL: PageSupport.signInURL(next: "/services"))
        return self.render(
            "services", title: ServiceHallStrings.table(for: locale)["sh_title"] ?? "", model: model, request: request,
            context: context)
    }

    /// The service page; `values` and `errors` re-fill a form that was refused.
    func detail(
        _ id: String, _ request: Request, _ context: AppRequestContext, values: [String: String] = [:],
        errors: FormInvalid? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let snapshot = try await self.catalog.snapshot()
        guard let service = snapshot.service(id) else { throw ServiceHallProblem.serviceNotFound(id) }
        let locale = context.locale
        let strings = ServiceHallStrings.table(for: locale)
        let resident = Self.resident(context)
        let level = resident?.level ?? 0
        let csrf = context.sessionCSRF ?? ""
        var favourites: [String] = []
        if let resident { favourites = try await self.usage.repository.favourites(accountID: resident.subject) }
        let tooLow = resident != nil && level < service.level
        let model = ServiceDetailModel(
            id: service.id, name: service.name.pick(locale), summary: service.summary.pick(locale),
            kindLabel: ServiceCard.kindLabel(service.kind, locale),
            department: snapshot.department(service.department)?.name.pick(locale) ?? service.department,
            theme: snapshot.theme(service.theme)?.name.pick(locale) ?? service.theme,
            eligibility: service.eligibility.pick(locale), level: service.level,
            levelMeaning: AssuranceLevelRequired.meaning(service.level).pick(locale),
            materials: service.materials.map { $0.pick(locale) }, hasMaterials: !service.materials.isEmpty,
            fee: locale.pick(zh: service.fee.zh, en: service.fee.en),
            promised: service.promisedDays == 0
                ? strings["sh_immediate"] ?? "" : "\(service.promisedDays) \(strings["sh_days"] ?? "")",
            legal: service.legalBasis?.pick(locale) ?? "", hasLegal: service.legalBasis != nil,
            isApplication: service.kind == .application,
            canApply: service.kind == .application && resident != nil && !tooLow,
            needsSignIn: resident == nil && service.level > 0,
            signInURL: PageSupport.signInURL(next: "/services/\(service.id)"), levelTooLow: tooLow,
            levelMessage: tooLow
                ? AssuranceLevelRequired(required: service.level, current: level, serviceName: service.name).detail(
                    locale)
                : "",
            fields: (service.form?.fields ?? []).map {
                FieldModel(
                    $0, value: values[$0.name] ?? "", error: errors?.message(for: $0.name, locale), locale: locale)
            },
            hasErrors: errors != nil, csrf: csrf, idempotencyKey: values["idempotencyKey"] ?? PageSupport.randomKey(),
            isLink: service.kind == .appointment || service.kind == .payment,
            isSystem: service.kind == .departmentSystem, openURL: "/services/\(service.id)/open",
            signedIn: resident != nil, isFavourite: favourites.contains(service.id))
        return self.render(
            "service", title: model.name, model: model, request: request, context: context, status: status)
    }

    /// Percent-encodes a query value.
    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

extension AppError {
    /// The message for `locale`.
    func detail(_ locale: AppLocale) -> String { locale.pick(zh: self.detailZH, en: self.detailEN) }
}
