import Platform
import Synchronization

/// The catalog every request reads, held in memory and rebuilt from the catalog tables when they change.
///
/// Built at the first request after start-up; afterwards the stored catalog version is checked at most every
/// ``checkInterval`` (one indexed single-row query), so an import by the command line or on another node shows
/// within seconds, and an import in this process (``reload()``) at once.
public final class CatalogStore: Sendable {
    private struct State {
        var snapshot: CatalogSnapshot?
        var checkedAt: ContinuousClock.Instant
    }

    private let repository: CatalogRepository
    private let state: Mutex<State>
    private let checkInterval: Duration

    public init(database: Database, checkInterval: Duration = .seconds(5)) {
        self.repository = CatalogRepository(database: database)
        self.checkInterval = checkInterval
        self.state = Mutex(State(snapshot: nil, checkedAt: .now))
    }

    /// The current catalog.
    public func snapshot() async throws -> CatalogSnapshot {
        let now = ContinuousClock.now
        let (cached, due) = self.state.withLock { state in
            let due = state.snapshot == nil || now - state.checkedAt >= self.checkInterval
            if due { state.checkedAt = now }
            return (state.snapshot, due)
        }
        if let cached, !due { return cached }
        let version = try await self.repository.version() ?? 0
        if let cached, cached.version == version { return cached }
        return try await self.reload()
    }

    /// Rebuilds the snapshot from the database now (after an import).
    @discardableResult
    public func reload() async throws -> CatalogSnapshot {
        let snapshot =
            try await self.repository.load().map { CatalogSnapshot(catalog: $0.catalog, version: $0.version) }
            ?? .empty
        self.state.withLock { state in
            if (state.snapshot?.version ?? -1) <= snapshot.version { state.snapshot = snapshot }
            state.checkedAt = .now
        }
        return snapshot
    }
}
