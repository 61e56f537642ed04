import Platform
import SQLKit

/// Public figures of the cases per division or department: volume, on-time rate, satisfaction, escalation rate and
/// the median time to close. They are read from running sums per community and department (``CaseTally``, kept by
/// every write), so the whole city's page costs the same for ten or a million cases.
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
    /// volume first. Reads the running sums per community and department (``CaseTally``), not the cases.
    public func figures(_ grouping: Grouping, under prefix: String) async throws -> [Figures] {
        try await self.database.withConnection { sql in
            try await Self.figures(grouping, under: prefix, sums: "cases_figures", hours: "cases_close_hours", on: sql)
        }
    }

    /// The same figures counted from the cases themselves: a full scan, for checking the running sums.
    public func countedFigures(_ grouping: Grouping, under prefix: String) async throws -> [Figures] {
        try await self.database.withConnection { sql in
            try await Self.figures(
                grouping, under: prefix, sums: "(\(Self.figuresQuery))", hours: "(\(Self.closeHoursQuery))", on: sql)
        }
    }

    /// Counts the running sums anew from the cases, in one transaction (after a bulk load that went around
    /// ``CaseRepository``).
    public func rebuild() async throws {
        try await self.database.transaction { sql in
            try await sql.raw("DELETE FROM cases_figures").run()
            try await sql.raw("DELETE FROM cases_close_hours").run()
            try await sql.raw(SQLQueryString(Self.fillFigures)).run()
            try await sql.raw(SQLQueryString(Self.fillCloseHours)).run()
        }
    }

    /// The sums per community and department, counted from the cases.
    static let figuresQuery = """
        SELECT division_code, department_id, COUNT(*) AS volume,
            SUM(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
            SUM(CASE WHEN resolved_at IS NOT NULL AND resolved_at <= promised_at THEN 1 ELSE 0 END) AS on_time,
            SUM(CASE WHEN rating IS NOT NULL THEN 1 ELSE 0 END) AS rated,
            SUM(COALESCE(rating, 0)) AS rating_sum,
            SUM(CASE WHEN escalations > 0 THEN 1 ELSE 0 END) AS escalated,
            SUM(CASE WHEN closed_at IS NOT NULL THEN 1 ELSE 0 END) AS closed
        FROM cases GROUP BY division_code, department_id
        """

    /// The histogram of whole hours from report to close per community and department, counted from the cases.
    static let closeHoursQuery = """
        SELECT division_code, department_id, (closed_at - created_at) / 3600 AS hours, COUNT(*) AS n
        FROM cases WHERE closed_at IS NOT NULL GROUP BY division_code, department_id, (closed_at - created_at) / 3600
        """

    /// The sums of every group, as BIGINT on both engines (PostgreSQL sums BIGINT into NUMERIC).
    static let sumColumns = CaseTally.columnNames.map { "CAST(SUM(\($0)) AS BIGINT) AS \($0)" }.joined(separator: ", ")

    static let fillFigures = """
        INSERT INTO cases_figures (division_code, department_id, volume, resolved, on_time, rated, rating_sum,
            escalated, closed) \(figuresQuery)
        """

    static let fillCloseHours = """
        INSERT INTO cases_close_hours (division_code, department_id, hours, n) \(closeHoursQuery)
        """

    /// Groups the sums of `sums` and the histogram of `hours` (tables or sub-queries with the columns of
    /// `cases_figures` and `cases_close_hours`).
    static func figures(
        _ grouping: Grouping, under prefix: String, sums: String, hours: String, on sql: any SQLDatabase
    ) async throws -> [Figures] {
        let pattern = CaseRepository.like(prefix)
        let key: SQLQueryString
        if let length = grouping.codeLength {
            key = "SUBSTR(division_code, 1, \(literal: length))"
        } else {
            key = "department_id"
        }
        let rows = try await sql.raw(
            """
            SELECT \(key) AS k, \(unsafeRaw: Self.sumColumns) FROM \(unsafeRaw: sums) s WHERE division_code LIKE \(bind: pattern) GROUP BY \(key) HAVING SUM(volume) > 0
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
            SELECT \(key) AS k, hours AS h, CAST(SUM(n) AS BIGINT) AS n FROM \(unsafeRaw: hours) s
            WHERE division_code LIKE \(bind: pattern) GROUP BY \(key), hours
            """
        ).all()
        var buckets: [String: [(Int, Int)]] = [:]
        for row in histogram {
            buckets[try row.decode(column: "k", as: String.self), default: []].append(
                (Int(try row.decode(column: "h", as: Int64.self)), Int(try row.decode(column: "n", as: Int64.self)))
            )
        }
        for (k, counts) in buckets {
            figures[k]?.medianHoursToClose = Self.median(counts)
        }
        return figures.values.sorted { ($0.volume, $1.key) > ($1.volume, $0.key) }
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
