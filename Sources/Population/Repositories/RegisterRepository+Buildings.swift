import Platform
import SQLKit

/// A resident's standing in their household: whether they head it, and the building of its address.
public struct HouseholdStanding: Sendable, Equatable {
    public let householdID: Int64
    public let isHead: Bool
    /// `12栋` for an address `12栋2单元304号`; nil when the address names no building.
    public let building: String?

    public init(householdID: Int64, isHead: Bool, building: String?) {
        self.householdID = householdID
        self.isHead = isHead
        self.building = building
    }
}

extension RegisterRepository {
    /// The building part of an address (`12栋2单元304号` → `12栋`), nil when it names none.
    public static func building(of address: String) -> String? {
        guard let end = address.firstIndex(of: "栋") else { return nil }
        return String(address[...end])
    }

    /// The household standing of the registered resident with this id, nil when the register has no such resident.
    /// Used by participation rules ("household head", "household in building X").
    public func standing(residentID: Int64) async throws -> HouseholdStanding? {
        try await self.database.withConnection { sql in
            guard
                let row = try await sql.select()
                    .column(SQLColumn("household_id", table: "r")).column(SQLColumn("relation", table: "r"))
                    .column(SQLColumn("address", table: "h"))
                    .from(SQLAlias(SQLIdentifier("residents"), as: SQLIdentifier("r")))
                    .join(
                        SQLAlias(SQLIdentifier("households"), as: SQLIdentifier("h")),
                        on: SQLColumn("id", table: "h"), .equal, SQLColumn("household_id", table: "r")
                    )
                    .where(SQLColumn("id", table: "r"), .equal, SQLBind(residentID)).first()
            else { return nil }
            return HouseholdStanding(
                householdID: try row.decode(column: "household_id", as: Int64.self),
                isHead: try row.decode(column: "relation", as: String.self) == "head",
                building: Self.building(of: try row.decode(column: "address", as: String.self)))
        }
    }

    /// The households of a community, only those in `buildings` unless it is empty, in id order, each with its
    /// building (the list a consent campaign asks).
    public func households(community: String, buildings: [String]) async throws -> [(id: Int64, building: String?)] {
        let rows = try await self.database.withConnection { sql in
            try await sql.select().columns("id", "address").from("households")
                .where("community_code", .equal, community).orderBy("id").all()
        }
        let wanted = Set(buildings)
        return try rows.compactMap { row in
            let building = Self.building(of: try row.decode(column: "address", as: String.self))
            guard wanted.isEmpty || building.map(wanted.contains) == true else { return nil }
            return (try row.decode(column: "id", as: Int64.self), building)
        }
    }

    /// How many registered residents of a community are at least 18 on `today` (`YYYY-MM-DD`), only those whose
    /// household lies in `buildings` unless it is empty (the electorate of a one-person-one-vote ballot).
    public func adultCount(community: String, buildings: [String], today: String) async throws -> Int {
        let year = (Int(today.prefix(4)) ?? 0) - 18
        let cutoff = "\(year)" + today.dropFirst(4)
        let households = Set(try await self.households(community: community, buildings: buildings).map(\.id))
        let rows = try await self.database.withConnection { sql in
            try await sql.select().column("household_id").from("residents")
                .where("community_code", .equal, community).where("birth_date", .lessThanOrEqual, cutoff).all()
        }
        return try rows.filter { households.contains(try $0.decode(column: "household_id", as: Int64.self)) }.count
    }
}
