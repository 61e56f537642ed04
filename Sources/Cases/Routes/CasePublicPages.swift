import Foundation
import Hummingbird
import Platform

/// The public pages: a map and list of cases without personal data (`/open/cases`) and the statistics with SVG
/// bar charts (`/open/cases/statistics`), plus the published minutes of joint meetings.
public struct CasePublicPages: Sendable {
    let service: CaseService
    let statistics: StatisticsRepository
    let renderer: PageRenderer

    public init(service: CaseService, statistics: StatisticsRepository, renderer: PageRenderer) {
        self.service = service
        self.statistics = statistics
        self.renderer = renderer
    }

    /// The public list and map.
    struct ListModel {
        let map: String
        let items: [PublicCaseView]
        let meetings: [JointMeeting]
    }

    /// The statistics page.
    struct StatisticsModel {
        /// One row of the table.
        struct Line {
            let name: String
            let volume: Int
            let onTime: String
            let satisfaction: String
            let escalation: String
            let median: String
        }

        /// A grouping tab.
        struct Tab {
            let href: String
            let label: String
            let current: Bool
        }

        let tabs: [Tab]
        let lines: [Line]
        let volumeChart: String
        let onTimeChart: String
    }

    /// Registers the pages.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/open/cases") { request, context in
            let query = try QueryParameters(request, allowed: ["division"])
            var filter = CaseQuery()
            filter.divisionPrefix = try PublicCaseAPI.division(query.string("division"))
            let (records, _) = try await self.service.cases.newest(filter, after: nil, limit: 300)
            let categories = try await self.service.categories.categories()
            let views = records.map { PublicCaseView($0, categories: categories, locale: context.locale) }
            let points = records.compactMap { r in
                r.lat.flatMap { lat in
                    r.lon.map { (lat: PublicText.round(lat), lon: PublicText.round($0), open: r.status.isOpen) }
                }
            }
            let strings = CasesStrings.table(for: context.locale)
            return self.renderer.render(
                "cases-open", title: strings["open_title"] ?? "",
                model: ListModel(
                    map: CaseSVG.map(points), items: Array(views.prefix(50)),
                    meetings: try await self.service.meetings.list(under: "", publishedOnly: true, limit: 10)),
                request: request, context: context, strings: strings)
        }
        router.get("/open/cases/statistics") { request, context in
            let query = try QueryParameters(request, allowed: ["groupBy", "division"])
            let grouping = try query.choice("groupBy", as: StatisticsRepository.Grouping.self) ?? .district
            let division = try PublicCaseAPI.division(query.string("division")) ?? ""
            let figures = try await self.statistics.figures(grouping, under: division)
            let names = try await self.service.names(
                of: figures.map(\.key), grouping: grouping, locale: context.locale)
            let strings = CasesStrings.table(for: context.locale)
            let shown = Array(figures.prefix(30))
            func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "—" }
            let lines = shown.map { f in
                StatisticsModel.Line(
                    name: names[f.key] ?? f.key, volume: f.volume, onTime: percent(f.onTimeRate),
                    satisfaction: f.satisfaction.map { String(format: "%.1f", $0) } ?? "—",
                    escalation: percent(f.escalationRate), median: f.medianHoursToClose.map(String.init) ?? "—")
            }
            let maximum = Double(shown.map(\.volume).max() ?? 0)
            let tabs = StatisticsRepository.Grouping.allCases.map {
                StatisticsModel.Tab(
                    href: "/open/cases/statistics?groupBy=\($0.rawValue)"
                        + (division.isEmpty ? "" : "&division=\(division)"),
                    label: strings["by_\($0.rawValue)"] ?? $0.rawValue, current: $0 == grouping)
            }
            return self.renderer.render(
                "cases-statistics", title: strings["statistics"] ?? "",
                model: StatisticsModel(
                    tabs: tabs, lines: lines,
                    volumeChart: CaseSVG.bars(
                        shown.map { (names[$0.key] ?? $0.key, Double($0.volume), "\($0.volume)") }, maximum: maximum,
                        id: "chart-volume"),
                    onTimeChart: CaseSVG.bars(
                        shown.map { (names[$0.key] ?? $0.key, $0.onTimeRate ?? 0, percent($0.onTimeRate)) },
                        maximum: 1, id: "chart-on-time")),
                request: request, context: context, strings: strings)
        }
    }
}
