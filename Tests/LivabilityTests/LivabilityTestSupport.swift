import HTTPTypes
import Identity
import Livability
import NIOCore
import Platform
import Population
import Territory

/// Shared set-up of the life-circle tests.
enum LivabilityTestSupport {
    /// The tables a repository-level test needs (no identity).
    static let migrations: [any Migration] =
        TerritoryMigrations.all + PopulationMigrations.all + AuditLog.migrations + IdentityMigrations.all
        + LivabilityMigrations.all
}
