import Platform
import SQLKit

/// A person of the register as a document about them shows it: no ID number, no phone.
public struct RegisterPerson: Sendable, Equatable {
    public let residentID: Int64
    public let householdID: Int64
    public let communityCode: String
    public let name: String
    /// `F` or `M`.
    public let gender: String
    /// `YYYY-MM-DD`.
    public let birthDate: String
    /// The relation to the head of the household as registered (`户主`, `配偶`, `子女` …).
    public let relation: String

    public init(
        residentID: Int64, householdID: Int64, communityCode: String, name: String, gender: String,
        birthDate: String, relation: String
    ) {
        self.residentID = residentID
        self.householdID = householdID
        self.communityCode = communityCode
        self.name = name
        self.gender = gender
        self.birthDate = birthDate
        self.relation = relation
    }
}

extension RegisterRepository {
    /// The registered resident with this id, nil when there is none (community certificates show these facts).
    public func person(residentID: Int64) async throws -> RegisterPerson? {
        try await self.people { $0.where("id", .equal, residentID) }.first
    }

    /// Everyone registered in the household, in register order (the household-composition certificate).
    public func members(ofHousehold householdID: Int64) async throws -> [RegisterPerson] {
        try await self.people { $0.where("household_id", .equal, householdID) }
    }

    private func people(_ filter: @Sendable (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [RegisterPerson] {
        try await self.database.withConnection { sql in
            try await filter(
                sql.select().columns(
                    "id", "household_id", "community_code", "name", "gender", "birth_date", "relation"
                ).from("residents")
            ).orderBy("id").limit(100).all()
        }.map {
            RegisterPerson(
                residentID: try $0.decode(column: "id", as: Int64.self),
                householdID: try $0.decode(column: "household_id", as: Int64.self),
                communityCode: try $0.decode(column: "community_code", as: String.self),
                name: try $0.decode(column: "name", as: String.self),
                gender: try $0.decode(column: "gender", as: String.self),
                birthDate: try $0.decode(column: "birth_date", as: String.self),
                relation: try $0.decode(column: "relation", as: String.self))
        }
    }
}
