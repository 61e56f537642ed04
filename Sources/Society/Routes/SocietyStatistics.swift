import Foundation
import Hummingbird
import Platform
import Territory

/// The statistics of one division: its totals, its children's, and the last twelve months; read from the rollups
/// by key: one row, the children's rows and at most twelve months.
struct SocietyStatistics: ResponseEncodable {
    /// One division's figures.
    struct Row: Encodable {
        let code: String
        let name: String
        let organizations: Int
        let volunteers: Int
        let verifiedHours: Double
        let hoursPerVolunteer: Double
    }

    /// One month's figures.
    struct Month: Encodable {
        let month: String
        let verifiedHours: Double
        let activeVolunteers: Int
    }

    let division: Row
    let children: [Row]
    let months: [Month]

    /// The statistics of `code` (a city, district, street or community code); 404 when it is not a division.
    static func load(_ code: String, statistics: SocietyStatisticsRepository, divisions: DivisionRepository, now: Int64)
        async throws -> SocietyStatistics
    {
        guard code.count <= 12, let division = try await divisions.find(code) else {
            throw SocietyProblem.notFound("division", code)
        }
        let total = try await statistics.totals(of: code)
        let children = division.level == .community ? [] : try await statistics.children(of: code)
        var names: [String: String] = [:]
        if !children.isEmpty {
            var after: String? = nil
            repeat {
                let page = try await divisions.list(.init(parentCode: code), after: after, limit: 500)
                for child in page.items { names[child.code] = child.name }
                after = page.more ? page.items.last?.code : nil
            } while after != nil
        }
        let months = try await statistics.monthly(of: code, since: SocietyText.month(now - 365 * 86_400))
        return SocietyStatistics(
            division: Self.row(code, division.name, total),
            children: children.map { Self.row($0.code, names[$0.code] ?? $0.code, $0) },
            months: months.map {
                Month(
                    month: $0.month, verifiedHours: Double($0.verifiedMinutes) / 60,
                    activeVolunteers: $0.activeVolunteers)
            })
    }

    static func row(_ code: String, _ name: String, _ totals: SocietyTotals) -> Row {
        let hours = Double(totals.verifiedMinutes) / 60
        return Row(
            code: code, name: name, organizations: totals.organizations, volunteers: totals.volunteers,
            verifiedHours: (hours * 10).rounded() / 10,
            hoursPerVolunteer: totals.volunteers == 0 ? 0 : (hours / Double(totals.volunteers) * 10).rounded() / 10)
    }
}
