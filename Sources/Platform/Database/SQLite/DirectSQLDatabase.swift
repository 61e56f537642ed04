import Foundation
import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLKit over one ``SQLiteHandle``: queries are built and serialized by SQLKit with SQLiteKit's dialect, exactly as
/// before, and then run inline on the calling task instead of on a thread pool.
struct DirectSQLDatabase: SQLDatabase {
    let handle: SQLiteHandle
    let logger: Logger
    let eventLoop: any EventLoop
    var version: (any SQLDatabaseReportedVersion)? { nil }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try self.run(query, onRow)
    }

    func execute(
        sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) -> EventLoopFuture<Void> {
        do {
            try self.run(query, onRow)
            return self.eventLoop.makeSucceededVoidFuture()
        } catch {
            return self.eventLoop.makeFailedFuture(error)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    private func run(_ query: any SQLExpression, _ onRow: @Sendable (any SQLRow) -> Void) throws {
        let (sql, binds) = self.serialize(query)
        let values = try binds.map(Self.encode)
        try self.handle.run(sql, values) { columns, row in onRow(DirectSQLRow(columns: columns, values: row)) }
    }

    /// The SQLite value of a bound Swift value: the common types directly, anything else through SQLiteKit's encoder.
    static func encode(_ value: any Encodable & Sendable) throws -> SQLiteData {
        switch value {
        case let text as String: return .text(text)
        case let integer as Int: return .integer(SQLiteInt64(integer))
        case let integer as Int64: return .integer(SQLiteInt64(integer))
        case let integer as Int32: return .integer(SQLiteInt64(integer))
        case let flag as Bool: return .integer(flag ? 1 : 0)
        case let double as Double: return .float(double)
        case let data as Data: return .blob(ByteBuffer(bytes: data))
        case let bytes as [UInt8]: return .blob(ByteBuffer(bytes: bytes))
        case let data as SQLiteData: return data
        default: return try SQLiteDataEncoder().encode(value)
        }
    }
}

/// One result row of a direct query.
struct DirectSQLRow: SQLRow {
    let columns: SQLiteColumns
    let values: [SQLiteData]

    var allColumns: [String] { self.columns.names }

    func contains(column: String) -> Bool { self.columns.index[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let index = self.columns.index[column] else { return true }
        return self.values[index] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let index = self.columns.index[column] else { throw MissingSQLColumn(column: column) }
        let value = self.values[index]
        // Fast paths for the types repositories read most; everything else as SQLiteKit decodes it.
        switch (value, type) {
        case (.text(let text), is String.Type): return text as! D
        case (.text(let text), is String?.Type): return String?.some(text) as! D
        case (.integer(let integer), is Int64.Type): return Int64(integer) as! D
        case (.integer(let integer), is Int64?.Type): return Int64?.some(Int64(integer)) as! D
        case (.integer(let integer), is Int.Type): return Int(integer) as! D
        case (.integer(let integer), is Int?.Type): return Int?.some(Int(integer)) as! D
        case (.null, is String?.Type): return String?.none as! D
        case (.null, is Int64?.Type): return Int64?.none as! D
        case (.null, is Int?.Type): return Int?.none as! D
        case (.null, is Data?.Type): return Data?.none as! D
        case (.blob(let buffer), is Data.Type): return Data(buffer.readableBytesView) as! D
        case (.blob(let buffer), is Data?.Type): return Data?.some(Data(buffer.readableBytesView)) as! D
        default: return try SQLiteDataDecoder().decode(D.self, from: value)
        }
    }
}

/// A query's row has no column of this name.
struct MissingSQLColumn: Error, CustomStringConvertible {
    let column: String
    var description: String { "no column named \(self.column) in the result" }
}
