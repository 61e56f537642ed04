import Platform
import SQLKit

/// The public figures of service performance per department, computed from the applications and ratings.
public struct PerformanceRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// One department's figures.
    public struct DepartmentFigures: Sendable, Equatable {
        public let departmentID: String
        /// Applications submitted.
        public var volume: Int = 0
        /// Completed or rejected.
        public var finished: Int = 0
        /// Finished by their deadline.
        public var finishedOnTime: Int = 0
        /// Not finished and already past their deadline.
        public var openOverdue: Int = 0
        public var ratings: Int = 0
        public var starsTotal: Int = 0

        /// Finished on time among the finished, nil before anything finished.
        public var onTimeRate: Double? {
            self.finished == 0 ? nil : Double(self.finishedOnTime) / Double(self.finished)
        }
        /// Mean stars, nil without ratings.
        public var averageRating: Double? { self.ratings == 0 ? nil : Double(self.starsTotal) / Double(self.ratings) }
    }

    /// The figures of every department that has applications, at time `now`.
    public func figures(now: Int64) async throws -> [String: DepartmentFigures] {
        try await self.database.withConnection { sql in
            var out: [String: DepartmentFigures] = [:]
            let rows = try await sql.raw(
                """
                SELECT department_id, COUNT(*) AS volume,
                    SUM(CASE WHEN finished_at IS NOT NULL THEN 1 ELSE 0 END) AS finished,
                    SUM(CASE WHEN finished_at IS NOT NULL AND finished_at <= due_at THEN 1 ELSE 0 END) AS on_time,
                    SUM(CASE WHEN finished_at IS NULL AND due_at < \(bind: now) THEN 1 ELSE 0 END) AS open_overdue
                FROM servicehall_applications GROUP BY department_id
                """
            ).all()
            for row in rows {
                let id = try row.decode(column: "department_id", as: String.self)
                var figures = DepartmentFigures(departmentID: id)
                figures.volume = try row.decode(column: "volume", as: Int.self)
                figures.finished = try row.decode(column: "finished", as: Int?.self) ?? 0
                figures.finishedOnTime = try row.decode(column: "on_time", as: Int?.self) ?? 0
                figures.openOverdue = try row.decode(column: "open_overdue", as: Int?.self) ?? 0
                out[id] = figures
            }
            let ratings = try await sql.raw(
                """
                SELECT department_id, COUNT(*) AS n, SUM(stars) AS stars FROM servicehall_ratings
                GROUP BY department_id
                """
            ).all()
            for row in ratings {
                let id = try row.decode(column: "department_id", as: String.self)
                var figures = out[id] ?? DepartmentFigures(departmentID: id)
                figures.ratings = try row.decode(column: "n", as: Int.self)
                figures.starsTotal = try row.decode(column: "stars", as: Int?.self) ?? 0
                out[id] = figures
            }
            return out
        }
    }
}
