import App
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Platform

/// Builds the real application on a fresh test database and drives it through HummingbirdTesting.
public enum TestApp {
    /// The repository's root folder (where `data/` is).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Reads a file shipped in `data/`.
    public static func dataFile(_ name: String) throws -> String {
        try String(contentsOf: self.repositoryRoot.appendingPathComponent("data/\(name)"), encoding: .utf8)
    }

    /// The personal-data keyring every test app of this process uses (a temporary file, created once), so tests
    /// can seal register rows the app can read.
    public static let keyFile: String = {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("cc-test-keys-\(UUID().uuidString)/personal-data.key").path
        _ = try? PersonalDataCipher.loadOrCreate(keyFile: path)
        return path
    }()

    /// The cipher behind ``keyFile``.
    public static var cipher: PersonalDataCipher {
        get throws { try PersonalDataCipher.loadOrCreate(keyFile: self.keyFile) }
    }

    /// The configuration every test app starts from (port 0, the test keyring, the cheapest bcrypt), then `configure`.
    public static func configuration(
        _ url: DatabaseURL, _ configure: (inout AppConfiguration) -> Void = { _ in }
    ) -> AppConfiguration {
        var configuration = AppConfiguration(
            host: "127.0.0.1", port: 0, database: url, logLevel: .critical, databaseConnections: 4,
            personalDataKeyFile: self.keyFile, passwordCost: 4)
        // HummingbirdTesting's live client keeps one connection and never reconnects, and browser tests leave it
        // idle for minutes: no slow-client timeouts unless a test asks for them (ReadTimeoutTests).
        configuration.headerTimeout = 3600
        configuration.bodyIdleTimeout = 3600
        configuration.idleTimeout = 3600
        configure(&configuration)
        return configuration
    }

    /// Prepares the database (migrated already) before the application starts, then runs `test` against it.
    public static func with<R: Sendable>(
        _ backend: TestBackend, framework: TestingSetup = .router,
        configure: @Sendable (inout AppConfiguration) -> Void = { _ in },
        prepare: @Sendable (Database) async throws -> Void = { _ in },
        _ test: @Sendable (any TestClientProtocol) async throws -> R
    ) async throws -> R {
        let (url, remove) = try await TestDatabase.make(backend)
        do {
            try await TestDatabase.open(url) { database in
                try await Migrator(database: database, migrations: AppMigrations.all, logger: TestDatabase.logger)
                    .migrate()
                try await prepare(database)
            }
            let app = try await buildApplication(self.configuration(url, configure), logger: TestDatabase.logger)
            let result = try await app.test(framework, test)
            await remove()
            return result
        } catch {
            await remove()
            throw error
        }
    }

    /// Like ``with(_:framework:prepare:_:)``, but `test` also gets a second connection pool to the app's database,
    /// to write or inspect rows while the application runs.
    public static func withDatabase<R: Sendable>(
        _ backend: TestBackend, framework: TestingSetup = .router,
        configure: @Sendable (inout AppConfiguration) -> Void = { _ in },
        prepare: @Sendable (Database) async throws -> Void = { _ in },
        _ test: @Sendable (any TestClientProtocol, Database) async throws -> R
    ) async throws -> R {
        let (url, remove) = try await TestDatabase.make(backend)
        do {
            let result = try await TestDatabase.open(url) { database in
                try await Migrator(database: database, migrations: AppMigrations.all, logger: TestDatabase.logger)
                    .migrate()
                try await prepare(database)
                let app = try await buildApplication(self.configuration(url, configure), logger: TestDatabase.logger)
                return try await app.test(framework) { client in try await test(client, database) }
            }
            await remove()
            return result
        } catch {
            await remove()
            throw error
        }
    }
}
