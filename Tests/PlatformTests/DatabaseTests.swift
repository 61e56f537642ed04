import Foundation
import Platform
import SQLKit
import TestSupport
import Testing

/// A migration that creates a table and then fails, as a crash halfway through would.
private struct BrokenMigration: Migration {
    let id = "test.0002.broken"
    func apply(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        try await database.raw("CREATE TABLE half_done (id INTEGER PRIMARY KEY)").run()
        try await database.raw("INSERT INTO no_such_table VALUES (1)").run()
    }
}

private let counterTable = SQLMigration(
    id: "test.0001.counter",
    statements: [
        "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        "INSERT INTO counters (name, value) VALUES ('hits', 0)",
        "CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE)",
    ]
)

@Suite("Database and migrations")
struct DatabaseTests {
    @Test("migrations apply once and are recorded", arguments: TestBackend.available)
    func migrationsApplyOnce(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: [counterTable]) { database in
            let migrator = Migrator(database: database, migrations: [counterTable], logger: TestDatabase.logger)
            #expect(try await migrator.applied() == ["test.0001.counter"])
            #expect(try await migrator.migrate().isEmpty)
            let value = try await database.withConnection { sql in
                try await sql.select().column("value").from("counters").first(decodingColumn: "value", as: Int.self)
            }
            #expect(value == 0)
        }
    }

    @Test("a migration that fails halfway leaves the database as it was", arguments: TestBackend.available)
    func failedMigrationRollsBack(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: [counterTable]) { database in
            let migrator = Migrator(
                database: database, migrations: [counterTable, BrokenMigration()], logger: TestDatabase.logger
            )
            await #expect(throws: (any Error).self) { try await migrator.migrate() }
            #expect(try await migrator.applied() == ["test.0001.counter"])
            // The table the broken migration created was rolled back with it.
            await #expect(throws: (any Error).self) {
                try await database.withConnection { try await $0.raw("SELECT COUNT(*) FROM half_done").run() }
            }
            // The database is still usable, and a fixed migration list applies cleanly.
            let fixed = SQLMigration(id: "test.0002.broken", statements: ["CREATE TABLE half_done (id INTEGER)"])
            let applied = try await Migrator(
                database: database, migrations: [counterTable, fixed], logger: TestDatabase.logger
            ).migrate()
            #expect(applied == ["test.0002.broken"])
        }
    }

    @Test("a transaction that throws writes nothing", arguments: TestBackend.available)
    func transactionRollsBack(backend: TestBackend) async throws {
        struct Abort: Error {}
        try await TestDatabase.with(backend, migrations: [counterTable]) { database in
            await #expect(throws: Abort.self) {
                try await database.transaction { sql in
                    try await sql.insert(into: "items").columns("id", "label").values(SQLBind(1), SQLBind("one")).run()
                    throw Abort()
                }
            }
            let count = try await database.withConnection { sql in
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("items")
                    .first(decodingColumn: "n", as: Int.self)
            }
            #expect(count == 0)
        }
    }

    @Test("concurrent transactions neither lose updates nor leave partial writes", arguments: TestBackend.available)
    func concurrentTransactions(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: [counterTable]) { database in
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        do {
                            try await database.transaction { sql in
                                try await sql.raw("UPDATE counters SET value = value + 1 WHERE name = 'hits'").run()
                                try await sql.insert(into: "items").columns("id", "label")
                                    .values(SQLBind(index), SQLBind("item-\(index)")).run()
                                // Every odd transaction collides on the unique label and must vanish entirely.
                                try await sql.insert(into: "items").columns("id", "label")
                                    .values(
                                        SQLBind(1000 + index), SQLBind(index % 2 == 1 ? "item-\(index)" : "x-\(index)")
                                    )
                                    .run()
                            }
                            return true
                        } catch {
                            return false
                        }
                    }
                }
                var results: [Bool] = []
                for await outcome in group { results.append(outcome) }
                return results
            }
            #expect(outcomes.filter { $0 }.count == 20)
            let (hits, items) = try await database.withConnection { sql in
                let hits = try await sql.select().column("value").from("counters").first(
                    decodingColumn: "value", as: Int.self)
                let items = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                    .from("items").first(decodingColumn: "n", as: Int.self)
                return (hits, items)
            }
            #expect(hits == 20)
            #expect(items == 40)
        }
    }

    @Test("database URLs parse, and bad ones say why")
    func databaseURLs() throws {
        #expect(try DatabaseURL(parsing: "sqlite://./data/x.sqlite") == .sqlite(path: "./data/x.sqlite"))
        #expect(try DatabaseURL(parsing: "sqlite:///tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
        let pg = try DatabaseURL(parsing: "postgres://u:p%40ss@db.local:6543/city?schema=t_1")
        #expect(
            pg
                == .postgres(
                    .init(host: "db.local", port: 6543, user: "u", password: "p@ss", database: "city", schema: "t_1")))
        #expect(!pg.description.contains("p@ss"))
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(parsing: "mysql://x") }
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(parsing: "postgres://u@host") }
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(parsing: "postgres://u@host/db?schema=Robert');DROP") }
    }
}
