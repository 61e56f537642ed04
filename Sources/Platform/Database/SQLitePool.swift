import Logging
import NIOCore
import NIOPosix
import SQLiteNIO

/// A small pool of SQLite connections to one database file.
///
/// SQLite allows many readers and one writer at a time (WAL mode). Each connection gets its own thread in a private
/// thread pool, so a connection blocked in SQLite's busy handler never starves the others. Writers are additionally
/// serialised in-process by ``writeLock`` so that busy waits only happen across processes.
actor SQLitePool {
    private let storage: SQLiteConnection.Storage
    private let maximumConnections: Int
    private let threadPool: NIOThreadPool
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger
    private var idle: [SQLiteConnection] = []
    private var opened = 0
    private var waiters: [CheckedContinuation<SQLiteConnection, any Error>] = []
    private var closed = false
    /// Serialises write transactions inside this process.
    let writeLock = AsyncLock()

    init(storage: SQLiteConnection.Storage, maximumConnections: Int, eventLoopGroup: any EventLoopGroup, logger: Logger)
    {
        self.storage = storage
        // An in-memory database exists once per connection, so it can only ever have one.
        if case .memory = storage {
            self.maximumConnections = 1
        } else {
            self.maximumConnections = max(1, maximumConnections)
        }
        self.threadPool = NIOThreadPool(numberOfThreads: self.maximumConnections)
        self.threadPool.start()
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
    }

    /// Borrows a connection for the duration of `body`.
    func withConnection<R: Sendable>(
        _ body: @Sendable (SQLiteConnection) async throws -> R
    ) async throws -> R {
        let connection = try await self.lease()
        do {
            let result = try await body(connection)
            await self.giveBack(connection)
            return result
        } catch {
            await self.giveBack(connection)
            throw error
        }
    }

    /// Returns a connection to the pool, or closes it when the pool closed while it was out (a background service
    /// mid-query at shutdown): an unclosed connection must never be dropped.
    private func giveBack(_ connection: SQLiteConnection) async {
        if self.closed {
            try? await connection.close().get()
        } else {
            self.release(connection)
        }
    }

    private func lease() async throws -> SQLiteConnection {
        if self.closed { throw DatabaseClosedError() }
        if let connection = self.idle.popLast() { return connection }
        if self.opened < self.maximumConnections {
            self.opened += 1
            do {
                return try await self.open()
            } catch {
                self.opened -= 1
                throw error
            }
        }
        return try await withCheckedThrowingContinuation { self.waiters.append($0) }
    }

    private func release(_ connection: SQLiteConnection) {
        if !self.waiters.isEmpty {
            self.waiters.removeFirst().resume(returning: connection)
        } else {
            self.idle.append(connection)
        }
    }

    private func open() async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(
            storage: self.storage,
            threadPool: self.threadPool,
            logger: self.logger,
            on: self.eventLoopGroup.any()
        )
        // WAL lets readers proceed while one writer commits; NORMAL sync is durable across process crashes in WAL.
        for pragma in [
            "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 15000",
            "PRAGMA foreign_keys = ON", "PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -32000",
        ] {
            try await connection.query(pragma, []) { _ in }
        }
        return connection
    }

    /// Closes every idle connection and refuses new leases.
    func close() async {
        self.closed = true
        for waiter in self.waiters { waiter.resume(throwing: DatabaseClosedError()) }
        self.waiters.removeAll()
        // The future-based close, because closing usually happens in a cancelled task, and the async variant
        // gives up on cancellation and leaves the handle open.
        for connection in self.idle { try? await connection.close().get() }
        self.idle.removeAll()
        let threadPool = self.threadPool
        await withCheckedContinuation { continuation in
            threadPool.shutdownGracefully { _ in continuation.resume() }
        }
    }
}

/// The database was used after it was shut down.
public struct DatabaseClosedError: Error, CustomStringConvertible {
    public init() {}

    public var description: String { "the database is closed" }
}
