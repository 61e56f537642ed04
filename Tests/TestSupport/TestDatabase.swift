import Foundation
import Logging
import Platform
import SQLKit
import Testing

/// The engines a database test runs on: SQLite always, PostgreSQL when `CITIZEN_CLOUD_TEST_POSTGRES_URL` is set
/// (`scripts/test` always sets it).
public enum TestBackend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// The backends available in this run.
    public static var available: [TestBackend] {
        TestDatabase.postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public var testDescription: String { self.rawValue }
}

/// Fresh, isolated databases for tests: a temporary SQLite file, or a new schema in the test PostgreSQL database.
public enum TestDatabase {
    /// The PostgreSQL server the test run may use.
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["CITIZEN_CLOUD_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A quiet logger for tests.
    public static let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }()

    /// Creates an empty database for `backend`; returns its URL and a function that removes it.
    public static func make(_ backend: TestBackend) async throws -> (
        url: DatabaseURL, remove: @Sendable () async -> Void
    ) {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cc-\(name)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let url = DatabaseURL.sqlite(path: directory.appendingPathComponent("test.sqlite").path)
            return (url, { try? FileManager.default.removeItem(at: directory) })
        case .postgres:
            guard let text = self.postgresURL, case .postgres(var location) = try DatabaseURL(parsing: text) else {
                throw TestSetupError("CITIZEN_CLOUD_TEST_POSTGRES_URL is not a postgres:// URL")
            }
            let schema = String(name)
            try await self.admin(location) { try await $0.raw("CREATE SCHEMA \(unsafeRaw: schema)").run() }
            location.schema = schema
            let base = location
            return (
                .postgres(location),
                {
                    try? await self.admin(base) {
                        try await $0.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
                    }
                }
            )
        }
    }

    /// The URL as the command line takes it (`--database`), password and schema included.
    public static func commandLineText(_ url: DatabaseURL) -> String {
        switch url {
        case .sqlite(let path): return "sqlite://\(path)"
        case .sqliteMemory: return "sqlite::memory:"
        case .postgres(let location):
            let user = location.user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? location.user
            let password = location.password.map {
                ":" + ($0.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? $0)
            }
            return "postgres://\(user)\(password ?? "")@\(location.host):\(location.port)/\(location.database)"
                + (location.schema.map { "?schema=\($0)" } ?? "")
        }
    }

    /// Runs `body` with an open, migrated (unless told otherwise) database that is removed afterwards.
    public static func with<R: Sendable>(
        _ backend: TestBackend, migrations: [any Migration],
        _ body: @Sendable (Database) async throws -> R
    ) async throws -> R {
        let (url, remove) = try await self.make(backend)
        do {
            let result = try await self.open(url) { database in
                try await Migrator(database: database, migrations: migrations, logger: self.logger).migrate()
                return try await body(database)
            }
            await remove()
            return result
        } catch {
            await remove()
            throw error
        }
    }

    /// Runs `body` with a database at `url` whose pool runs for the duration.
    public static func open<R: Sendable>(
        _ url: DatabaseURL, _ body: @Sendable (Database) async throws -> R
    ) async throws -> R {
        let database = try Database(url: url, logger: self.logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await database.runUntilCancelled() }
            do {
                let result = try await body(database)
                group.cancelAll()
                try await group.waitForAll()
                return result
            } catch {
                group.cancelAll()
                try? await group.waitForAll()
                throw error
            }
        }
    }

    private static func admin(_ location: PostgresLocation, _ body: @Sendable (any SQLDatabase) async throws -> Void)
        async throws
    {
        var plain = location
        plain.schema = nil
        try await self.open(.postgres(plain)) { database in
            try await database.withConnection { try await body($0) }
        }
    }
}

/// A test environment that is not set up as expected.
public struct TestSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
