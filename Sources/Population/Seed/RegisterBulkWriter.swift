import Foundation
import NIOCore
import Platform
import SQLKit
import SQLiteNIO

/// Writes households and residents in bulk: multi-row inserts inside one transaction per call.
///
/// On SQLite it binds `SQLiteData` directly, skipping SQLKit's `Encodable` machinery that dominates at millions of
/// rows; on PostgreSQL it goes through SQLKit with binds in chunks under the protocol's 65,535-parameter limit.
struct RegisterBulkWriter: Sendable {
    let database: Database

    static let residentColumns = [
        "id", "household_id", "community_code", "name", "gender", "birth_date", "relation", "id_number_hash",
        "id_number_enc", "phone_hash", "phone_enc", "synthetic",
    ]
    static let householdColumns = ["id", "community_code", "address", "size"]

    /// Removes every household and resident (for `seed --replace`).
    func clear() async throws {
        try await self.database.transaction { sql in
            try await sql.delete(from: "residents").run()
            try await sql.delete(from: "households").run()
        }
    }

    /// Writes one batch atomically.
    func write(households: [DraftHousehold], residents: [ResidentRow]) async throws {
        let done = try await self.database.withSQLiteConnection { connection in
            try await connection.query("BEGIN IMMEDIATE", []) { _ in }
            do {
                try await Self.insertSQLite(
                    connection, table: "households", columns: Self.householdColumns, rows: households,
                    binds: Self.sqliteValues
                )
                try await Self.insertSQLite(
                    connection, table: "residents", columns: Self.residentColumns, rows: residents, binds: Self.sqliteValues
                )
                try await connection.query("COMMIT", []) { _ in }
            } catch {
                try? await connection.query("ROLLBACK", []) { _ in }
                throw error
            }
            return true
        }
        if done == true { return }
        try await self.database.transaction { sql in
            for chunk in households.chunks(of: 5_000) {
                let insert = sql.insert(into: "households").columns(Self.householdColumns)
                for household in chunk { insert.values(Self.sqlBinds(household)) }
                try await insert.run()
            }
            for chunk in residents.chunks(of: 5_000) {
                let insert = sql.insert(into: "residents").columns(Self.residentColumns)
                for resident in chunk { insert.values(Self.sqlBinds(resident)) }
                try await insert.run()
            }
        }
    }

    private static func insertSQLite<Row>(
        _ connection: SQLiteConnection, table: String, columns: [String], rows: [Row],
        binds: (Row) -> [SQLiteData]
    ) async throws {
        let perStatement = 500
        let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ","))) VALUES "
        let full = head + Array(repeating: placeholders, count: perStatement).joined(separator: ",")
        for chunk in rows.chunks(of: perStatement) {
            var values: [SQLiteData] = []
            values.reserveCapacity(chunk.count * columns.count)
            for row in chunk { values += binds(row) }
            let statement = chunk.count == perStatement
                ? full : head + Array(repeating: placeholders, count: chunk.count).joined(separator: ",")
            try await connection.query(statement, values) { _ in }
        }
    }

    private static func sqliteValues(_ household: DraftHousehold) -> [SQLiteData] {
        [
            .integer(Int(household.id)), .text(household.communityCode), .text(household.address),
            .integer(household.size),
        ]
    }

    private static func sqliteValues(_ row: ResidentRow) -> [SQLiteData] {
        [
            .integer(Int(row.id)), .integer(Int(row.householdID)), .text(row.communityCode), .text(row.name),
            .text(row.gender), .text(row.birthDate), .text(row.relation), .text(row.idNumberHash),
            .blob(ByteBuffer(bytes: row.idNumberSealed)), row.phoneHash.map { .text($0) } ?? .null,
            row.phoneSealed.map { .blob(ByteBuffer(bytes: $0)) } ?? .null, .integer(1),
        ]
    }

    private static func sqlBinds(_ household: DraftHousehold) -> [any SQLExpression] {
        [SQLBind(household.id), SQLBind(household.communityCode), SQLBind(household.address), SQLBind(household.size)]
    }

    private static func sqlBinds(_ row: ResidentRow) -> [any SQLExpression] {
        [
            SQLBind(row.id), SQLBind(row.householdID), SQLBind(row.communityCode), SQLBind(row.name),
            SQLBind(row.gender), SQLBind(row.birthDate), SQLBind(row.relation), SQLBind(row.idNumberHash),
            SQLBind(Data(row.idNumberSealed)), SQLBind(row.phoneHash), SQLBind(row.phoneSealed.map { Data($0) }), SQLBind(1),
        ]
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: self.count, by: size).map { self[$0..<Swift.min($0 + size, self.count)] }
    }
}
