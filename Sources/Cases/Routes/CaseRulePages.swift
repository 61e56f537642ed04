import Foundation
import Hummingbird
import Platform

/// The routing rules page for city officials (`/console/cases/rules`): every rule with the department it sends
/// cases to, a form that adds or replaces a rule (category and division prefix → department), and removal of a
/// rule that is not a category's city-wide default. Others with the cases menu may read the rules. No JavaScript.
public struct CaseRulePages: Sendable {
    let service: CaseService
    let renderer: PageRenderer

    public init(service: CaseService, renderer: PageRenderer) {
        self.service = service
        self.renderer = renderer
    }

    /// The page's model.
    struct RulesModel {
        /// One rule as a row.
        struct Rule {
            let id: String
            let category: String
            let prefix: String
            let department: String
            let note: String
            let updated: String
            let removable: Bool
        }

        let rules: [Rule]
        let canEdit: Bool
        let categories: [Option]
        let departments: [Option]
        let error: String?
        let saved: Bool
    }

    /// An option of a select.
    struct Option {
        let value: String
        let label: String
    }

    /// Registers the page and its forms.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/console/cases/rules") { request, context in
            let query = try QueryParameters(request, allowed: ["error", "saved"])
            guard let principal = context.principal else { return WebForm.redirect("/console") }
            _ = try Authorization.requireRole(principal, .handleCases)
            return try await self.page(
                request, context, canEdit: (try? Authorization.requireRole(principal, .routeCases)) != nil,
                error: query.string("error"), saved: query.string("saved") != nil)
        }
        router.post("/console/cases/rules") { request, context in
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            let official = try Authorization.requireRole(principal, .routeCases)
            do {
                if fields["action"] == "delete" {
                    guard try await self.service.categories.delete(rule: fields["rule"] ?? "") else {
                        return WebForm.redirect(
                            "/console/cases/rules",
                            error: context.locale.pick(zh: "类别的全市默认规则不能删除。", en: "A category's default rule stays."))
                    }
                } else {
                    _ = try await self.service.saveRule(
                        RuleInput(
                            category: fields["category"], divisionPrefix: fields["divisionPrefix"],
                            departmentId: fields["departmentId"], note: fields["note"]), by: official)
                }
            } catch let problem as Problem where [.conflict, .unprocessableContent].contains(problem.status) {
                return WebForm.redirect("/console/cases/rules", error: problem.text(context.locale))
            }
            return WebForm.redirect("/console/cases/rules?saved=1")
        }
    }

    func page(_ request: Request, _ context: AppRequestContext, canEdit: Bool, error: String?, saved: Bool)
        async throws -> Response
    {
        let locale = context.locale
        let categories = try await self.service.categories.categories()
        let departments = try await self.service.departments.all()
        let categoryNames = Dictionary(uniqueKeysWithValues: categories.map { ($0.code, $0.name.pick(locale)) })
        let departmentNames = Dictionary(departments.map { ($0.id, $0.name.pick(locale)) }) { first, _ in first }
        let rules = try await self.service.categories.rules().sorted {
            ($0.categoryCode, $0.divisionPrefix) < ($1.categoryCode, $1.divisionPrefix)
        }
        let strings = CasesStrings.table(for: locale)
        let model = RulesModel(
            rules: rules.map {
                RulesModel.Rule(
                    id: $0.id, category: categoryNames[$0.categoryCode] ?? $0.categoryCode,
                    prefix: $0.divisionPrefix.isEmpty ? (strings["city_wide"] ?? "") : $0.divisionPrefix,
                    department: departmentNames[$0.departmentId] ?? $0.departmentId, note: $0.note,
                    updated: $0.updatedAt == 0 ? "" : CityClock.localDateTime($0.updatedAt),
                    removable: canEdit && !$0.divisionPrefix.isEmpty)
            },
            canEdit: canEdit,
            categories: categories.map { Option(value: $0.code, label: $0.name.pick(locale)) },
            departments: departments.map { Option(value: $0.id, label: $0.name.pick(locale)) }, error: error,
            saved: saved)
        return self.renderer.render(
            "cases-console-rules", title: strings["rules"] ?? "", model: model, request: request, context: context,
            strings: strings)
    }

}
