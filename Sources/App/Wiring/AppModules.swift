import Appointments
import Billing
import Cases
import CommunityAffairs
import Identity
import Livability
import Notifications
import Participation
import Platform
import Population
import ServiceHall
import Society
import Territory

/// The platform's contexts, in dependency order: a module may use the ports of those listed before it, and its
/// tables may reference theirs. Adding a context is one line here.
public enum AppModules {
    public static let all: [any ContextModule.Type] = [
        KernelModule.self,
        TerritoryModule.self,
        PopulationModule.self,
        IdentityModule.self,
        NotificationsModule.self,
        ServiceHallModule.self,
        AppointmentsModule.self,
        BillingModule.self,
        LivabilityModule.self,
        CasesModule.self,
        ParticipationModule.self,
        CommunityAffairsModule.self,
        SocietyModule.self,
        AffairsModule.self,
        HomeModule.self,
    ]

    /// Every module's migrations, in list order.
    public static var migrations: [any Migration] { all.flatMap { $0.migrations } }

    /// Builds every module over the kernel, in order, passing each the ports of those before it; returns the
    /// modules and every port they published.
    public static func build(_ platform: PlatformServices) async throws -> (
        modules: [any ContextModule], ports: ModulePorts
    ) {
        var ports = ModulePorts()
        var modules: [any ContextModule] = []
        for type in all {
            modules.append(try await type.init(platform: platform, ports: &ports))
        }
        return (modules, ports)
    }
}
