import Accessibility
import Hummingbird
import Platform
import Territory

extension LivabilityPages {
    /// The model of a community's map page (and of the planner, which adds its form and results).
    struct MapModel: Sendable {
        let code: String
        let name: String
        let crumbs: [LivabilityPageModel.Link]
        let choices: [LivabilityPageModel.Choice]
        let svg: String
        let hasMap: Bool
        /// Whether the legend explains proposed facilities (the planner's map).
        let planner: Bool
        /// Whether the map draws households lacking services (officials of the scope only).
        let showsGaps: Bool
        /// The OpenStreetMap credit when the map or the list shows its data, else empty.
        let attribution: String
        let hasAttribution: Bool
        let households: Int
        let allPercent: String
        let rows: [LivabilityPageModel.Row]
        let facilities: [LivabilityPageModel.FacilityItem]
        let hasFacilities: Bool
        let coverageURL: String
        let plannerURL: String
        let mapURL: String
        let selected: String
    }

    /// A community's map page: streets coloured by walking minutes to `category`, its facilities and coverage.
    func mapPage(
        code: String, category: FacilityCategory?, request: Request, context: AppRequestContext
    ) async throws -> Response {
        let community = try await self.service.community(code)
        let snapshot = try await self.service.index.current()
        let model = try await self.mapModel(
            community: community, category: category, snapshot: snapshot, nearest: nil, proposed: [],
            base: "/communities/\(code)/map", planner: false, locale: context.locale,
            showsGaps: Self.showsGaps(community: code, context: context))
        let strings = LivabilityStrings.table(for: context.locale)
        return self.renderer.render(
            "livability-map", title: community.name + " · " + (strings["lc_map"] ?? ""), model: model,
            request: request, context: context, strings: strings)
    }

    /// Whether the visitor may see the community's household-level gaps (the rule of the gaps API).
    static func showsGaps(community code: String, context: AppRequestContext) -> Bool {
        guard let principal = context.principal else { return false }
        return Authorization.permits(principal, .viewLivability, divisionCode: code)
    }

    /// The map page's model; the map of the registry as it is comes from the cache when drawn before, a what-if's
    /// (`nearest` given) is drawn for its request alone.
    func mapModel(
        community: Division, category: FacilityCategory?, snapshot: LivabilitySnapshot,
        nearest: LivabilityService.ScenarioOutcome?, proposed: [(category: FacilityCategory, node: Int32)],
        base: String, planner: Bool, locale: AppLocale, showsGaps: Bool
    ) async throws -> MapModel {
        // The map of the registry as it is depends only on the snapshot's revisions: drawn once, served many times.
        // What-if maps are drawn for their request alone.
        let key =
            "\(community.code)|\(category?.rawValue ?? "all")|\(locale.rawValue)|\(showsGaps)|"
            + "\(snapshot.network.revision)|\(snapshot.access.revision)"
        let cached = nearest == nil ? self.maps.value(for: key) : nil
        let drawing =
            cached
            ?? CommunityMapSVG(
                network: snapshot.network, access: snapshot.access,
                nearest: nearest?.nearest ?? snapshot.access.base.nearest,
                community: community.code, category: category, proposed: proposed, locale: locale,
                showsGaps: showsGaps
            ).render()
        if nearest == nil, cached == nil, let drawing { self.maps.store(drawing, for: key) }
        let figures = snapshot.access.figures(for: community.code)
        var facilities: [Facility] = []
        var after: String? = nil
        repeat {
            let page = try await self.service.facilities.list(
                community: community.code, category: nil, after: after, limit: 200)
            facilities += page.items
            after = page.more ? page.items.last?.id : nil
        } while after != nil
        let credit = drawing?.showsOpenStreetMap == true || facilities.contains { $0.source == .osm }
        facilities.sort { ($0.category.index, $0.name, $0.id) < ($1.category.index, $1.name, $1.id) }
        return MapModel(
            code: community.code, name: community.name, crumbs: try await self.crumbs(of: community),
            choices: LivabilityPageModel.choices(base: base, selected: category, locale: locale),
            svg: drawing?.svg ?? "", hasMap: drawing != nil, planner: planner, showsGaps: showsGaps,
            attribution: credit ? OSMAttribution.text : "", hasAttribution: credit,
            households: figures.households,
            allPercent: LivabilityPageModel.percent(figures.share(nil)),
            rows: LivabilityPageModel.rows(figures, locale: locale),
            facilities: facilities.map { LivabilityPageModel.facilityItem($0, locale: locale) },
            hasFacilities: !facilities.isEmpty, coverageURL: "/divisions/\(community.code)/livability",
            plannerURL: "/communities/\(community.code)/planner" + (category.map { "?category=\($0.rawValue)" } ?? ""),
            mapURL: "/communities/\(community.code)/map" + (category.map { "?category=\($0.rawValue)" } ?? ""),
            selected: category?.rawValue ?? "")
    }
}
