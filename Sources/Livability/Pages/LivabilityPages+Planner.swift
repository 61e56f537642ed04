import Hummingbird
import Platform
import Territory

extension LivabilityPages {
    /// The planner page: the map page's model, the form's values and the what-if's results.
    struct PlannerModel: Sendable {
        let map: MapModel
        let categories: [LivabilityPageModel.Choice]
        let lon: String
        let lat: String
        let simulated: Bool
        let changes: [LivabilityPageModel.ChangeItem]
        let hasChanges: Bool
        let error: String
        let hasError: Bool
        let summary: String
    }

    /// The what-if planner: the form, and with `lon`/`lat` the map and coverage after one proposed facility.
    func plannerPage(
        code: String, query: QueryParameters, request: Request, context: AppRequestContext
    ) async throws -> Response {
        let locale = context.locale
        let community = try await self.service.community(code)
        let category = try query.choice("category", as: FacilityCategory.self) ?? .communityService
        let lonText = query.string("lon")
        let latText = query.string("lat")
        var outcome: LivabilityService.ScenarioOutcome? = nil
        var error = ""
        if let lonText, let latText {
            guard let lon = Double(lonText), let lat = Double(latText) else {
                throw Problem.invalidParameter(
                    "lon", zh: "经纬度必须是数字。", en: "Longitude and latitude must be numbers.")
            }
            do {
                outcome = try await self.service.scenario(
                    ScenarioRequest(add: [.init(category: category.rawValue, lon: lon, lat: lat)]))
            } catch let problem as Problem
                where problem.status == .unprocessableContent || problem.status == .badRequest
            {
                error = locale.pick(zh: problem.detailZH, en: problem.detailEN)
            }
        }
        let snapshot: LivabilitySnapshot
        if let outcome { snapshot = outcome.snapshot } else { snapshot = try await self.service.index.current() }
        let map = try await self.mapModel(
            community: community, category: category, snapshot: snapshot, nearest: outcome,
            proposed: outcome?.proposedNodes ?? [], base: "/communities/\(code)/planner", planner: true,
            locale: locale, showsGaps: Self.showsGaps(community: code, context: context))
        let changes = (outcome?.result.communities ?? []).map { change in
            LivabilityPageModel.ChangeItem(
                name: change.name, url: "/communities/\(change.code)/map?category=\(category.rawValue)",
                households: change.before.households,
                beforeAll: LivabilityPageModel.percent(change.before.shareAll),
                afterAll: LivabilityPageModel.percent(change.after.shareAll),
                beforeCategory: LivabilityPageModel.percent(change.before.categories[category.index].share),
                afterCategory: LivabilityPageModel.percent(change.after.categories[category.index].share))
        }
        let summary = outcome.map { outcome in
            let result = outcome.result
            let gained = result.communities.reduce(0) {
                $0 + $1.after.categories[category.index].covered - $1.before.categories[category.index].covered
            }
            return locale.pick(
                zh: "新增一处\(category.name(locale))：\(gained) 户新进入 15 分钟步行范围，涉及 \(result.communities.count) 个社区。",
                en: "One more \(category.name(locale)): \(gained) households come within a 15-minute walk, "
                    + "in \(result.communities.count) communities.")
        }
        let model = PlannerModel(
            map: map,
            categories: FacilityCategory.allCases.map {
                LivabilityPageModel.Choice(
                    label: $0.name(locale), url: "", selected: $0 == category, value: $0.rawValue)
            },
            lon: lonText ?? "", lat: latText ?? "", simulated: outcome != nil, changes: changes,
            hasChanges: !changes.isEmpty, error: error, hasError: !error.isEmpty, summary: summary ?? "")
        let strings = LivabilityStrings.table(for: locale)
        return self.renderer.render(
            "livability-planner", title: community.name + " · " + (strings["lc_planner"] ?? ""), model: model,
            request: request, context: context, strings: strings)
    }
}
