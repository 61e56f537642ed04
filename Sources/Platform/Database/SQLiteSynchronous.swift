/// How hard SQLite pushes each commit to disk (`PRAGMA synchronous`), set with `db.sqliteSynchronous`.
///
/// Both keep the database consistent in WAL mode; they differ on power loss or an operating-system crash (a process
/// crash, even `kill -9`, loses nothing in either).
public enum SQLiteSynchronous: String, Sendable, CaseIterable {
    /// `NORMAL` (the default): the WAL is synced only at checkpoints, so the last transactions before a power cut may
    /// roll back; the database is never corrupted. Fastest for writes.
    case normal
    /// `FULL`: the WAL is synced at every commit, so an acknowledged write survives a power cut, at the cost of one
    /// `fsync` per commit.
    case full

    /// The pragma that sets it.
    var pragma: String { "PRAGMA synchronous = \(self.rawValue.uppercased())" }
}
