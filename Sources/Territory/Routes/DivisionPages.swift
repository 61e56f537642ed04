import Foundation
import Hummingbird
import Platform

/// The division browser: `/divisions` (the city) and `/divisions/{code}`, usable without JavaScript.
public struct DivisionPages: Sendable {
    private let repository: DivisionRepository
    private let renderer: PageRenderer

    public init(repository: DivisionRepository, renderer: PageRenderer) {
        self.repository = repository
        self.renderer = renderer
    }

    /// The directory holding this context's templates.
    public static var templateDirectory: String {
        Bundle.module.resourcePath.map { $0 + "/templates" } ?? "Sources/Territory/Resources/templates"
    }

    /// Registers the page routes.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/divisions") { request, context in
            let query = try QueryParameters(request, allowed: ["q"])
            let (cities, _) = try await self.repository.list(.init(level: .city), after: nil, limit: 1)
            guard let city = cities.first, let detail = try await self.repository.detail(city.code) else {
                throw Problem.notFound(
                    code: "territory_empty", zh: "尚未导入行政区划。", en: "No divisions have been imported yet."
                )
            }
            return try await self.page(for: detail, search: query.string("q"), request: request, context: context)
        }
        router.get("/divisions/{code}") { request, context in
            let query = try QueryParameters(request, allowed: ["q"])
            let code = try context.parameters.require("code")
            guard DivisionCode.isWellFormed(code), let detail = try await self.repository.detail(code) else {
                throw DivisionNotFound(code: code)
            }
            return try await self.page(for: detail, search: query.string("q"), request: request, context: context)
        }
    }

    private func page(
        for detail: DivisionDetail, search: String?, request: Request, context: AppRequestContext
    ) async throws -> Response {
        let locale = context.locale
        let division = detail.division
        let (children, _) = try await self.repository.list(.init(parentCode: division.code), after: nil, limit: 200)
        let counts = detail.childCounts
        let countByLevel: [DivisionLevel: Int] = [
            .district: counts.districts, .street: counts.streets, .community: counts.communities,
        ]
        var results: [Division] = []
        if let search, !search.isEmpty {
            results = try await self.repository.list(
                .init(text: String(search.prefix(50))), after: nil, limit: 50
            ).items.filter { DivisionCode.contains(root: division.code, rootLevel: division.level, code: $0.code) }
        }
        let stats = DivisionLevel.allCases.filter { $0 > division.level }.map {
            DivisionPageModel.Stat(
                label: DivisionPageModel.levelName($0, locale), value: String(countByLevel[$0] ?? 0)
            )
        }
        let childLevel = DivisionLevel.allCases.first { $0 > division.level }
        let model = DivisionPageModel(
            code: division.code, name: division.name,
            levelName: DivisionPageModel.levelName(division.level, locale),
            breadcrumbs: detail.ancestors.map { DivisionPageModel.link($0, locale) },
            children: children.map { DivisionPageModel.link($0, locale) },
            hasChildren: !children.isEmpty,
            childrenHeading: childLevel.map { DivisionPageModel.levelName($0, locale) } ?? "",
            stats: stats, hasStats: !stats.isEmpty, query: search ?? "",
            results: results.map { DivisionPageModel.link($0, locale) },
            searched: search != nil, hasResults: !results.isEmpty
        )
        return self.renderer.render(
            "divisions", title: division.name, model: model, request: request, context: context,
            strings: DivisionPageStrings.table(for: locale)
        )
    }
}
