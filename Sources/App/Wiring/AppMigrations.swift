import Appointments
import Billing
import Identity
import Livability
import Notifications
import Platform
import Population
import ServiceHall
import Territory

/// Every context's migrations, in dependency order (a context's tables may reference those listed before it).
public enum AppMigrations {
    public static let all: [any Migration] =
        TerritoryMigrations.all + PopulationMigrations.all + AuditLog.migrations
        + IdentityMigrations.all + NotificationMigrations.all + ServiceHallMigrations.all
        + AppointmentMigrations.all + BillingMigrations.all
        + LivabilityMigrations.all
}
