import App
import Foundation
import HummingbirdTesting
import Platform
import TestSupport

/// Like `TestApp.with`, but the test also gets the database, to move time-dependent rows (deadlines) the way days
/// passing would.
enum HallApp {
    static func with<R: Sendable>(
        _ backend: TestBackend, _ test: @Sendable (any TestClientProtocol, Database) async throws -> R
    ) async throws -> R {
        let (url, remove) = try await TestDatabase.make(backend)
        do {
            let result = try await TestDatabase.open(url) { database in
                try await Migrator(database: database, migrations: AppMigrations.all, logger: TestDatabase.logger)
                    .migrate()
                try await HallFixture.prepare(database)
                let app = try await buildApplication(
                    AppConfiguration(
                        host: "127.0.0.1", port: 0, database: url, logLevel: .critical, databaseConnections: 4,
                        personalDataKeyFile: TestApp.keyFile, passwordCost: 4),
                    logger: TestDatabase.logger)
                return try await app.test(.router) { client in try await test(client, database) }
            }
            await remove()
            return result
        } catch {
            await remove()
            throw error
        }
    }
}
