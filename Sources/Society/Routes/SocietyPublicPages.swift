import Foundation
import Hummingbird
import Platform
import Territory

/// The public pages: the directory of organizations (search and filters), an organization, registering one, and
/// the statistics per division with SVG charts. No personal data.
struct SocietyPublicPages: Sendable {
    let organizations: OrganizationService
    let statistics: SocietyStatisticsRepository
    let divisions: DivisionRepository
    let renderer: PageRenderer

    /// `/society/organizations`.
    struct Directory {
        let q: String
        let kinds: [Choice]
        let items: [OrganizationView]
        let empty: Bool
        let signedIn: Bool
        let error: String?
    }

    /// An option of a select.
    struct Choice {
        let value: String
        let label: String
        let selected: Bool
    }

    /// `/society/statistics`.
    struct Statistics {
        let data: SocietyStatistics
        let childrenChart: String
        let monthChart: String
        let parent: String?
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/society/organizations") { request, context in
            let query = try QueryParameters(request, allowed: ["q", "kind", "error"])
            var filter = OrganizationFilter()
            filter.text = query.string("q").map { String($0.prefix(50)) }
            filter.kind = query.string("kind").flatMap(Organization.Kind.init(rawValue:))
            let (items, _) = try await self.organizations.organizations.search(filter, after: nil, limit: 100)
            let model = Directory(
                q: filter.text ?? "",
                kinds: Organization.Kind.allCases.map {
                    Choice(
                        value: $0.rawValue, label: SocietyStrings.label("kind_\($0.rawValue)", context.locale),
                        selected: $0 == filter.kind)
                }, items: items.map(OrganizationView.init), empty: items.isEmpty,
                signedIn: context.principal?.role == .resident, error: query.string("error"))
            return self.render("society-organizations", "organizations", model, request, context)
        }
        router.post("/society/organizations") { request, context in
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            return try await self.pages.attempt("/society/organizations") {
                let input = OrganizationService.Registration(
                    kind: fields["kind"], name: fields["name"], creditCode: fields["creditCode"],
                    legalRepresentative: fields["legalRepresentative"],
                    serviceAreas: SocietyText.list(fields["serviceAreas"] ?? ""),
                    communityCode: fields["communityCode"],
                    communitiesServed: nil)
                _ = try await self.organizations.register(input, by: principal)
                return "/society/organizations"
            }
        }
        router.get("/society/statistics") { request, context in
            let query = try QueryParameters(request, allowed: ["division"])
            let code = query.string("division") ?? "510100"
            guard code.count <= 12, !code.isEmpty, code.allSatisfy(\.isNumber) else {
                throw Problem.invalidParameter("division", zh: "区划代码无效。", en: "division is a division code.")
            }
            let data = try await SocietyStatistics.load(
                code, statistics: self.statistics, divisions: self.divisions, now: CityClock.now())
            let parent = try await self.divisions.find(code)?.parentCode
            let model = Statistics(
                data: data,
                childrenChart: SocietySVG.bars(data.children.map { ($0.name, $0.verifiedHours) }, id: "chart-children"),
                monthChart: SocietySVG.columns(data.months.map { ($0.month, $0.verifiedHours) }, id: "chart-months"),
                parent: parent)
            return self.render("society-statistics", "statistics", model, request, context)
        }
    }

    var pages: SocietyPages {
        SocietyPages(service: self.organizations.volunteering, renderer: self.renderer)
    }

    func render(_ template: String, _ titleKey: String, _ model: Any, _ request: Request, _ context: AppRequestContext)
        -> Response
    {
        self.pages.render(template, titleKey, model, request, context)
    }
}
