import Foundation
import Hummingbird
import Platform

/// The public performance page: a table per department, a bar chart of on-time rates and the platform figures.
struct PerformancePageModel: Sendable {
    /// One department's line.
    struct Line: Sendable {
        let name: String
        let services: Int
        let volume: String
        let onTime: String
        let rating: String
        let ratings: Int
        let overdue: Int
    }

    /// One bar of the SVG chart (coordinates in the chart's viewBox).
    struct Bar: Sendable {
        let label: String
        let value: String
        let y: Int
        let textY: Int
        let valueY: Int
        let width: Int
    }

    let lines: [Line]
    let bars: [Bar]
    let chartHeight: Int
    let hasBars: Bool
    let registered: String
    let activeToday: String
    let averageActive: String
    let activeRate: String
    let uses: String

    static func percent(_ rate: Double?) -> String {
        rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

extension ServiceHallPages {
    func registerOpen(on router: Router<AppRequestContext>) {
        router.get("/open/services") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let rows = try await self.performance.rows()
            let figures = try await self.usage.platform()
            let locale = context.locale
            let busiest = rows.filter { $0.finished > 0 }.prefix(10)
            let bars = busiest.enumerated().map { index, row in
                PerformancePageModel.Bar(
                    label: row.name.pick(locale), value: PerformancePageModel.percent(row.onTimeRate),
                    y: index * 40 + 20,
                    textY: index * 40 + 14, valueY: index * 40 + 31, width: Int(((row.onTimeRate ?? 0) * 300).rounded())
                )
            }
            let model = PerformancePageModel(
                lines: rows.map {
                    PerformancePageModel.Line(
                        name: $0.name.pick(locale), services: $0.services,
                        volume: PerformancePageModel.grouped($0.volume),
                        onTime: PerformancePageModel.percent($0.onTimeRate),
                        rating: $0.averageRating.map { String(format: "%.2f", $0) } ?? "—", ratings: $0.ratings,
                        overdue: $0.openOverdue)
                },
                bars: bars, chartHeight: max(bars.count * 40, 40), hasBars: !bars.isEmpty,
                registered: PerformancePageModel.grouped(figures.registeredUsers),
                activeToday: PerformancePageModel.grouped(figures.activeToday),
                averageActive: PerformancePageModel.grouped(figures.averageDailyActive30Days),
                activeRate: PerformancePageModel.percent(figures.dailyActiveRate),
                uses: PerformancePageModel.grouped(figures.cumulativeServiceUses))
            return self.render(
                "open-services", title: ServiceHallStrings.table(for: locale)["sh_perf_title"] ?? "", model: model,
                request: request, context: context)
        }
    }
}
