import NIOCore
import SQLiteNIO
import Synchronization
import VaporCSQLite  // the one import besides SQLiteLibrary.swift, which explains it

/// One open SQLite connection, used synchronously by the task that holds it.
///
/// SQLite answers an indexed read in microseconds, far less than handing the work to another thread and back (the
/// way SQLiteNIO runs every statement), so statements run inline on the calling thread. The handle and its cache of
/// prepared statements live behind a mutex, which also guarantees one user at a time. It uses the SQLite library
/// that SQLiteNIO vendors (`sqlite_nio_sqlite3_*`, see ``SQLiteLibrary``), so the process holds one SQLite and its
/// file locks stay coherent.
final class SQLiteHandle: Sendable {
    /// The raw connection and its prepared statements by SQL text.
    struct Raw {
        var db: OpaquePointer?
        var statements: [String: (statement: OpaquePointer, columns: SQLiteColumns)] = [:]
    }

    private let raw: Mutex<Raw>
    /// Prepared statements kept per connection before the cache is emptied.
    static let statementCacheSize = 256

    /// Opens `path` (a file, or an SQLite URI such as `file:name?mode=memory&cache=shared`).
    init(path: String) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        let status = sqlite_nio_sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite_nio_sqlite3_close_v2(db)
            throw SQLiteStatementError(code: status, message: message, sql: "open \(path)")
        }
        sqlite_nio_sqlite3_extended_result_codes(db, 1)
        self.raw = Mutex(Raw(db: db))
    }

    /// Runs one statement with `binds`, calling `onRow` for each result row.
    func run(
        _ sql: String, _ binds: [SQLiteData], onRow: (SQLiteColumns, [SQLiteData]) throws -> Void = { _, _ in }
    ) throws {
        try self.raw.withLock { raw in
            guard let db = raw.db else { throw SQLiteStatementError(code: SQLITE_MISUSE, message: "closed", sql: sql) }
            let (statement, columns) = try Self.prepared(sql, db: db, raw: &raw)
            // No `sqlite3_clear_bindings`: every run binds all of the statement's parameters (its text fixes their
            // number), and since SQLite 3.54 clearing them expires any statement whose plan looked at a parameter
            // (`WHERE account_id = ? ORDER BY …`), so each run was parsed and planned again.
            defer { sqlite_nio_sqlite3_reset(statement) }
            for (offset, value) in binds.enumerated() {
                let status = Self.bind(value, at: Int32(offset + 1), in: statement)
                guard status == SQLITE_OK else { throw Self.error(status, db: db, sql: sql) }
            }
            while true {
                let status = sqlite_nio_sqlite3_step(statement)
                if status == SQLITE_DONE { return }
                guard status == SQLITE_ROW else { throw Self.error(status, db: db, sql: sql) }
                var values: [SQLiteData] = []
                values.reserveCapacity(columns.names.count)
                for index in 0..<Int32(columns.names.count) { values.append(Self.value(statement, index)) }
                try onRow(columns, values)
            }
        }
    }

    deinit {
        self.close()
    }

    /// Finalizes every statement and closes the connection (later use throws; closing twice is harmless).
    func close() {
        self.raw.withLock { raw in
            for (_, entry) in raw.statements { sqlite_nio_sqlite3_finalize(entry.statement) }
            raw.statements.removeAll()
            if let db = raw.db { sqlite_nio_sqlite3_close_v2(db) }
            raw.db = nil
        }
    }

    private static func prepared(
        _ sql: String, db: OpaquePointer, raw: inout Raw
    ) throws -> (OpaquePointer, SQLiteColumns) {
        if let entry = raw.statements[sql] { return entry }
        if raw.statements.count >= Self.statementCacheSize {
            for (_, entry) in raw.statements { sqlite_nio_sqlite3_finalize(entry.statement) }
            raw.statements.removeAll(keepingCapacity: true)
        }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw Self.error(status, db: db, sql: sql) }
        let count = sqlite_nio_sqlite3_column_count(statement)
        let names = (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) }
        let entry = (statement, SQLiteColumns(names: names))
        raw.statements[sql] = entry
        return entry
    }

    private static func bind(_ value: SQLiteData, at index: Int32, in statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let integer):
            return sqlite_nio_sqlite3_bind_int64(statement, index, Int64(integer))
        case .float(let double):
            return sqlite_nio_sqlite3_bind_double(statement, index, double)
        case .text(let text):
            return sqlite_nio_sqlite3_bind_text(statement, index, text, Int32(text.utf8.count), Self.transient)
        case .blob(let buffer):
            return buffer.withUnsafeReadableBytes { bytes in
                sqlite_nio_sqlite3_bind_blob(statement, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
            }
        case .null:
            return sqlite_nio_sqlite3_bind_null(statement, index)
        }
    }

    private static func value(_ statement: OpaquePointer, _ index: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER:
            return .integer(SQLiteInt64(sqlite_nio_sqlite3_column_int64(statement, index)))
        case SQLITE_FLOAT:
            return .float(sqlite_nio_sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, index) else { return .text("") }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, index))
            guard count > 0, let bytes = sqlite_nio_sqlite3_column_blob(statement, index) else {
                return .blob(ByteBuffer())
            }
            return .blob(ByteBuffer(bytes: UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }

    private static func error(_ status: Int32, db: OpaquePointer, sql: String) -> SQLiteStatementError {
        SQLiteStatementError(code: status, message: String(cString: sqlite_nio_sqlite3_errmsg(db)), sql: sql)
    }

    /// `SQLITE_TRANSIENT`: SQLite copies bound text and blobs before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// The result columns of a prepared statement, with a name index for look-ups.
final class SQLiteColumns: Sendable {
    let names: [String]
    let index: [String: Int]

    init(names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        // The first column of a name wins, as in SQLiteNIO.
        for (offset, name) in names.enumerated() where index[name] == nil { index[name] = offset }
        self.index = index
    }
}

/// A statement SQLite refused or failed: its result code, SQLite's message and the SQL.
public struct SQLiteStatementError: Error, CustomStringConvertible {
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE` is 2067).
    public let code: Int32
    public let message: String
    public let sql: String

    /// Whether a UNIQUE or PRIMARY KEY constraint refused the statement.
    public var isUniqueViolation: Bool { self.code == 2067 || self.code == 1555 }

    public var description: String { "SQLite error \(self.code): \(self.message) (in: \(self.sql.prefix(200)))" }
}
