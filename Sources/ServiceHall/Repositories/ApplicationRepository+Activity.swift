import Platform
import SQLKit

extension ApplicationRepository {
    /// A resident's applications in order of last activity (a step, or the rating when it came later), newest
    /// first, with their ratings but without steps: one query on the `account_id` index.
    ///
    /// `finished` keeps only finished (completed or rejected) or only unfinished applications; `after` continues a
    /// listing; at most `limit` items.
    public func activity(
        accountID: String, finished: Bool? = nil, after bound: ActivityBound?, limit: Int
    ) async throws -> [Activity<Application>] {
        try await self.database.withConnection { sql in
            let columns = SQLRaw(Self.columns.map { "a." + $0 }.joined(separator: ", "))
            let done = ApplicationStatus.allCases.filter(\.isFinished).map(\.rawValue)
            var inner: SQLQueryString = """
                SELECT \(columns), r.stars, r.comment, r.rated_at,
                    CASE WHEN r.rated_at IS NOT NULL AND r.rated_at > a.updated_at THEN r.rated_at
                    ELSE a.updated_at END AS activity_at
                FROM servicehall_applications a LEFT JOIN servicehall_ratings r ON r.application_id = a.id
                WHERE a.account_id = \(bind: accountID)
                """
            if let finished {
                inner =
                    inner + (finished ? " AND a.status IN (\(binds: done))" : " AND a.status NOT IN (\(binds: done))")
            }
            var query: SQLQueryString = "SELECT * FROM (" + inner + ") x"
            if let bound { query = query + " WHERE " + bound.condition(time: "activity_at", id: "id") }
            query = query + " ORDER BY activity_at DESC, id DESC LIMIT \(bind: limit)"
            return try await sql.raw(query).all().map { row in
                var application = try Self.application(row)
                if let stars = try row.decode(column: "stars", as: Int?.self) {
                    application.rating = Rating(
                        stars: stars, comment: try row.decode(column: "comment", as: String?.self) ?? "",
                        ratedAt: try row.decode(column: "rated_at", as: Int64?.self) ?? application.updatedAt)
                }
                return Activity(item: application, at: try row.decode(column: "activity_at", as: Int64.self))
            }
        }
    }
}
