import Foundation
import Logging
import NIOCore
import Platform
import PostgresNIO
import SQLKit
import SQLiteNIO

/// Writes households and residents in bulk: multi-row inserts inside one transaction per call.
///
/// On SQLite it binds `SQLiteData` directly, skipping SQLKit's `Encodable` machinery that dominates at millions of
/// rows; on PostgreSQL it streams `COPY … FROM STDIN` in text format inside one transaction.
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
            try connection.run("BEGIN IMMEDIATE")
            do {
                try Self.insertSQLite(
                    connection, table: "households", columns: Self.householdColumns, rows: households,
                    binds: Self.sqliteValues
                )
                try Self.insertSQLite(
                    connection, table: "residents", columns: Self.residentColumns, rows: residents,
                    binds: Self.sqliteValues
                )
                try connection.run("COMMIT")
            } catch {
                try? connection.run("ROLLBACK")
                throw error
            }
            return true
        }
        if done == true { return }
        let copied = try await self.database.withPostgresConnection { connection in
            try await connection.withTransaction(logger: Self.logger) { connection in
                try await Self.copy(connection, table: "households", columns: Self.householdColumns, rows: households) {
                    line, household in
                    line.appendCopyField(String(household.id))
                    line.appendCopyField(household.communityCode)
                    line.appendCopyField(household.address)
                    line.appendCopyField(String(household.size), last: true)
                }
                try await Self.copy(connection, table: "residents", columns: Self.residentColumns, rows: residents) {
                    line, row in
                    line.appendCopyField(String(row.id))
                    line.appendCopyField(String(row.householdID))
                    line.appendCopyField(row.communityCode)
                    line.appendCopyField(row.name)
                    line.appendCopyField(row.gender)
                    line.appendCopyField(row.birthDate)
                    line.appendCopyField(row.relation)
                    line.appendCopyField(row.idNumberHash)
                    line.appendCopyBytea(row.idNumberSealed)
                    line.appendCopyField(row.phoneHash)
                    line.appendCopyBytea(row.phoneSealed)
                    line.appendCopyField("1", last: true)
                }
            }
            return true
        }
        guard copied == true else { throw DatabaseClosedError() }
    }

    private static let logger = Logger(label: "citizen-cloud.seed")

    /// Streams rows to `COPY … FROM STDIN` in PostgreSQL's text format, about 1 MiB per message.
    private static func copy<Row>(
        _ connection: PostgresConnection, table: String, columns: [String], rows: [Row],
        encode: (inout ByteBuffer, Row) -> Void
    ) async throws {
        try await connection.copyFrom(table: table, columns: columns, logger: Self.logger) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 20)
            for row in rows {
                encode(&buffer, row)
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }

    private static func insertSQLite<Row>(
        _ connection: SQLiteBulkConnection, table: String, columns: [String], rows: [Row],
        binds: (Row) -> [SQLiteData]
    ) throws {
        let perStatement = 500
        let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ","))) VALUES "
        let full = head + Array(repeating: placeholders, count: perStatement).joined(separator: ",")
        for chunk in rows.chunked(into: perStatement) {
            var values: [SQLiteData] = []
            values.reserveCapacity(chunk.count * columns.count)
            for row in chunk { values += binds(row) }
            let statement =
                chunk.count == perStatement
                ? full : head + Array(repeating: placeholders, count: chunk.count).joined(separator: ",")
            try connection.run(statement, values)
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
}

extension ByteBuffer {
    /// Appends a text-format `COPY` field (`\N` for nil), escaping the characters the format reserves.
    mutating func appendCopyField(_ value: String?, last: Bool = false) {
        if let value {
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): self.writeStaticString("\\\\")
                case UInt8(ascii: "\t"): self.writeStaticString("\\t")
                case UInt8(ascii: "\n"): self.writeStaticString("\\n")
                case UInt8(ascii: "\r"): self.writeStaticString("\\r")
                default: self.writeInteger(byte)
                }
            }
        } else {
            self.writeStaticString("\\N")
        }
        self.writeInteger(last ? UInt8(ascii: "\n") : UInt8(ascii: "\t"))
    }

    /// Appends a `bytea` field in hex form (`\\x0a1b…`), or `\N` for nil.
    mutating func appendCopyBytea(_ bytes: [UInt8]?) {
        guard let bytes else {
            self.appendCopyField(nil)
            return
        }
        self.writeStaticString("\\\\x")
        self.writeString(bytes.hexString)
        self.writeInteger(UInt8(ascii: "\t"))
    }
}
