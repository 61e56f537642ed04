import Foundation
import Logging
import SQLiteNIO
import Synchronization

/// A small pool of ``SQLiteHandle``s to one database file, each used inline by the task that borrows it.
///
/// SQLite allows many readers and one writer at a time (WAL mode). Writers are additionally serialised in-process by
/// ``writeLock`` (an asynchronous lock, so a waiting writer suspends instead of blocking a thread), so SQLite's busy
/// handler only ever waits for other processes (a CLI import while the server runs).
final class SQLitePool: Sendable {
    /// Idle handles, how many are open, and the tasks waiting for one.
    struct State {
        var idle: [SQLiteHandle] = []
        var opened = 0
        var waiters: [CheckedContinuation<SQLiteHandle, any Error>] = []
        var closed = false
    }

    private let path: String
    private let maximumConnections: Int
    private let logger: Logger
    private let synchronous: SQLiteSynchronous
    private let state = Mutex(State())
    /// Serialises write transactions inside this process.
    let writeLock = AsyncLock()

    /// A pool for a file, or for a private in-memory database when `path` is nil (shared by the pool's connections).
    init(path: String?, maximumConnections: Int, logger: Logger, synchronous: SQLiteSynchronous = .normal) {
        self.synchronous = synchronous
        self.path = path ?? "file:citizen-cloud-\(UUID().uuidString)?mode=memory&cache=shared"
        self.maximumConnections = max(1, maximumConnections)
        self.logger = logger
    }

    /// Borrows a handle for the duration of `body`.
    func withConnection<R: Sendable>(_ body: (SQLiteHandle) async throws -> R) async throws -> R {
        let handle = try await self.lease()
        do {
            let result = try await body(handle)
            self.release(handle)
            return result
        } catch {
            self.release(handle)
            throw error
        }
    }

    private enum Lease {
        case handle(SQLiteHandle)
        case open
        case wait
        case closed
    }

    private func lease() async throws -> SQLiteHandle {
        let next = self.state.withLock { state -> Lease in
            if state.closed { return .closed }
            if let handle = state.idle.popLast() { return .handle(handle) }
            if state.opened < self.maximumConnections {
                state.opened += 1
                return .open
            }
            return .wait
        }
        switch next {
        case .handle(let handle):
            return handle
        case .closed:
            throw DatabaseClosedError()
        case .open:
            do {
                return try self.open()
            } catch {
                self.state.withLock { $0.opened -= 1 }
                throw error
            }
        case .wait:
            return try await withCheckedThrowingContinuation { continuation in
                let refused = self.state.withLock { state -> Bool in
                    if state.closed { return true }
                    if let handle = state.idle.popLast() {
                        continuation.resume(returning: handle)
                        return false
                    }
                    state.waiters.append(continuation)
                    return false
                }
                if refused { continuation.resume(throwing: DatabaseClosedError()) }
            }
        }
    }

    /// Hands `handle` to the next waiter or back to the idle list; a handle returned after ``close()`` (a background
    /// service mid-query at shutdown) is closed instead.
    private func release(_ handle: SQLiteHandle) {
        enum Next {
            case waiter(CheckedContinuation<SQLiteHandle, any Error>)
            case idle
            case close
        }
        let next = self.state.withLock { state -> Next in
            if state.closed { return .close }
            if !state.waiters.isEmpty { return .waiter(state.waiters.removeFirst()) }
            state.idle.append(handle)
            return .idle
        }
        switch next {
        case .waiter(let waiter): waiter.resume(returning: handle)
        case .close: handle.close()
        case .idle: break
        }
    }

    private func open() throws -> SQLiteHandle {
        let handle = try SQLiteHandle(path: self.path)
        // WAL lets readers proceed while one writer commits; NORMAL sync is durable across process crashes in WAL,
        // FULL also across power loss (see SQLiteSynchronous).
        for pragma in [
            "PRAGMA journal_mode = WAL", self.synchronous.pragma, "PRAGMA busy_timeout = 15000",
            "PRAGMA foreign_keys = ON", "PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -32000",
        ] {
            try handle.run(pragma, [])
        }
        return handle
    }

    /// Closes every idle connection and refuses new leases.
    func close() async {
        let (idle, waiters) = self.state.withLock { state in
            state.closed = true
            defer {
                state.idle.removeAll()
                state.waiters.removeAll()
            }
            return (state.idle, state.waiters)
        }
        for waiter in waiters { waiter.resume(throwing: DatabaseClosedError()) }
        for handle in idle { handle.close() }
    }
}

/// The database was used after it was shut down.
public struct DatabaseClosedError: Error, CustomStringConvertible {
    public init() {}

    public var description: String { "the database is closed" }
}

/// A raw SQLite connection for bulk work that bypasses SQLKit's encoders (millions of rows).
public struct SQLiteBulkConnection: Sendable {
    let handle: SQLiteHandle

    /// Runs one statement with positional `binds`.
    public func run(_ sql: String, _ binds: [SQLiteData] = []) throws {
        try self.handle.run(sql, binds)
    }
}
