import SQLKit

/// What one case adds to the public figures: the running sums that ``StatisticsRepository`` reads instead of
/// scanning every case.
///
/// A case counts in seven groups: its district, street and community as seen from the whole city, and its
/// department as seen from the whole city, its district, its street and its community. ``CaseRepository`` keeps the
/// sums in the same transaction as each write: a new case adds its tally, a change adds the difference between the
/// new and the old tally. So any statistics page reads one row per group shown (and the close-time histogram of
/// those groups), however many cases there are.
struct CaseTally: Equatable, Sendable {
    /// One group of the figures: where it is seen from (`scope`, a division code or empty for the city), how it is
    /// grouped and the group's key (a division code or a department id).
    struct Key: Hashable, Comparable, Sendable {
        let scope: String
        let grouping: StatisticsRepository.Grouping
        let group: String

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.scope, lhs.grouping.rawValue, lhs.group) < (rhs.scope, rhs.grouping.rawValue, rhs.group)
        }

        /// The seven groups a case of `division` and `department` counts in.
        static func all(division: String, department: String) -> [Key] {
            let district = String(division.prefix(6))
            let street = String(division.prefix(9))
            return [
                Key(scope: "", grouping: .district, group: district),
                Key(scope: "", grouping: .street, group: street),
                Key(scope: "", grouping: .community, group: division),
                Key(scope: "", grouping: .department, group: department),
                Key(scope: district, grouping: .department, group: department),
                Key(scope: street, grouping: .department, group: department),
                Key(scope: division, grouping: .department, group: department),
            ]
        }
    }

    var sums: [Int]
    /// Whole hours from report to close, for the median (nil while open).
    var hoursToClose: Int?

    static let columnNames = ["volume", "resolved", "on_time", "rated", "rating_sum", "escalated", "closed"]

    init(_ record: CaseRecord) {
        let resolved = record.resolvedAt != nil
        let onTime = record.resolvedAt.map { $0 <= record.promisedAt } ?? false
        self.sums = [
            1, resolved ? 1 : 0, onTime ? 1 : 0, record.rating == nil ? 0 : 1, record.rating ?? 0,
            record.escalations > 0 ? 1 : 0, record.closedAt == nil ? 0 : 1,
        ]
        self.hoursToClose = record.closedAt.map { Int(($0 - record.createdAt) / 3600) }
    }

    /// Adds `new` and takes away `old` (either may be absent) in the caller's transaction: one statement for the
    /// sums and one for the histogram. Rows are written in key order, so two writers never wait on each other in
    /// opposite orders.
    static func apply(adding new: CaseRecord?, removing old: CaseRecord?, on sql: any SQLDatabase) async throws {
        var sums: [Key: [Int]] = [:]
        var hours: [HoursKey: Int] = [:]
        for (record, sign) in [(new, 1), (old, -1)] {
            guard let record else { continue }
            let tally = CaseTally(record)
            for key in Key.all(division: record.divisionCode, department: record.departmentID) {
                let current = sums[key] ?? Array(repeating: 0, count: Self.columnNames.count)
                sums[key] = zip(current, tally.sums).map { $0 + $1 * sign }
                if let h = tally.hoursToClose { hours[HoursKey(key: key, hours: h), default: 0] += sign }
            }
        }
        let changed = sums.filter { $0.value.contains { $0 != 0 } }.sorted { $0.key < $1.key }
        if !changed.isEmpty {
            let rows = changed.map { key, values -> [any Encodable & Sendable] in
                [key.scope, key.grouping.rawValue, key.group] + values
            }
            let updates = Self.columnNames.map { "\($0) = cases_figures.\($0) + excluded.\($0)" }
            try await sql.raw(
                """
                INSERT INTO cases_figures (scope, grouped_by, group_key, \(unsafeRaw: Self.columnNames.joined(separator: ", ")))
                VALUES \(Self.tuples(rows))
                ON CONFLICT (scope, grouped_by, group_key) DO UPDATE SET \(unsafeRaw: updates.joined(separator: ", "))
                """
            ).run()
        }
        let moved = hours.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        if !moved.isEmpty {
            let rows = moved.map { key, n -> [any Encodable & Sendable] in
                [key.key.scope, key.key.grouping.rawValue, key.key.group, key.hours, n]
            }
            try await sql.raw(
                """
                INSERT INTO cases_close_hours (scope, grouped_by, group_key, hours, n) VALUES \(Self.tuples(rows))
                ON CONFLICT (scope, grouped_by, group_key, hours) DO UPDATE SET n = cases_close_hours.n + excluded.n
                """
            ).run()
        }
    }

    /// A group's bucket of the close-time histogram.
    struct HoursKey: Hashable, Comparable, Sendable {
        let key: Key
        let hours: Int

        static func < (lhs: HoursKey, rhs: HoursKey) -> Bool { (lhs.key, lhs.hours) < (rhs.key, rhs.hours) }
    }

    /// `(?, ?, …), (?, ?, …)` with the rows bound.
    static func tuples(_ rows: [[any Encodable & Sendable]]) -> SQLQueryString {
        var query: SQLQueryString = ""
        for (index, row) in rows.enumerated() {
            query += index == 0 ? "(\(binds: row))" : ", (\(binds: row))"
        }
        return query
    }
}
