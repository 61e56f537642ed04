import Foundation
import Platform
import SQLKit

/// The `jti`s of client assertions already used, kept until the assertion expires, so that each is accepted once.
public struct ClientAssertionRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Records `jti` for `clientID`; false when it was recorded before and has not expired (a replay).
    public func use(jti: String, clientID: String, expiresAt: Int64) async throws -> Bool {
        let now = AccountRepository.now()
        return try await self.database.withConnection { sql in
            try await sql.delete(from: "oidc_client_assertions").where("expires_at", .lessThan, now).run()
            do {
                try await sql.insert(into: "oidc_client_assertions").columns("client_id", "jti", "expires_at")
                    .values(SQLBind(clientID), SQLBind(jti), SQLBind(expiresAt)).run()
                return true
            } catch {
                // The primary key (client_id, jti) refused it: the assertion was used already. Any other failure
                // is confirmed by the look-up below, so a broken database is not mistaken for a replay.
                let seen = try await sql.select().column("jti").from("oidc_client_assertions")
                    .where("client_id", .equal, clientID).where("jti", .equal, jti).first()
                guard seen != nil else { throw error }
                return false
            }
        }
    }
}
