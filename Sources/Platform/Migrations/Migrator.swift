import Foundation
import Logging
import SQLKit

/// Applies pending migrations in order and records each in `schema_migrations`.
public struct Migrator: Sendable {
    private let database: Database
    private let migrations: [any Migration]
    private let logger: Logger

    public init(database: Database, migrations: [any Migration], logger: Logger) {
        self.database = database
        self.migrations = migrations
        self.logger = logger
        let ids = migrations.map(\.id)
        precondition(Set(ids).count == ids.count, "duplicate migration ids: \(ids)")
    }

    /// The ids already applied, in the order they were applied.
    public func applied() async throws -> [String] {
        try await self.ensureTable()
        return try await self.database.withConnection { sql in
            try await sql.select().column("id").from("schema_migrations").orderBy("applied_at").orderBy("id")
                .all(decodingColumn: "id", as: String.self)
        }
    }

    /// Applies every migration not yet recorded; returns the ids it applied.
    ///
    /// Safe to run from several processes at once: each migration is re-checked inside its transaction, which on
    /// PostgreSQL holds an advisory lock and on SQLite holds the write lock.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await self.ensureTable()
        let done = Set(try await self.applied())
        var appliedNow: [String] = []
        let kind = self.database.kind
        for migration in self.migrations where !done.contains(migration.id) {
            let ran = try await self.database.transaction { sql in
                if kind == .postgres {
                    try await sql.raw("SELECT pg_advisory_xact_lock(727274)").run()
                }
                let already = try await sql.select().column("id").from("schema_migrations")
                    .where("id", .equal, migration.id).first()
                if already != nil { return false }
                try await migration.apply(on: sql, kind: kind)
                try await sql.insert(into: "schema_migrations").columns("id", "applied_at")
                    .values(SQLBind(migration.id), SQLBind(Double(CityClock.now()))).run()
                return true
            }
            if ran {
                appliedNow.append(migration.id)
                self.logger.info("migration.applied", metadata: ["id": "\(migration.id)"])
            }
        }
        return appliedNow
    }

    private func ensureTable() async throws {
        try await self.database.withConnection { sql in
            try await sql.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at DOUBLE PRECISION NOT NULL)"
            ).run()
        }
    }
}
