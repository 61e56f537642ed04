import Foundation
import Platform
import SQLKit
import TestSupport
import Testing

/// A row with one column of each kind the repositories use.
private struct Sample: Codable, Equatable {
    let id: Int64
    let label: String
    let note: String?
    let payload: Data?
    let ratio: Double
    let active: Bool
    let when: Date
}

@Suite("SQL values on both engines")
struct SQLValueTests {
    static let table = SQLMigration(
        id: "test.0001.samples",
        statements: [
            """
            CREATE TABLE samples (
                id BIGINT PRIMARY KEY, label TEXT NOT NULL UNIQUE, note TEXT, payload BYTEA, ratio DOUBLE PRECISION,
                active BOOLEAN NOT NULL, "when" TIMESTAMP NOT NULL
            )
            """
        ])

    @Test(
        "values round-trip through binds and rows, and a unique violation is recognised",
        arguments: TestBackend.available)
    func roundTrip(backend: TestBackend) async throws {
        let migration =
            backend == .sqlite
            ? SQLMigration(
                id: "test.0001.samples",
                statements: [
                    """
                    CREATE TABLE samples (
                        id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE, note TEXT, payload BLOB, ratio REAL,
                        active BOOLEAN NOT NULL, "when" REAL NOT NULL
                    )
                    """
                ]) : Self.table
        try await TestDatabase.with(backend, migrations: [migration]) { database in
            let when = Date(timeIntervalSince1970: 1_700_000_000)
            let samples = [
                Sample(
                    id: 1, label: "成都 · one", note: nil, payload: Data([0, 1, 255]), ratio: 0.25, active: true,
                    when: when),
                Sample(
                    id: 2, label: "two", note: "备注", payload: nil, ratio: -3.5, active: false,
                    when: when.addingTimeInterval(60)),
            ]
            try await database.withConnection { sql in
                for sample in samples { try await sql.insert(into: "samples").model(sample).run() }
            }
            let read = try await database.withConnection { sql in
                try await sql.select().column("*").from("samples").orderBy("id").all(decoding: Sample.self)
            }
            #expect(read == samples)
            let note = try await database.withConnection { sql in
                try await sql.select().column("note").from("samples").where("id", .equal, 2)
                    .first(decodingColumn: "note", as: String?.self)
            }
            #expect(note == "备注")
            do {
                try await database.withConnection { sql in
                    try await sql.insert(into: "samples").model(
                        Sample(id: 3, label: "two", note: nil, payload: nil, ratio: 0, active: true, when: when)
                    ).run()
                }
                Issue.record("a duplicate label was accepted")
            } catch {
                #expect(Database.isUniqueViolation(error), "\(error)")
            }
        }
    }

    @Test("an in-memory SQLite database is one database for all of its connections")
    func memory() async throws {
        try await TestDatabase.open(.sqliteMemory) { database in
            try await database.withConnection { try await $0.raw("CREATE TABLE t (x INTEGER)").run() }
            // Several concurrent users each borrow a connection; they all see the same table.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<8 {
                    group.addTask {
                        try await database.transaction {
                            try await $0.raw("INSERT INTO t VALUES (\(literal: n))").run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            let count = try await database.withConnection {
                try await $0.raw("SELECT COUNT(*) AS n FROM t").first(decodingColumn: "n", as: Int.self)
            }
            #expect(count == 8)
        }
    }
}
