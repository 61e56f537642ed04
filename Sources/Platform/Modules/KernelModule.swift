/// The shared kernel's own tables (the audit log, the event outbox and the idempotency keys), listed first in App so every context may
/// reference them.
public struct KernelModule: ContextModule {
    public static let name = "platform"
    public static var migrations: [any Migration] {
        AuditLog.migrations + EventOutbox.migrations + IdempotencyKeys.migrations
    }

    public init(platform: PlatformServices, ports: inout ModulePorts) {}

    public func register(on routes: ModuleRoutes) {}
}
