import Platform
import SQLKit

/// Service uses (per service and day, and each resident's recently used services), favourites and the residents
/// active each day: the data behind hot services, "recently used" and the platform figures.
public struct UsageRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Counts one use of a service (an application submitted, a department system entered, an appointment or
    /// payment link followed) inside the caller's transaction; remembers it as the resident's recent service.
    static func recordUse(serviceID: String, accountID: String?, at time: Int64, on sql: any SQLDatabase) async throws {
        let day = WorkingDays.dayNumber(of: time)
        try await sql.raw(
            """
            INSERT INTO servicehall_use_days (service_id, day, uses) VALUES (\(bind: serviceID), \(bind: day), 1)
            ON CONFLICT (service_id, day) DO UPDATE SET uses = servicehall_use_days.uses + 1
            """
        ).run()
        if let accountID {
            try await sql.raw(
                """
                INSERT INTO servicehall_recent_uses (account_id, service_id, used_at)
                VALUES (\(bind: accountID), \(bind: serviceID), \(bind: time))
                ON CONFLICT (account_id, service_id) DO UPDATE SET used_at = \(bind: time)
                """
            ).run()
        }
    }

    /// Counts one use with its own transaction.
    public func recordUse(serviceID: String, accountID: String?, at time: Int64) async throws {
        try await self.database.transaction {
            try await Self.recordUse(serviceID: serviceID, accountID: accountID, at: time, on: $0)
        }
    }

    /// Notes that a resident was active on a local day (idempotent).
    public func recordActive(accountID: String, day: Int64) async throws {
        try await self.database.withConnection { sql in
            try await sql.raw(
                """
                INSERT INTO servicehall_active_days (day, account_id) VALUES (\(bind: day), \(bind: accountID))
                ON CONFLICT (day, account_id) DO NOTHING
                """
            ).run()
        }
    }

    /// Uses per service over the local days `from...to`.
    public func usesByService(fromDay: Int64, toDay: Int64) async throws -> [String: Int] {
        try await self.database.withConnection { sql in
            var out: [String: Int] = [:]
            for row in try await sql.raw(
                """
                SELECT service_id, CAST(SUM(uses) AS BIGINT) AS n FROM servicehall_use_days
                WHERE day >= \(bind: fromDay) AND day <= \(bind: toDay) GROUP BY service_id
                """
            ).all() {
                out[try row.decode(column: "service_id", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
            return out
        }
    }

    /// Every use ever counted.
    public func cumulativeUses() async throws -> Int {
        try await self.database.withConnection { sql in
            let total = try await sql.raw("SELECT CAST(SUM(uses) AS BIGINT) AS n FROM servicehall_use_days")
                .first(decodingColumn: "n", as: Int?.self)
            return (total ?? nil) ?? 0
        }
    }

    /// Residents active on each of the local days `from...to` (days without anyone are left out).
    public func activeResidents(fromDay: Int64, toDay: Int64) async throws -> [Int64: Int] {
        try await self.database.withConnection { sql in
            var out: [Int64: Int] = [:]
            for row in try await sql.raw(
                """
                SELECT day, COUNT(*) AS n FROM servicehall_active_days
                WHERE day >= \(bind: fromDay) AND day <= \(bind: toDay) GROUP BY day
                """
            ).all() {
                out[try row.decode(column: "day", as: Int64.self)] = try row.decode(column: "n", as: Int.self)
            }
            return out
        }
    }

    /// A resident's most recently used services, newest first.
    public func recent(accountID: String, limit: Int) async throws -> [String] {
        try await self.database.withConnection { sql in
            try await sql.select().column("service_id").from("servicehall_recent_uses")
                .where("account_id", .equal, accountID).orderBy("used_at", .descending).orderBy("service_id")
                .limit(limit).all(decodingColumn: "service_id", as: String.self)
        }
    }

    /// Adds a favourite (idempotent).
    public func addFavourite(accountID: String, serviceID: String, at time: Int64) async throws {
        try await self.database.withConnection { sql in
            try await sql.raw(
                """
                INSERT INTO servicehall_favourites (account_id, service_id, created_at)
                VALUES (\(bind: accountID), \(bind: serviceID), \(bind: time))
                ON CONFLICT (account_id, service_id) DO NOTHING
                """
            ).run()
        }
    }

    /// Removes a favourite (idempotent).
    public func removeFavourite(accountID: String, serviceID: String) async throws {
        try await self.database.withConnection { sql in
            try await sql.delete(from: "servicehall_favourites").where("account_id", .equal, accountID)
                .where("service_id", .equal, serviceID).run()
        }
    }

    /// A resident's favourites, most recently added first.
    public func favourites(accountID: String) async throws -> [String] {
        try await self.database.withConnection { sql in
            try await sql.select().column("service_id").from("servicehall_favourites")
                .where("account_id", .equal, accountID).orderBy("created_at", .descending).orderBy("service_id")
                .limit(200).all(decodingColumn: "service_id", as: String.self)
        }
    }
}
