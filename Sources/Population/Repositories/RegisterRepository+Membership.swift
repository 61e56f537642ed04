import Platform
import SQLKit

/// Where a person stands in the register: their resident record, household and community.
public struct RegisterMembership: Sendable, Equatable {
    public let residentID: Int64
    public let householdID: Int64
    public let communityCode: String

    public init(residentID: Int64, householdID: Int64, communityCode: String) {
        self.residentID = residentID
        self.householdID = householdID
        self.communityCode = communityCode
    }
}

extension RegisterRepository {
    /// The register entry of the person with this ID number (by its look-up hash), nil when not registered.
    /// Used by contexts that serve a household (bills) to a signed-in resident.
    public func membership(idNumberHash: String) async throws -> RegisterMembership? {
        try await self.database.withConnection { sql in
            guard
                let row = try await sql.select().columns("id", "household_id", "community_code").from("residents")
                    .where("id_number_hash", .equal, idNumberHash).limit(1).first()
            else { return nil }
            return RegisterMembership(
                residentID: try row.decode(column: "id", as: Int64.self),
                householdID: try row.decode(column: "household_id", as: Int64.self),
                communityCode: try row.decode(column: "community_code", as: String.self))
        }
    }

    /// Up to `limit` households whose community lies inside `divisionPrefix`, in id order, each with its
    /// residents' ids (for demo data such as bills).
    public func households(inside divisionPrefix: String, limit: Int) async throws -> [(
        householdID: Int64, communityCode: String, residentIDs: [Int64]
    )] {
        try await self.database.withConnection { sql in
            let households = try await sql.select().columns("id", "community_code").from("households")
                .where("community_code", .like, divisionPrefix + "%").orderBy("id").limit(limit).all()
            let ids = try households.map { try $0.decode(column: "id", as: Int64.self) }
            guard !ids.isEmpty else { return [] }
            var members: [Int64: [Int64]] = [:]
            for row in try await sql.select().columns("id", "household_id").from("residents")
                .where("household_id", .in, ids).orderBy("id").all()
            {
                members[try row.decode(column: "household_id", as: Int64.self), default: []].append(
                    try row.decode(column: "id", as: Int64.self))
            }
            return try households.map { row in
                let id = try row.decode(column: "id", as: Int64.self)
                return (id, try row.decode(column: "community_code", as: String.self), members[id] ?? [])
            }
        }
    }
}
