import Hummingbird
import Platform
import Territory

/// The public side: cases without personal data (list and map points) and the statistics.
public struct PublicCaseAPI: Sendable {
    let service: CaseService
    let statistics: StatisticsRepository

    public init(service: CaseService, statistics: StatisticsRepository) {
        self.service = service
        self.statistics = statistics
    }

    /// Statistics as the API answers them.
    struct StatisticsView: ResponseEncodable {
        /// One group.
        struct Row: Encodable {
            let key: String
            let name: String
            let volume: Int
            let onTimeRate: Double?
            let satisfaction: Double?
            let escalationRate: Double
            let medianHoursToClose: Int?
        }

        let groupBy: String
        let division: String
        let items: [Row]
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/open/cases") { request, context in
            let query = try QueryParameters(request, allowed: ["division", "category", "status", "cursor", "limit"])
            var filter = CaseQuery()
            filter.divisionPrefix = try Self.division(query.string("division"))
            filter.category = query.string("category")
            if let status = try query.choice("status", as: CaseStatus.self) { filter.statuses = [status] }
            let limit = try query.int("limit", in: 1...200, default: 50)
            let after = try query.string("cursor").map { try Cursor(token: $0).after }
            let (items, more) = try await self.service.cases.newest(filter, after: after, limit: limit)
            let categories = try await self.service.categories.categories()
            return Page(
                items: items.map { PublicCaseView($0, categories: categories, locale: context.locale) },
                nextCursor: more ? items.last.map { Cursor(after: "\($0.createdAt)|\($0.id)").token } : nil)
        }
        api.on(.get, "/api/v1/open/cases/statistics") { request, context in
            let query = try QueryParameters(request, allowed: ["groupBy", "division"])
            let grouping = try query.choice("groupBy", as: StatisticsRepository.Grouping.self) ?? .district
            let division = try Self.division(query.string("division")) ?? ""
            let figures = try await self.statistics.figures(grouping, under: division)
            let names = try await self.service.names(of: figures.map(\.key), grouping: grouping, locale: context.locale)
            return StatisticsView(
                groupBy: grouping.rawValue, division: division,
                items: figures.map {
                    StatisticsView.Row(
                        key: $0.key, name: names[$0.key] ?? $0.key, volume: $0.volume, onTimeRate: $0.onTimeRate,
                        satisfaction: $0.satisfaction, escalationRate: $0.escalationRate,
                        medianHoursToClose: $0.medianHoursToClose)
                })
        }
    }

    /// A division code filter: digits only, up to 12.
    static func division(_ text: String?) throws -> String? {
        guard let text else { return nil }
        guard text.count <= 12, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw Problem.invalidParameter(
                "division", zh: "区划代码须为最多 12 位数字。", en: "division must be a code of up to 12 digits.")
        }
        return Authorization.scopePrefix(text)
    }
}

extension CaseService {
    /// Display names of division codes or department ids.
    public func names(of keys: [String], grouping: StatisticsRepository.Grouping, locale: AppLocale) async throws
        -> [String: String]
    {
        var names: [String: String] = [:]
        for key in keys {
            if grouping == .department {
                names[key] = try await self.departments.name(of: key)?.pick(locale)
            } else {
                names[key] = try await self.divisions.find(key)?.name
            }
        }
        return names
    }
}
