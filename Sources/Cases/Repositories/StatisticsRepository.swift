import Platform
import SQLKit

/// Public figures of the cases per division or department: volume, on-time rate, satisfaction, escalation rate and
/// the median time to close. They are read from running sums per group (``CaseTally``, kept by every write), so a
/// page costs the same for ten or a million cases.
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
    /// volume first. Reads the running sums (``CaseTally``), not the cases.
    public func figures(_ grouping: Grouping, under prefix: String) async throws -> [Figures] {
        try await self.database.withConnection { sql in
            var filter: SQLQueryString
            var merged: String? = nil
            if let length = grouping.codeLength, length > prefix.count {
                // Divisions below the prefix, as seen from the city: their keys start with the prefix.
                filter = "scope = '' AND grouped_by = \(bind: grouping.rawValue)"
                filter += Self.range("group_key", prefix)
            } else {
                // Departments under the prefix: the rows of the smallest stored scope that holds it, and for a
                // division grouping no finer than the prefix, their sum as the one group.
                filter = "grouped_by = 'department'"
                if let level = [6, 9, 12].first(where: { $0 >= prefix.count }), !prefix.isEmpty {
                    filter += Self.range("scope", prefix)
                    filter += " AND LENGTH(scope) = \(literal: level)"
                } else {
                    filter += " AND scope = ''"
                }
                merged = grouping.codeLength.map { String(prefix.prefix($0)) }
            }
            let key: SQLQueryString = merged.map { "\(bind: $0)" } ?? "group_key"
            let rows = try await sql.raw(
                """
                SELECT \(key) AS k, \(unsafeRaw: Self.sumColumns) FROM cases_figures
                WHERE \(filter) GROUP BY \(key) HAVING SUM(volume) > 0
                """
            ).all()
            let histogram = try await sql.raw(
                """
                SELECT \(key) AS k, hours AS h, CAST(SUM(n) AS BIGINT) AS n FROM cases_close_hours
                WHERE \(filter) GROUP BY \(key), hours
                """
            ).all()
            return try Self.figures(rows, histogram: histogram)
        }
    }

    /// The same figures counted from the cases themselves: a scan of every case under the prefix, for checking
    /// the running sums (and what each page cost before them).
    public func countedFigures(_ grouping: Grouping, under prefix: String) async throws -> [Figures] {
        let pattern = CaseRepository.like(prefix)
        let key: SQLQueryString
        if let length = grouping.codeLength {
            key = "SUBSTR(division_code, 1, \(literal: length))"
        } else {
            key = "department_id"
        }
        return try await self.database.withConnection { sql in
            let rows = try await sql.raw(
                """
                SELECT \(key) AS k, \(unsafeRaw: Self.countColumns) FROM cases
                WHERE division_code LIKE \(bind: pattern) GROUP BY \(key)
                """
            ).all()
            let histogram = try await sql.raw(
                """
                SELECT \(key) AS k, (closed_at - created_at) / 3600 AS h, COUNT(*) AS n
                FROM cases WHERE division_code LIKE \(bind: pattern) AND closed_at IS NOT NULL
                GROUP BY \(key), (closed_at - created_at) / 3600
                """
            ).all()
            return try Self.figures(rows, histogram: histogram)
        }
    }

    /// ` AND column >= prefix AND column < successor` (nothing for the empty prefix): the codes that start with a
    /// prefix of digits, as a range an index serves, ordered alike under every collation.
    static func range(_ column: String, _ prefix: String) -> SQLQueryString {
        guard !prefix.isEmpty else { return "" }
        var range: SQLQueryString = " AND \(ident: column) >= \(bind: prefix)"
        var digits = Array(prefix.utf8)
        while let last = digits.last, last == UInt8(ascii: "9") { digits.removeLast() }
        if let last = digits.popLast() {
            range += " AND \(ident: column) < \(bind: String(decoding: digits + [last + 1], as: UTF8.self))"
        }
        return range
    }

    /// Counts the running sums anew from the cases, in one transaction (after a bulk load that went around
    /// ``CaseRepository``).
    public func rebuild() async throws {
        try await self.database.transaction { sql in
            try await sql.raw("DELETE FROM cases_figures").run()
            try await sql.raw("DELETE FROM cases_close_hours").run()
            for statement in Self.fillStatements {
                try await sql.raw(SQLQueryString(statement)).run()
            }
        }
    }

    /// The sums of a group, as BIGINT on both engines (PostgreSQL sums BIGINT into NUMERIC).
    static let sumColumns = CaseTally.columnNames.map { "CAST(SUM(\($0)) AS BIGINT) AS \($0)" }
        .joined(separator: ", ")

    /// The sums of a group counted from the cases.
    static let countColumns = """
        COUNT(*) AS volume, SUM(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
        SUM(CASE WHEN resolved_at IS NOT NULL AND resolved_at <= promised_at THEN 1 ELSE 0 END) AS on_time,
        SUM(CASE WHEN rating IS NOT NULL THEN 1 ELSE 0 END) AS rated, SUM(COALESCE(rating, 0)) AS rating_sum,
        SUM(CASE WHEN escalations > 0 THEN 1 ELSE 0 END) AS escalated,
        SUM(CASE WHEN closed_at IS NOT NULL THEN 1 ELSE 0 END) AS closed
        """

    /// Statements that count the running sums from the cases, for each of ``CaseTally/Key/all(division:department:)``
    /// (scope, grouping, group expressions).
    static let fillStatements: [String] = {
        let groups: [(scope: String?, grouping: Grouping, key: String)] = [
            (nil, .district, "SUBSTR(division_code, 1, 6)"), (nil, .street, "SUBSTR(division_code, 1, 9)"),
            (nil, .community, "division_code"), (nil, .department, "department_id"),
            ("SUBSTR(division_code, 1, 6)", .department, "department_id"),
            ("SUBSTR(division_code, 1, 9)", .department, "department_id"),
            ("division_code", .department, "department_id"),
        ]
        let columns = CaseTally.columnNames.joined(separator: ", ")
        return groups.flatMap { group in
            let scope = group.scope ?? "''"
            let by = ([group.scope].compactMap { $0 } + [group.key]).joined(separator: ", ")
            return [
                """
                INSERT INTO cases_figures (scope, grouped_by, group_key, \(columns))
                SELECT \(scope), '\(group.grouping.rawValue)', \(group.key), \(countColumns) FROM cases GROUP BY \(by)
                """,
                """
                INSERT INTO cases_close_hours (scope, grouped_by, group_key, hours, n)
                SELECT \(scope), '\(group.grouping.rawValue)', \(group.key), (closed_at - created_at) / 3600, COUNT(*)
                FROM cases WHERE closed_at IS NOT NULL GROUP BY \(by), (closed_at - created_at) / 3600
                """,
            ]
        }
    }()

    /// Figures from rows of `k` and the sums, and a histogram of rows `k`, `h`, `n`; largest volume first.
    static func figures(_ rows: [any SQLRow], histogram: [any SQLRow]) throws -> [Figures] {
        var figures: [String: Figures] = [:]
        for row in rows {
            let k = try row.decode(column: "k", as: String.self)
            func int(_ column: String) throws -> Int { Int(try row.decode(column: column, as: Int64?.self) ?? 0) }
            figures[k] = Figures(
                key: k, volume: try int("volume"), resolved: try int("resolved"), onTime: try int("on_time"),
                rated: try int("rated"), ratingSum: try int("rating_sum"), escalated: try int("escalated"),
                closed: try int("closed"), medianHoursToClose: nil)
        }
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
