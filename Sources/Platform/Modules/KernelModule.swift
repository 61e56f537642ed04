/// The shared kernel's own tables (the audit log and the event outbox), listed first in App so every context may
/// reference them.
public struct KernelModule: ContextModule {
    public static let name = "platform"
    public static var migrations: [any Migration] { AuditLog.migrations + EventOutbox.migrations }

    public init(platform: PlatformServices, ports: inout ModulePorts) {}

    public func register(on routes: ModuleRoutes) {}
}
