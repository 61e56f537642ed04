import Platform
import SQLKit

/// Reads the household register.
public struct RegisterRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Whether anyone is registered at all; cheap at any size, unlike counting.
    public func hasResidents() async throws -> Bool {
        try await self.database.withConnection { sql in
            try await sql.select().column("id").from("residents").limit(1).first() != nil
        }
    }

    /// Households and residents registered in the whole city (a full count: cache it on hot paths).
    public func totals() async throws -> (households: Int, residents: Int) {
        try await self.database.withConnection { sql in
            let households =
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("households").first(decodingColumn: "n", as: Int.self) ?? 0
            let residents =
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("residents").first(decodingColumn: "n", as: Int.self) ?? 0
            return (households, residents)
        }
    }
}

extension RegisterRepository {
    /// The community of the registered resident with this ID number (by its look-up hash) and exactly this name;
    /// nil when the register has no such person. Used by the identity context's real-name check (level 2).
    public func registeredCommunity(idNumberHash: String, name: String) async throws -> String? {
        try await self.database.withConnection { sql in
            try await sql.select().column("community_code").from("residents")
                .where("id_number_hash", .equal, idNumberHash).where("name", .equal, name)
                .limit(1).first(decodingColumn: "community_code", as: String.self)
        }
    }
}
