import Foundation
import Platform
import SQLKit

/// Slows down password guessing: after ``limit`` failures for one key (a client address, or a sign-in name) within
/// ``window`` the key is refused until the window has passed.
///
/// Failures are rows of `identity_signin_failures`, so the limit holds across every node of a city deployment (an
/// attacker spread over nodes gets no more tries). Sign-in already spends tens of milliseconds on bcrypt, so one
/// indexed count per attempt costs nothing noticeable; expired rows are pruned as failures are written.
public struct SignInLimiter: Sendable {
    /// What the keys are: `address` or `name`.
    public let kind: String
    /// Failures allowed per key and window.
    public let limit: Int
    /// The window in seconds.
    public let window: Int64
    let database: Database

    public init(database: Database, kind: String, limit: Int, window: Int64 = 900) {
        self.database = database
        self.kind = kind
        self.limit = limit
        self.window = window
    }

    /// Whether `key` may try again now (nil keys always may).
    public func allows(_ key: String?, now: Int64 = CityClock.now()) async throws -> Bool {
        guard let key else { return true }
        let count = try await self.database.withConnection { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("identity_signin_failures").where("kind", .equal, self.kind).where("key", .equal, key)
                .where("at", .greaterThan, now - self.window).first(decodingColumn: "n", as: Int.self) ?? 0
        }
        return count < self.limit
    }

    /// Counts a failure for `key`.
    public func recordFailure(_ key: String?, now: Int64 = CityClock.now()) async throws {
        guard let key else { return }
        try await self.database.withConnection { sql in
            try await sql.insert(into: "identity_signin_failures").columns("kind", "key", "at")
                .values(SQLBind(self.kind), SQLBind(key), SQLBind(now)).run()
            // Prune now and then (about one write in 64), so the table holds only live windows.
            if UInt8.random(in: 0...63) == 0 {
                try await sql.delete(from: "identity_signin_failures").where("at", .lessThanOrEqual, now - self.window)
                    .run()
            }
        }
    }

    /// Forgets `key`'s failures (the owner proved who they are another way, e.g. with an SMS code).
    public func clear(_ key: String) async throws {
        try await self.database.withConnection { sql in
            try await sql.delete(from: "identity_signin_failures").where("kind", .equal, self.kind)
                .where("key", .equal, key).run()
        }
    }
}
