import Foundation
import Platform
import TestSupport
import Testing

@Suite("The SQLite library")
struct SQLiteLibraryTests {
    @Test("the process runs one SQLite: sqlite-nio's vendored copy, never the system's libsqlite3 beside it")
    func oneCopy() async throws {
        try await TestDatabase.with(.sqlite, migrations: []) { database in
            try await database.ping()
            #expect(SQLiteLibrary.versionNumber >= 3_035_000, "RETURNING needs 3.35: \(SQLiteLibrary.version)")
            let maps = try String(contentsOfFile: "/proc/self/maps", encoding: .utf8)
            #expect(!maps.contains("libsqlite3"), "a second SQLite library is loaded")
        }
    }
}
