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
