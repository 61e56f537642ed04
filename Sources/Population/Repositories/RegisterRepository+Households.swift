import Platform
import SQLKit

extension RegisterRepository {
    /// A household of the register: its id and community (no address, no members).
    public struct HouseholdRef: Sendable, Equatable {
        public let id: Int64
        public let communityCode: String

        public init(id: Int64, communityCode: String) {
            self.id = id
            self.communityCode = communityCode
        }
    }

    /// Households in id order after `after`, at most `limit` (other contexts place them on maps).
    public func households(after: Int64?, limit: Int) async throws -> [HouseholdRef] {
        try await self.database.withConnection { sql in
            let query = sql.select().columns("id", "community_code").from("households")
            if let after { query.where("id", .greaterThan, after) }
            return try await query.orderBy("id").limit(limit).all()
        }.map {
            HouseholdRef(
                id: try $0.decode(column: "id", as: Int64.self),
                communityCode: try $0.decode(column: "community_code", as: String.self))
        }
    }

    /// The registered addresses of these households (ids without a household are left out).
    public func addresses(of ids: [Int64]) async throws -> [Int64: String] {
        var result: [Int64: String] = [:]
        for chunk in ids.chunked(into: 500) {
            let rows = try await self.database.withConnection { sql in
                try await sql.select().columns("id", "address").from("households").where("id", .in, Array(chunk))
                    .all()
            }
            for row in rows {
                result[try row.decode(column: "id", as: Int64.self)] = try row.decode(
                    column: "address", as: String.self)
            }
        }
        return result
    }

    /// The household of the registered resident with this ID number (by its look-up hash) and exactly this name.
    public func registeredHousehold(idNumberHash: String, name: String) async throws -> Int64? {
        try await self.database.withConnection { sql in
            try await sql.select().column("household_id").from("residents")
                .where("id_number_hash", .equal, idNumberHash).where("name", .equal, name)
                .limit(1).first(decodingColumn: "household_id", as: Int64.self)
        }
    }

    /// `12栋2单元304号` → `12栋`: the building only, so a listing shows where without showing whose door.
    public static func maskedAddress(_ address: String) -> String {
        if let building = address.firstIndex(of: "栋") { return String(address[...building]) + "…" }
        return String(address.prefix(2)) + "…"
    }
}
