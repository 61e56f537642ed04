import Foundation
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

extension RegisterRepository {
    /// Adds one household and its residents to the register (for fixtures and benchmarks; the demo city is written
    /// in bulk by the seeder). ID numbers are sealed with `cipher` and hashed for look-ups, like the seeder's.
    /// Returns the new household's id and its residents' ids, in order.
    public func enrol(
        communityCode: String, address: String, residents: [(name: String, idNumber: IDNumber)],
        cipher: PersonalDataCipher
    ) async throws -> (householdID: Int64, residentIDs: [Int64]) {
        try await self.database.transaction { sql in
            let max = { (table: String) in
                try await sql.select().column(SQLFunction("MAX", args: SQLColumn("id")), as: "m").from(table)
                    .first(decodingColumn: "m", as: Int64?.self) ?? nil
            }
            let household = (try await max("households") ?? 0) + 1
            try await sql.insert(into: "households").columns("id", "community_code", "address", "size")
                .values(SQLBind(household), SQLBind(communityCode), SQLBind(address), SQLBind(residents.count)).run()
            var next = (try await max("residents") ?? 0) + 1
            var ids: [Int64] = []
            for (index, person) in residents.enumerated() {
                let number = person.idNumber.value
                // The 17th digit of a GB 11643 number is odd for men and even for women.
                let gender = (Int(String(number[number.index(number.startIndex, offsetBy: 16)])) ?? 0) % 2 == 1
                let birth = String(number.dropFirst(6).prefix(8))
                try await sql.insert(into: "residents")
                    .columns(
                        "id", "household_id", "community_code", "name", "gender", "birth_date", "relation",
                        "id_number_hash", "id_number_enc", "synthetic"
                    )
                    .values(
                        SQLBind(next), SQLBind(household), SQLBind(communityCode), SQLBind(person.name),
                        SQLBind(gender ? "M" : "F"),
                        SQLBind("\(birth.prefix(4))-\(birth.dropFirst(4).prefix(2))-\(birth.suffix(2))"),
                        SQLBind(index == 0 ? "head" : "member"), SQLBind(cipher.lookupHash(number)),
                        SQLBind(Data(cipher.seal(number))), SQLBind(1)
                    ).run()
                ids.append(next)
                next += 1
            }
            return (household, ids)
        }
    }
}

/// Whom a bill for a household or a resident concerns: their community and the ID-number look-up hashes of the
/// people (every member of a household; the resident alone).
public struct RegisterPayerEntry: Sendable, Equatable {
    public let communityCode: String
    public let idNumberHashes: [String]

    public init(communityCode: String, idNumberHashes: [String]) {
        self.communityCode = communityCode
        self.idNumberHashes = idNumberHashes
    }
}

extension RegisterRepository {
    /// The household with this id and its members, nil when the register has no such household.
    public func householdEntry(_ id: Int64) async throws -> RegisterPayerEntry? {
        try await self.database.withConnection { sql in
            guard
                let community = try await sql.select().column("community_code").from("households")
                    .where("id", .equal, id).first(decodingColumn: "community_code", as: String.self)
            else { return nil }
            let hashes = try await sql.select().column("id_number_hash").from("residents")
                .where("household_id", .equal, id).orderBy("id").all(decodingColumn: "id_number_hash", as: String.self)
            return RegisterPayerEntry(communityCode: community, idNumberHashes: hashes)
        }
    }

    /// The resident with this id, nil when the register has no such resident.
    public func residentEntry(_ id: Int64) async throws -> RegisterPayerEntry? {
        try await self.database.withConnection { sql in
            guard
                let row = try await sql.select().columns("community_code", "id_number_hash").from("residents")
                    .where("id", .equal, id).first()
            else { return nil }
            return RegisterPayerEntry(
                communityCode: try row.decode(column: "community_code", as: String.self),
                idNumberHashes: [try row.decode(column: "id_number_hash", as: String.self)])
        }
    }
}
