import SQLKit

/// What one case adds to the public figures of its community and department: the running sums that
/// ``StatisticsRepository`` reads instead of scanning every case.
///
/// ``CaseRepository`` keeps the sums in the same transaction as each write: a new case adds its tally, a change
/// adds the difference between the new and the old tally. So the figures for the whole city cost a read of one row
/// per community and department, however many cases there are.
struct CaseTally: Equatable, Sendable {
    /// The group the case counts in: its community and its department.
    struct Key: Hashable, Comparable, Sendable {
        let divisionCode: String
        let departmentID: String

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.divisionCode, lhs.departmentID) < (rhs.divisionCode, rhs.departmentID)
        }
    }

    var volume = 0
    var resolved = 0
    var onTime = 0
    var rated = 0
    var ratingSum = 0
    var escalated = 0
    var closed = 0
    /// Whole hours from report to close, for the median (nil while open).
    var hoursToClose: Int?

    init(_ record: CaseRecord) {
        self.volume = 1
        if let resolvedAt = record.resolvedAt {
            self.resolved = 1
            self.onTime = resolvedAt <= record.promisedAt ? 1 : 0
        }
        if let rating = record.rating {
            self.rated = 1
            self.ratingSum = rating
        }
        self.escalated = record.escalations > 0 ? 1 : 0
        if let closedAt = record.closedAt {
            self.closed = 1
            self.hoursToClose = Int((closedAt - record.createdAt) / 3600)
        }
    }

    /// The sums as column values, scaled by `sign` (+1 to add, -1 to take away).
    func columns(_ sign: Int) -> [Int] {
        [self.volume, self.resolved, self.onTime, self.rated, self.ratingSum, self.escalated, self.closed].map {
            $0 * sign
        }
    }

    static let columnNames = ["volume", "resolved", "on_time", "rated", "rating_sum", "escalated", "closed"]

    /// Adds `new` and takes away `old` (either may be absent) in the caller's transaction. Rows are touched in key
    /// order, so two writers never wait on each other in opposite orders.
    static func apply(adding new: CaseRecord?, removing old: CaseRecord?, on sql: any SQLDatabase) async throws {
        var sums: [Key: [Int]] = [:]
        var hours: [Key: [Int: Int]] = [:]
        for (record, sign) in [(new, 1), (old, -1)] {
            guard let record else { continue }
            let key = Key(divisionCode: record.divisionCode, departmentID: record.departmentID)
            let tally = CaseTally(record)
            sums[key] = zip(sums[key] ?? Array(repeating: 0, count: Self.columnNames.count), tally.columns(sign))
                .map { $0 + $1 }
            if let h = tally.hoursToClose { hours[key, default: [:]][h, default: 0] += sign }
        }
        for key in sums.keys.sorted() where sums[key]?.contains(where: { $0 != 0 }) == true {
            try await self.add(sums[key] ?? [], to: key, on: sql)
        }
        for key in hours.keys.sorted() {
            for (h, n) in (hours[key] ?? [:]).sorted(by: { $0.key < $1.key }) where n != 0 {
                try await sql.raw(
                    """
                    INSERT INTO cases_close_hours (division_code, department_id, hours, n)
                    VALUES (\(bind: key.divisionCode), \(bind: key.departmentID), \(bind: h), \(bind: n))
                    ON CONFLICT (division_code, department_id, hours) DO UPDATE SET n = cases_close_hours.n + excluded.n
                    """
                ).run()
            }
        }
    }

    private static func add(_ values: [Int], to key: Key, on sql: any SQLDatabase) async throws {
        let binds: [any Encodable & Sendable] = [key.divisionCode, key.departmentID] + values
        let updates = Self.columnNames.map { "\($0) = cases_figures.\($0) + excluded.\($0)" }
        try await sql.raw(
            """
            INSERT INTO cases_figures (division_code, department_id, \(unsafeRaw: Self.columnNames.joined(separator: ", ")))
            VALUES (\(binds: binds))
            ON CONFLICT (division_code, department_id) DO UPDATE SET \(unsafeRaw: updates.joined(separator: ", "))
            """
        ).run()
    }
}
