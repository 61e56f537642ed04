import Foundation
import Platform
import SQLKit
import Territory

/// The statistics rollups: totals and months for every division at every level above a community (and the
/// community itself), updated inside the transactions of the changes they count; a page reads a handful of rows
/// by key, whatever the number of volunteers and hour records.
public struct SocietyStatisticsRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The community and every division above it, each with its parent (nil for the city).
    static func chain(_ community: String) -> [(code: String, parent: String?)] {
        let codes = DivisionCode.ancestorCodes(of: community) + [community]
        return codes.enumerated().map { ($0.element, $0.offset == 0 ? nil : codes[$0.offset - 1]) }
    }

    /// Adds to the totals of a community and the divisions above it.
    func add(community: String, organizations: Int = 0, volunteers: Int = 0, minutes: Int = 0, on sql: any SQLDatabase)
        async throws
    {
        for (code, parent) in Self.chain(community) {
            try await sql.raw(
                """
                INSERT INTO society_division_stats (division_code, parent_code, organizations, volunteers,
                    verified_minutes)
                VALUES (\(bind: code), \(bind: parent), \(bind: organizations), \(bind: volunteers), \(bind: minutes))
                ON CONFLICT (division_code) DO UPDATE SET
                    organizations = society_division_stats.organizations + excluded.organizations,
                    volunteers = society_division_stats.volunteers + excluded.volunteers,
                    verified_minutes = society_division_stats.verified_minutes + excluded.verified_minutes
                """
            ).run()
        }
    }

    /// Adds verified minutes of a volunteer of `community` in `month`; counts the volunteer active in that month
    /// the first time, at every level.
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
        for (code, _) in Self.chain(community) {
            try await sql.raw(
                """
                INSERT INTO society_division_months (division_code, month, verified_minutes, active_volunteers)
                VALUES (\(bind: code), \(bind: month), \(bind: minutes), \(bind: first ? 1 : 0))
                ON CONFLICT (division_code, month) DO UPDATE SET
                    verified_minutes = society_division_months.verified_minutes + excluded.verified_minutes,
                    active_volunteers = society_division_months.active_volunteers + excluded.active_volunteers
                """
            ).run()
        }
        try await self.add(community: community, minutes: minutes, on: sql)
    }

    /// The totals of one division (zeros when nothing was counted there yet).
    public func totals(of code: String) async throws -> SocietyTotals {
        try await self.rows(key: "division_code", code).first
            ?? SocietyTotals(code: code, organizations: 0, volunteers: 0, verifiedMinutes: 0)
    }

    /// The totals of the divisions directly below `code` that have any, by code.
    public func children(of code: String) async throws -> [SocietyTotals] {
        try await self.rows(key: "parent_code", code)
    }

    func rows(key: String, _ code: String) async throws -> [SocietyTotals] {
        try await self.database.withConnection { sql in
            try await sql.select().columns("division_code", "organizations", "volunteers", "verified_minutes")
                .from("society_division_stats").where(SQLIdentifier(key), .equal, code).orderBy("division_code").all()
        }.map {
            SocietyTotals(
                code: try $0.decode(column: "division_code", as: String.self),
                organizations: try $0.decode(column: "organizations", as: Int.self),
                volunteers: try $0.decode(column: "volunteers", as: Int.self),
                verifiedMinutes: try $0.decode(column: "verified_minutes", as: Int64.self))
        }
    }

    /// Verified minutes and active volunteers of a division per month since `month` (inclusive).
    public func monthly(of code: String, since month: String) async throws -> [SocietyMonth] {
        try await self.database.withConnection { sql in
            try await sql.select().columns("month", "verified_minutes", "active_volunteers")
                .from("society_division_months").where("division_code", .equal, code)
                .where("month", .greaterThanOrEqual, month).orderBy("month").all()
        }.map {
            SocietyMonth(
                month: try $0.decode(column: "month", as: String.self),
                verifiedMinutes: try $0.decode(column: "verified_minutes", as: Int64.self),
                activeVolunteers: try $0.decode(column: "active_volunteers", as: Int.self))
        }
    }
}

/// Totals of one division.
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
