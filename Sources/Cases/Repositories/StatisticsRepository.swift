import Platform
import SQLKit

/// Public figures of the cases per division or department: volume, on-time rate, satisfaction, escalation rate and
/// the median time to close. Two grouped scans (the sums, then a histogram of hours to close for the median), so a
/// page costs the same for ten or a million cases per group.
public struct StatisticsRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// How the figures are grouped.
    public enum Grouping: String, Sendable, CaseIterable {
        case district, street, community, department

        /// Digits of the division code kept for the group key (nil: by department).
        var codeLength: Int? {
            switch self {
            case .district: 6
            case .street: 9
            case .community: 12
            case .department: nil
            }
        }
    }

    /// One group's figures.
    public struct Figures: Sendable, Equatable, Codable {
        public let key: String
        public let volume: Int
        /// Resolved on or before the promised time, among those resolved.
        public let resolved: Int
        public let onTime: Int
        public let rated: Int
        public let ratingSum: Int
        public let escalated: Int
        public let closed: Int
        /// Median hours from report to close (nil when none closed).
        public var medianHoursToClose: Int?

        public var onTimeRate: Double? { self.resolved == 0 ? nil : Double(self.onTime) / Double(self.resolved) }
        public var satisfaction: Double? { self.rated == 0 ? nil : Double(self.ratingSum) / Double(self.rated) }
        public var escalationRate: Double { self.volume == 0 ? 0 : Double(self.escalated) / Double(self.volume) }
    }

    /// The figures of every group under `prefix` (a division code prefix; empty for the whole city), largest
    /// volume first.
    public func figures(_ grouping: Grouping, under prefix: String) async throws -> [Figures] {
        let pattern = CaseRepository.like(prefix)
        return try await self.database.withConnection { sql in
            let key: SQLQueryString
            if let length = grouping.codeLength {
                key = "SUBSTR(division_code, 1, \(literal: length))"
            } else {
                key = "department_id"
            }
            let rows = try await sql.raw(
                """
                SELECT \(key) AS k, COUNT(*) AS volume,
                    SUM(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
                    SUM(CASE WHEN resolved_at IS NOT NULL AND resolved_at <= promised_at THEN 1 ELSE 0 END) AS on_time,
                    SUM(CASE WHEN rating IS NOT NULL THEN 1 ELSE 0 END) AS rated,
                    SUM(COALESCE(rating, 0)) AS rating_sum,
                    SUM(CASE WHEN escalations > 0 THEN 1 ELSE 0 END) AS escalated,
                    SUM(CASE WHEN closed_at IS NOT NULL THEN 1 ELSE 0 END) AS closed
                FROM cases WHERE division_code LIKE \(bind: pattern) GROUP BY \(key)
                """
            ).all()
            var figures: [String: Figures] = [:]
            for row in rows {
                let k = try row.decode(column: "k", as: String.self)
                func int(_ column: String) throws -> Int { Int(try row.decode(column: column, as: Int64?.self) ?? 0) }
                figures[k] = Figures(
                    key: k, volume: try int("volume"), resolved: try int("resolved"), onTime: try int("on_time"),
                    rated: try int("rated"), ratingSum: try int("rating_sum"), escalated: try int("escalated"),
                    closed: try int("closed"), medianHoursToClose: nil)
            }
            let histogram = try await sql.raw(
                """
                SELECT \(key) AS k, (closed_at - created_at) / 3600 AS h, COUNT(*) AS n
                FROM cases WHERE division_code LIKE \(bind: pattern) AND closed_at IS NOT NULL
                GROUP BY \(key), (closed_at - created_at) / 3600
                """
            ).all()
            var hours: [String: [(Int, Int)]] = [:]
            for row in histogram {
                hours[try row.decode(column: "k", as: String.self), default: []].append(
                    (Int(try row.decode(column: "h", as: Int64.self)), Int(try row.decode(column: "n", as: Int64.self)))
                )
            }
            for (k, buckets) in hours {
                figures[k]?.medianHoursToClose = Self.median(buckets)
            }
            return figures.values.sorted { ($0.volume, $1.key) > ($1.volume, $0.key) }
        }
    }

    /// The median of a histogram of (value, count) pairs (the lower middle for an even total).
    static func median(_ buckets: [(Int, Int)]) -> Int? {
        let total = buckets.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return nil }
        var seen = 0
        for (value, count) in buckets.sorted(by: { $0.0 < $1.0 }) {
            seen += count
            if seen * 2 >= total { return value }
        }
        return nil
    }
}
