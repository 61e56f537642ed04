import Platform
import SQLKit

extension AccountRepository {
    /// How many resident accounts exist (registered users, for the platform figures).
    public func residentCount() async throws -> Int {
        try await self.database.withConnection { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("identity_accounts")
                .where("role", .equal, Role.resident.rawValue).first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }
}

extension AccountRepository {
    /// The account a sign-in name designates (phone, ID number or username), nil when none.
    public func find(signInName: String) async throws -> Account? {
        try await self.signInRecord(username: signInName)?.account
    }
}

extension AccountRepository {
    /// The ids of the resident accounts whose ID number has one of these look-up hashes (to notify the people a
    /// household's bill concerns), in id order.
    public func residentIDs(idNumberHashes: [String]) async throws -> [String] {
        guard !idNumberHashes.isEmpty else { return [] }
        return try await self.database.withConnection { sql in
            try await sql.select().column("id").from("identity_accounts")
                .where("role", .equal, Role.resident.rawValue).where("id_number_hash", .in, idNumberHashes)
                .orderBy("id").all(decodingColumn: "id", as: String.self)
        }
    }
}
