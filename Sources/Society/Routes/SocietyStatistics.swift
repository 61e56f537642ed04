import Foundation
import Hummingbird
import Platform
import Territory

/// The statistics of one division: its totals, its children's, and the last twelve months; built from the rollups
/// by three range scans.
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
        let prefix = Authorization.scopePrefix(code)
        let childLength: Int =
            switch division.level {
            case .city: 6
            case .district: 9
            default: 12
            }
        let children = try await statistics.totals(inside: prefix, groupLength: childLength)
        var names: [String: String] = [:]
        if division.level != .community {
            var after: String? = nil
            repeat {
                let page = try await divisions.list(.init(parentCode: code), after: after, limit: 500)
                for child in page.items { names[child.code] = child.name }
                after = page.more ? page.items.last?.code : nil
            } while after != nil
        }
        let total = children.reduce((0, 0, Int64(0))) {
            ($0.0 + $1.organizations, $0.1 + $1.volunteers, $0.2 + $1.verifiedMinutes)
        }
        let since = SocietyText.month(now - 365 * 86_400)
        let months = try await statistics.monthly(inside: prefix, since: since)
        return SocietyStatistics(
            division: Self.row(code, division.name, total.0, total.1, total.2),
            children: division.level == .community
                ? []
                : children.map {
                    Self.row($0.code, names[$0.code] ?? $0.code, $0.organizations, $0.volunteers, $0.verifiedMinutes)
                },
            months: months.map {
                Month(
                    month: $0.month, verifiedHours: Double($0.verifiedMinutes) / 60,
                    activeVolunteers: $0.activeVolunteers)
            })
    }

    static func row(_ code: String, _ name: String, _ organizations: Int, _ volunteers: Int, _ minutes: Int64) -> Row {
        let hours = Double(minutes) / 60
        return Row(
            code: code, name: name, organizations: organizations, volunteers: volunteers,
            verifiedHours: (hours * 10).rounded() / 10,
            hoursPerVolunteer: volunteers == 0 ? 0 : (hours / Double(volunteers) * 10).rounded() / 10)
    }
}
