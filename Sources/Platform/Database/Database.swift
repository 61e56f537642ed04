import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import PostgresNIO
import SQLKit
import SQLiteKit
import ServiceLifecycle

/// The one entry point to storage: SQLite or PostgreSQL behind the same SQLKit code path.
///
/// A `Database` is a long-lived `Service`: add it to the service group so that a PostgreSQL pool runs and every
/// connection is closed on graceful shutdown. Repositories take it in `init` and use ``withConnection(_:)`` for reads
/// and ``transaction(_:)`` for writes that must happen together.
public final class Database: Service, Sendable {
    /// Which engine is behind this database.
    public let kind: DatabaseKind
    /// The URL it was opened with (password hidden in `description`).
    public let url: DatabaseURL
    private let backend: Backend
    private let logger: Logger

    private enum Backend: Sendable {
        case sqlite(SQLitePool)
        case postgres(PostgresClient)
    }

    /// Opens a database. Nothing is connected yet: SQLite opens files on first use, PostgreSQL once ``run()`` runs.
    /// `sqliteSynchronous` applies to SQLite files only.
    public init(
        url: DatabaseURL, logger: Logger, maximumConnections: Int = 8, sqliteSynchronous: SQLiteSynchronous = .normal
    ) throws {
        self.url = url
        self.logger = logger
        switch url {
        case .sqlite(let path):
            try Self.createParentDirectory(of: path)
            self.kind = .sqlite
            self.backend = .sqlite(
                SQLitePool(
                    path: path, maximumConnections: maximumConnections, logger: logger, synchronous: sqliteSynchronous))
        case .sqliteMemory:
            self.kind = .sqlite
            self.backend = .sqlite(SQLitePool(path: nil, maximumConnections: maximumConnections, logger: logger))
        case .postgres(let location):
            var configuration = location.clientConfiguration
            configuration.options.maximumConnections = maximumConnections
            configuration.options.connectTimeout = .seconds(5)
            self.kind = .postgres
            self.backend = .postgres(PostgresClient(configuration: configuration, backgroundLogger: logger))
        }
    }

    /// Runs the connection pool until graceful shutdown, then closes every connection.
    public func run() async throws {
        switch self.backend {
        case .sqlite(let pool):
            try? await gracefulShutdown()
            await pool.close()
        case .postgres(let client):
            await cancelWhenGracefulShutdown {
                await client.run()
            }
        }
    }

    /// Runs the pool outside a service group (commands and tests) until the task is cancelled, then closes it.
    public func runUntilCancelled() async throws {
        switch self.backend {
        case .sqlite(let pool):
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(3600))
            }
            await pool.close()
        case .postgres(let client):
            await client.run()
        }
    }

    /// Runs `body` with a connection; each statement commits on its own.
    public func withConnection<R: Sendable>(
        _ body: @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        switch self.backend {
        case .sqlite(let pool):
            return try await pool.withConnection { handle in try await body(self.sql(handle)) }
        case .postgres(let client):
            return try await client.withConnection { connection in
                try await body(connection.sql(queryLogLevel: nil))
            }
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    ///
    /// On SQLite the transaction takes the write lock at `BEGIN` (`BEGIN IMMEDIATE`), so two transactions that read
    /// then write can never deadlock or lose an update; writers inside this process wait their turn in order.
    public func transaction<R: Sendable>(
        _ body: @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        switch self.backend {
        case .sqlite(let pool):
            return try await pool.writeLock.withLock {
                try await pool.withConnection { handle in
                    let sql = self.sql(handle)
                    try await sql.raw("BEGIN IMMEDIATE").run()
                    do {
                        let result = try await body(sql)
                        try await sql.raw("COMMIT").run()
                        return result
                    } catch {
                        try? await sql.raw("ROLLBACK").run()
                        throw error
                    }
                }
            }
        case .postgres(let client):
            do {
                return try await client.withTransaction(logger: self.logger) { connection in
                    try await body(connection.sql(queryLogLevel: nil))
                }
            } catch let error as PostgresTransactionError {
                // Callers branch on their own errors (a domain error, a unique violation), not on the wrapper.
                throw error.closureError ?? error.beginError ?? error.commitError ?? error
            }
        }
    }

    /// Runs `body` with a raw SQLite connection while holding the write lock, for bulk work that bypasses SQLKit's
    /// encoders (the caller begins and ends its own transaction). Returns nil on PostgreSQL.
    public func withSQLiteConnection<R: Sendable>(
        _ body: @Sendable (SQLiteBulkConnection) async throws -> R
    ) async throws -> R? {
        guard case .sqlite(let pool) = self.backend else { return nil }
        return try await pool.writeLock.withLock {
            try await pool.withConnection { try await body(SQLiteBulkConnection(handle: $0)) }
        }
    }

    /// SQLKit over a pooled SQLite handle.
    private func sql(_ handle: SQLiteHandle) -> any SQLDatabase {
        DirectSQLDatabase(handle: handle, logger: self.logger, eventLoop: MultiThreadedEventLoopGroup.singleton.any())
    }

    /// Runs `body` with the raw PostgreSQL connection, for bulk work such as `COPY`. Returns nil on SQLite.
    public func withPostgresConnection<R: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> R
    ) async throws -> R? {
        guard case .postgres(let client) = self.backend else { return nil }
        return try await client.withConnection { try await body($0) }
    }

    /// Checks that the database answers a trivial query.
    public func ping() async throws {
        try await self.withConnection { try await $0.raw("SELECT 1").run() }
    }

    private static func createParentDirectory(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = String(path[..<slash])
        guard !directory.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
}

extension Database {
    /// Fails within `timeout` with a readable error when the database cannot be reached, so start-up reports a
    /// wrong URL or a stopped server instead of waiting on the pool forever.
    public func checkReachable(timeout: Duration = .seconds(5)) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                switch self.url {
                case .postgres(let location):
                    let connection = try await PostgresConnection.connect(
                        configuration: .init(
                            host: location.host, port: location.port, username: location.user,
                            password: location.password, database: location.database, tls: .disable
                        ),
                        id: 0, logger: self.logger
                    )
                    try await connection.close()
                case .sqlite, .sqliteMemory:
                    try await self.ping()
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw DatabaseUnreachable(url: self.url, reason: "no answer within \(timeout)")
            }
            do {
                try await group.next()
                group.cancelAll()
            } catch let error as DatabaseUnreachable {
                group.cancelAll()
                throw error
            } catch let error as PSQLError {
                group.cancelAll()
                // PSQLError hides its details from `description`; the server's message and the socket error are safe
                // to show (the password never appears in them).
                let reason = error.serverInfo?[.message] ?? error.underlying.map { "\($0)" } ?? "\(error.code)"
                throw DatabaseUnreachable(url: self.url, reason: reason)
            } catch {
                group.cancelAll()
                throw DatabaseUnreachable(url: self.url, reason: String(describing: error))
            }
        }
    }
}

/// The database could not be reached at start-up.
public struct DatabaseUnreachable: Error, CustomStringConvertible {
    public let url: DatabaseURL
    public let reason: String
    public var description: String { "cannot reach the database \(self.url): \(self.reason)" }
}

extension Database {
    /// Whether `error` is a UNIQUE or PRIMARY KEY violation, on either engine (SQLite's extended result codes,
    /// PostgreSQL's SQLSTATE 23505): for code that turns a lost insert race into a clear answer.
    public static func isUniqueViolation(_ error: any Error) -> Bool {
        if let error = error as? SQLiteStatementError { return error.isUniqueViolation }
        if let error = error as? PSQLError { return error.serverInfo?[.sqlState] == "23505" }
        return false
    }
}
