import Platform
import SQLKit

/// Reads the household register.
public struct RegisterRepository: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Households and residents registered in the whole city.
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
