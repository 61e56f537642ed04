import Foundation
import Platform
import SQLKit
import TestSupport
import Testing

@Suite("SQLite durability setting")
struct SQLiteSynchronousTests {
    /// `PRAGMA synchronous` of a fresh SQLite file opened with `setting` (1 = NORMAL, 2 = FULL).
    static func pragma(_ setting: SQLiteSynchronous?) async throws -> Int? {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cc-sync-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = DatabaseURL.sqlite(path: directory.appendingPathComponent("db.sqlite").path)
        let logger = TestDatabase.logger
        let database =
            try setting.map { try Database(url: url, logger: logger, sqliteSynchronous: $0) }
            ?? Database(url: url, logger: logger)
        return try await database.withConnection { sql in
            try await sql.raw("PRAGMA synchronous").first().map { try $0.decode(column: "synchronous", as: Int.self) }
        }
    }

    @Test("NORMAL by default, FULL when asked")
    func setting() async throws {
        #expect(try await Self.pragma(nil) == 1)
        #expect(try await Self.pragma(.normal) == 1)
        #expect(try await Self.pragma(.full) == 2)
    }
}
