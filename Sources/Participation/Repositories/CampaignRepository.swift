import Foundation
import Platform
import SQLKit

/// Stores consent campaigns and their households. Counts are always derived from the household rows, and every
/// signature or withdrawal first touches the campaign row, so it serializes with the deadline's final count.
public struct CampaignRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "community_code", "title_zh", "title_en", "description", "buildings", "threshold_percent", "opens_at",
        "deadline", "household_count", "outcome", "signed_at_deadline", "decided_at",
    ]

    /// Adds a campaign with its households.
    public func insert(
        _ campaign: Campaign, households: [(id: Int64, building: String?)], by official: String, at time: Int64
    ) async throws {
        let buildings = String(decoding: try JSONEncoder().encode(campaign.buildings), as: UTF8.self)
        try await self.database.transaction { sql in
            try await sql.insert(into: "participation_campaigns")
                .columns(Array(Self.columns.dropLast(3)) + ["created_by", "created_at"])
                .values(
                    SQLBind(campaign.id), SQLBind(campaign.communityCode), SQLBind(campaign.title.zh),
                    SQLBind(campaign.title.en), SQLBind(campaign.description), SQLBind(buildings),
                    SQLBind(campaign.thresholdPercent), SQLBind(campaign.opensAt), SQLBind(campaign.deadline),
                    SQLBind(campaign.households), SQLBind(official), SQLBind(time)
                ).run()
            for chunk in households.chunked(into: 300) {
                let insert = sql.insert(into: "participation_campaign_households")
                    .columns("campaign_id", "household_id", "building")
                for household in chunk {
                    insert.values(SQLBind(campaign.id), SQLBind(household.id), SQLBind(household.building))
                }
                try await insert.run()
            }
        }
    }

    /// One campaign, nil when unknown.
    public func find(_ id: String) async throws -> Campaign? {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.columns).from("participation_campaigns").where("id", .equal, id)
                .first().map(Self.campaign)
        }
    }

    /// The campaigns of a community, latest deadline first.
    public func campaigns(community: String) async throws -> [Campaign] {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.columns).from("participation_campaigns")
                .where("community_code", .equal, community).orderBy("deadline", .descending).limit(50).all()
                .map(Self.campaign)
        }
    }

    /// Signed households now.
    public func signedCount(_ id: String, on sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("participation_campaign_households").where("campaign_id", .equal, id).where("signed", .equal, 1)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Signed households now (own connection).
    public func signedCount(_ id: String) async throws -> Int {
        try await self.database.withConnection { try await self.signedCount(id, on: $0) }
    }

    /// Whether the household is listed, and whether it has signed (nil when not listed).
    public func household(_ id: String, household: Int64) async throws -> Bool? {
        try await self.database.withConnection { sql in
            try await sql.select().column("signed").from("participation_campaign_households")
                .where("campaign_id", .equal, id).where("household_id", .equal, household)
                .first(decodingColumn: "signed", as: Int.self).map { $0 == 1 }
        }
    }

    /// Locks the campaign row while it still runs at `now`; false once the deadline passed or the outcome is fixed.
    public func touchIfRunning(_ id: String, now: Int64, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE participation_campaigns SET changes = changes + 1
            WHERE id = \(bind: id) AND outcome IS NULL AND opens_at <= \(bind: now) AND deadline > \(bind: now)
            """
        ).run()
        return try await sql.raw(
            "SELECT outcome, deadline, opens_at FROM participation_campaigns WHERE id = \(bind: id)"
        )
        .first().map { row in
            let outcome = try row.decode(column: "outcome", as: String?.self)
            let deadline = try row.decode(column: "deadline", as: Int64.self)
            let opens = try row.decode(column: "opens_at", as: Int64.self)
            return outcome == nil && opens <= now && deadline > now
        } ?? false
    }

    /// Sets a household's signature; false when it already had that state.
    public func setSigned(
        _ id: String, household: Int64, signed: Bool, by account: String, at time: Int64, on sql: any SQLDatabase
    ) async throws -> Bool {
        let before = try await self.signedCount(id, on: sql)
        try await sql.update("participation_campaign_households").set("signed", to: SQLBind(signed ? 1 : 0))
            .set("changed_by", to: SQLBind(account)).set("changed_at", to: SQLBind(time))
            .where("campaign_id", .equal, id).where("household_id", .equal, household)
            .where("signed", .equal, signed ? 0 : 1).run()
        return try await self.signedCount(id, on: sql) != before
    }

    /// Claims the final count of a campaign whose deadline passed; returns the signed count when this call fixed
    /// the outcome, nil when it was fixed already or the deadline has not come.
    public func decide(_ campaign: Campaign, now: Int64, on sql: any SQLDatabase) async throws -> Int? {
        try await sql.raw(
            """
            UPDATE participation_campaigns SET decided_at = \(bind: now)
            WHERE id = \(bind: campaign.id) AND outcome IS NULL AND decided_at IS NULL AND deadline <= \(bind: now)
            """
        ).run()
        let claimed = try await sql.raw(
            "SELECT decided_at, outcome FROM participation_campaigns WHERE id = \(bind: campaign.id)"
        ).first()
        guard let claimed, try claimed.decode(column: "outcome", as: String?.self) == nil,
            try claimed.decode(column: "decided_at", as: Int64?.self) == now
        else { return nil }
        let signed = try await self.signedCount(campaign.id, on: sql)
        try await sql.update("participation_campaigns")
            .set("outcome", to: SQLBind(campaign.reaches(signed) ? "succeeded" : "failed"))
            .set("signed_at_deadline", to: SQLBind(signed)).where("id", .equal, campaign.id).run()
        return signed
    }

    /// Campaigns whose deadline passed without an outcome.
    public func due(now: Int64) async throws -> [Campaign] {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.columns).from("participation_campaigns")
                .where("outcome", .is, SQLLiteral.null).where("deadline", .lessThanOrEqual, now).limit(100).all()
                .map(Self.campaign)
        }
    }

    static func campaign(_ row: any SQLRow) throws -> Campaign {
        Campaign(
            id: try row.decode(column: "id", as: String.self),
            communityCode: try row.decode(column: "community_code", as: String.self),
            title: LocalizedText(
                zh: try row.decode(column: "title_zh", as: String.self),
                en: try row.decode(column: "title_en", as: String.self)),
            description: try row.decode(column: "description", as: String.self),
            buildings: try JSONDecoder().decode(
                [String].self, from: Data(try row.decode(column: "buildings", as: String.self).utf8)),
            thresholdPercent: try row.decode(column: "threshold_percent", as: Int.self),
            opensAt: try row.decode(column: "opens_at", as: Int64.self),
            deadline: try row.decode(column: "deadline", as: Int64.self),
            households: try row.decode(column: "household_count", as: Int.self),
            outcome: try row.decode(column: "outcome", as: String?.self).flatMap(Campaign.Outcome.init(rawValue:)),
            signedAtDeadline: try row.decode(column: "signed_at_deadline", as: Int?.self),
            decidedAt: try row.decode(column: "decided_at", as: Int64?.self))
    }
}
