import HTTPTypes
import PostgresNIO
import SQLKit

extension Database {
    /// Whether `error` is PostgreSQL aborting a transaction so that another may go on: a detected deadlock
    /// (SQLSTATE 40P01) or a serialization failure (40001). Running the transaction again is safe and usually works.
    public static func isTransientConflict(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40P01" || state == "40001"
    }

    /// Whether `error` is PostgreSQL refusing text it cannot store (U+0000 or a byte sequence invalid in UTF-8:
    /// SQLSTATE 22021, 22P05), which the edge should have refused already.
    public static func isUnstorableText(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return false }
        return state == "22021" || state == "22P05"
    }

    /// Runs `body` in a transaction like ``transaction(_:)``, running it again (up to `attempts` times in all) when
    /// PostgreSQL aborts it as a deadlock victim or for a serialization failure; when every attempt fails so, throws
    /// ``Problem/concurrentUpdate`` (409) rather than the database error.
    ///
    /// `body` must be safe to run more than once: everything it did in an aborted attempt was rolled back.
    public func retryingTransaction<R: Sendable>(
        attempts: Int = 4, _ body: @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        var attempt = 1
        while true {
            do {
                return try await self.transaction(body)
            } catch  where Self.isTransientConflict(error) {
                guard attempt < attempts else { throw Problem.concurrentUpdate }
                attempt += 1
                // A short, growing pause lets the winner commit before the next attempt.
                try await Task.sleep(for: .milliseconds(5 * attempt))
            }
        }
    }
}

extension Problem {
    /// 409: the change collided with a concurrent change of the same data; trying again shortly will work.
    public static let concurrentUpdate = Problem(
        .conflict, code: "concurrent_update", zh: "数据正被同时修改，请稍后重试。",
        en: "The data was being changed by another request at the same time; please try again.")
}
