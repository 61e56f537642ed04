import Foundation
import Hummingbird
import NIOCore
import Platform
import Territory

/// The life-circle pages: coverage and ranking of a division (`/divisions/{code}/livability`), a community's map
/// (`/communities/{code}/map`), the what-if planner (`/communities/{code}/planner`) and the resident's "near me"
/// (`/near-me`). Server-rendered, usable without JavaScript (the planner's script only fills in a clicked point).
public struct LivabilityPages: Sendable {
    let service: LivabilityService
    let renderer: PageRenderer
    let divisions: DivisionRepository
    /// Rendered maps by community, category, language and index revisions (a few hundred kB at most per entry).
    let maps = ExpiringCache<String, CommunityMapSVG.Drawing>(lifetime: .seconds(300), capacity: 500)

    public init(service: LivabilityService, renderer: PageRenderer, database: Database) {
        self.service = service
        self.renderer = renderer
        self.divisions = DivisionRepository(database: database)
    }

    /// The directory holding this context's templates.
    public static var templateDirectory: String {
        Bundle.module.resourcePath.map { $0 + "/templates" } ?? "Sources/Livability/Resources/templates"
    }

    static let plannerScript = Self.staticFile("planner.js")
    static let stylesheet = Self.staticFile("livability.css")

    /// A file of `Resources/static`, read once.
    static func staticFile(_ name: String) -> ByteBuffer {
        let path =
            Bundle.module.resourcePath.map { $0 + "/static/" + name } ?? "Sources/Livability/Resources/static/" + name
        return ByteBuffer(string: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }

    /// Registers the page routes.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/divisions/{code}/livability") { request, context in
            let query = try QueryParameters(request, allowed: ["category"])
            let category = try query.choice("category", as: FacilityCategory.self)
            return try await self.coveragePage(
                code: try context.parameters.require("code"), category: category, request: request, context: context)
        }
        router.get("/communities/{code}/map") { request, context in
            let query = try QueryParameters(request, allowed: ["category"])
            let category = try query.choice("category", as: FacilityCategory.self)
            return try await self.mapPage(
                code: try context.parameters.require("code"), category: category, request: request, context: context)
        }
        router.get("/communities/{code}/planner") { request, context in
            let query = try QueryParameters(request, allowed: ["category", "lon", "lat"])
            return try await self.plannerPage(
                code: try context.parameters.require("code"), query: query, request: request, context: context)
        }
        router.get("/near-me") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return try await self.nearPage(request: request, context: context)
        }
        router.get("/static/livability/planner.js") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: Self.plannerScript))
        }
        router.get("/static/livability/livability.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: Self.stylesheet))
        }
    }

    /// The model of the coverage and ranking page.
    struct CoverageModel: Sendable {
        let code: String
        let name: String
        let levelName: String
        let crumbs: [LivabilityPageModel.Link]
        let households: Int
        let allPercent: String
        let rows: [LivabilityPageModel.Row]
        let isCommunity: Bool
        let mapURL: String
        let plannerURL: String
        let hasRanking: Bool
        let rankBy: [LivabilityPageModel.Choice]
        let ranking: [LivabilityPageModel.RankItem]
    }

    private func coveragePage(
        code: String, category: FacilityCategory?, request: Request, context: AppRequestContext
    ) async throws -> Response {
        let locale = context.locale
        let coverage = try await self.service.coverage(of: code)
        guard let division = try await self.divisions.find(coverage.code) else { throw DivisionNotFound(code: code) }
        let ranking = division.level == .community ? nil : try await self.service.ranking(of: code, category: category)
        let snapshot = try await self.service.index.current()
        let figures = snapshot.access.figures(for: division.code)
        let crumbs = try await self.crumbs(of: division)
        let model = CoverageModel(
            code: division.code, name: division.name, levelName: LivabilityPageModel.levelName(division.level, locale),
            crumbs: crumbs, households: figures.households,
            allPercent: LivabilityPageModel.percent(figures.share(nil)),
            rows: LivabilityPageModel.rows(figures, locale: locale), isCommunity: division.level == .community,
            mapURL: "/communities/\(division.code)/map", plannerURL: "/communities/\(division.code)/planner",
            hasRanking: !(ranking?.items.isEmpty ?? true),
            rankBy: LivabilityPageModel.choices(
                base: "/divisions/\(division.code)/livability", selected: category, locale: locale),
            ranking: (ranking?.items ?? []).map { item in
                let share = category.map { c in item.coverage.categories[c.index].share } ?? item.coverage.shareAll
                let level = DivisionCode.impliedLevel(of: item.coverage.code) ?? .community
                return LivabilityPageModel.RankItem(
                    rank: item.rank, name: item.coverage.name,
                    url: level == .community
                        ? "/communities/\(item.coverage.code)/map" : "/divisions/\(item.coverage.code)/livability",
                    percent: LivabilityPageModel.percent(share), width: Int((share * 100).rounded()),
                    households: item.coverage.households)
            })
        return self.renderer.render(
            "livability-coverage",
            title: division.name + " · " + (LivabilityStrings.table(for: locale)["lc_title"] ?? ""),
            model: model, request: request, context: context, strings: LivabilityStrings.table(for: locale))
    }

    /// Links to the coverage pages of the divisions above (and including) `division`.
    func crumbs(of division: Division) async throws -> [LivabilityPageModel.Link] {
        var chain: [Division] = []
        for code in DivisionCode.ancestorCodes(of: division.code) {
            if let ancestor = try await self.divisions.find(code) { chain.append(ancestor) }
        }
        return chain.map { LivabilityPageModel.Link(name: $0.name, url: LivabilityPageModel.url(of: $0)) }
    }
}
