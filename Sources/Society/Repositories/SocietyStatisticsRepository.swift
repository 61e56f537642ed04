import Foundation
import Platform
import SQLKit

/// The statistics rollups: per community totals and per community and month, updated inside the transactions of
/// the changes they count, and read by range scans on the division code.
public struct SocietyStatisticsRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Adds to a community's totals.
    func add(community: String, organizations: Int = 0, volunteers: Int = 0, minutes: Int = 0, on sql: any SQLDatabase)
        async throws
    {
        try await sql.raw(
            """
            INSERT INTO society_community_stats (community_code, organizations, volunteers, verified_minutes)
            VALUES (\(bind: community), \(bind: organizations), \(bind: volunteers), \(bind: minutes))
            ON CONFLICT (community_code) DO UPDATE SET
                organizations = society_community_stats.organizations + excluded.organizations,
                volunteers = society_community_stats.volunteers + excluded.volunteers,
                verified_minutes = society_community_stats.verified_minutes + excluded.verified_minutes
            """
        ).run()
    }

    /// Adds verified minutes of a volunteer of `community` in `month`; counts the volunteer active in that month
    /// the first time.
    func addVerified(account: String, community: String, month: String, minutes: Int, on sql: any SQLDatabase)
        async throws
    {
        let first =
            try await sql.raw(
                """
                INSERT INTO society_volunteer_months (account_id, month) VALUES (\(bind: account), \(bind: month))
                ON CONFLICT (account_id, month) DO NOTHING RETURNING month
                """
            ).first() != nil
        try await sql.raw(
            """
            INSERT INTO society_monthly (community_code, month, verified_minutes, active_volunteers)
            VALUES (\(bind: community), \(bind: month), \(bind: minutes), \(bind: first ? 1 : 0))
            ON CONFLICT (community_code, month) DO UPDATE SET
                verified_minutes = society_monthly.verified_minutes + excluded.verified_minutes,
                active_volunteers = society_monthly.active_volunteers + excluded.active_volunteers
            """
        ).run()
        try await self.add(community: community, minutes: minutes, on: sql)
    }

    /// Totals for the communities inside `prefix`, grouped by the first `groupLength` digits of their code.
    public func totals(inside prefix: String, groupLength: Int) async throws -> [SocietyTotals] {
        let (low, high) = SocietyText.range(prefix)
        return try await self.database.withConnection { sql in
            try await sql.raw(
                """
                SELECT SUBSTR(community_code, 1, \(unsafeRaw: String(groupLength))) AS code, CAST(SUM(organizations) AS BIGINT) AS organizations,
                    CAST(SUM(volunteers) AS BIGINT) AS volunteers, CAST(SUM(verified_minutes) AS BIGINT) AS minutes
                FROM society_community_stats
                WHERE community_code >= \(bind: low) AND community_code < \(bind: high)
                GROUP BY SUBSTR(community_code, 1, \(unsafeRaw: String(groupLength))) ORDER BY code
                """
            ).all()
        }.map {
            SocietyTotals(
                code: try $0.decode(column: "code", as: String.self),
                organizations: Int(try $0.decode(column: "organizations", as: Int64.self)),
                volunteers: Int(try $0.decode(column: "volunteers", as: Int64.self)),
                verifiedMinutes: try $0.decode(column: "minutes", as: Int64.self))
        }
    }

    /// Verified minutes and active volunteers per month since `month` (inclusive) inside `prefix`.
    public func monthly(inside prefix: String, since month: String) async throws -> [SocietyMonth] {
        let (low, high) = SocietyText.range(prefix)
        return try await self.database.withConnection { sql in
            try await sql.raw(
                """
                SELECT month, CAST(SUM(verified_minutes) AS BIGINT) AS minutes, CAST(SUM(active_volunteers) AS BIGINT) AS active
                FROM society_monthly
                WHERE month >= \(bind: month) AND community_code >= \(bind: low) AND community_code < \(bind: high)
                GROUP BY month ORDER BY month
                """
            ).all()
        }.map {
            SocietyMonth(
                month: try $0.decode(column: "month", as: String.self),
                verifiedMinutes: try $0.decode(column: "minutes", as: Int64.self),
                activeVolunteers: Int(try $0.decode(column: "active", as: Int64.self)))
        }
    }
}

/// Totals of one division (or group of communities).
public struct SocietyTotals: Sendable, Equatable, Codable {
    public let code: String
    public let organizations: Int
    public let volunteers: Int
    public let verifiedMinutes: Int64
}

/// One month of verified work.
public struct SocietyMonth: Sendable, Equatable, Codable {
    public let month: String
    public let verifiedMinutes: Int64
    public let activeVolunteers: Int
}
