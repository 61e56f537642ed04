import Platform
import Synchronization

/// The life circle's in-memory index: the walking graph and every node's distance to each category, derived from
/// the livability tables and rebuilt when they change.
///
/// The database stays the source of truth; this is an index over it, like a database index kept in memory. Writes
/// bump a revision counter in their transaction. A process checks the counters at most every `recheck` (so a
/// change made by another server process shows within that time) and at once after a write of its own. Rebuilds
/// are single-flight: concurrent requests wait for the one rebuild instead of each starting their own. Only the
/// part that changed is rebuilt: new facilities recompute distances on the existing graph.
public final class LivabilityIndex: Sendable {
    private let networks: NetworkRepository
    private let facilities: FacilityRepository
    private let recheck: Duration
    private let state = Mutex<(snapshot: LivabilitySnapshot, checked: ContinuousClock.Instant)?>(nil)
    private let rebuild = AsyncLock()

    public init(database: Database, recheck: Duration = .seconds(2)) {
        self.networks = NetworkRepository(database: database)
        self.facilities = FacilityRepository(database: database)
        self.recheck = recheck
    }

    /// The current snapshot (checking the revision counters when the last check is older than `recheck`).
    public func current() async throws -> LivabilitySnapshot {
        let now = ContinuousClock.now
        if let cached = self.state.withLock({ $0 }), now - cached.checked < self.recheck {
            return cached.snapshot
        }
        return try await self.refresh(ifCheckedBefore: now)
    }

    /// Checks the revision counters now and rebuilds what changed; call after a write of this process.
    @discardableResult
    public func refresh() async throws -> LivabilitySnapshot {
        try await self.refresh(ifCheckedBefore: ContinuousClock.now)
    }

    private func refresh(ifCheckedBefore instant: ContinuousClock.Instant) async throws -> LivabilitySnapshot {
        try await self.rebuild.withLock {
            let existing = self.state.withLock { $0 }
            // Someone else checked while this caller waited for the lock.
            if let existing, existing.checked >= instant { return existing.snapshot }
            let checked = ContinuousClock.now
            let revision = try await self.networks.revision()
            let network: NetworkSnapshot
            if let current = existing?.snapshot.network, current.revision == revision.network {
                network = current
            } else {
                network = NetworkSnapshot(
                    nodes: try await self.networks.nodes(), edges: try await self.networks.edges(),
                    dwellings: try await self.networks.dwellingCounts(), revision: revision.network,
                    source: try await self.networks.source())
            }
            let access: AccessSnapshot
            if let current = existing?.snapshot, current.network.revision == network.revision,
                current.access.revision == revision.facilities
            {
                access = current.access
            } else {
                access = await AccessSnapshot.build(
                    network: network, facilities: try await self.facilities.all(), revision: revision.facilities)
            }
            let snapshot = LivabilitySnapshot(network: network, access: access)
            self.state.withLock { $0 = (snapshot, checked) }
            return snapshot
        }
    }
}
