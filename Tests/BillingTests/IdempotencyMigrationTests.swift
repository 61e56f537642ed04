import App
import Platform
import SQLKit
import TestSupport
import Testing

@testable import Billing

@Suite("Billing's idempotency keys move to the platform store")
struct IdempotencyMigrationTests {
    @Test("a key stored before the move replays the same answer after it", arguments: TestBackend.available)
    func keysSurviveTheMove(backend: TestBackend) async throws {
        let before = AppMigrations.all.filter { $0.id != "billing.0002.idempotency_keys_to_platform" }
        try await TestDatabase.with(backend, migrations: before) { database in
            try await database.withConnection { sql in
                try await sql.insert(into: "billing_idempotency_keys")
                    .columns("account_id", "idem_key", "request_hash", "status", "body", "created_at")
                    .values(
                        SQLBind("acc-1"), SQLBind("key-1"), SQLBind("hash-1"), SQLBind(202),
                        SQLBind(#"{"id":"p1","note":"缴费"}"#), SQLBind(Int64(1))
                    )
                    .run()
            }
            try await Migrator(database: database, migrations: AppMigrations.all, logger: TestDatabase.logger)
                .migrate()
            let stored = try await database.withConnection { sql in
                try await IdempotencyStore.find(account: "acc-1", key: "key-1", on: sql)
            }
            #expect(
                stored
                    == IdempotencyStore.Stored(requestHash: "hash-1", status: 202, body: #"{"id":"p1","note":"缴费"}"#))
            #expect(throws: Problem.self) { try IdempotencyStore.replay(try #require(stored), hash: "other") }
        }
    }
}
