import Hummingbird
import Platform
import ServiceLifecycle

/// The notifications context's front door: the inbox API and page, and the SMS/email delivery service.
public struct NotificationsModule: ContextModule {
    public static let name = "notifications"
    public static var migrations: [any Migration] { NotificationMigrations.all }

    let database: Database
    let delivery: NotificationDeliveryService

    public init(platform: PlatformServices, ports: inout ModulePorts) {
        self.database = platform.database
        self.delivery = NotificationDeliveryService(
            database: platform.database, sender: LoggingSender(logger: platform.logger), logger: platform.logger)
    }

    public var templateDirectories: [String] { [InboxPages.templateDirectory] }
    public var services: [any Service] { [self.delivery] }

    public var navigation: [NavigationEntry] {
        [
            NavigationEntry(
                id: "nav-inbox", label: LocalizedText(zh: "消息", en: "Messages"), path: "/me/notifications",
                tab: .me, order: 90, signedInOnly: true,
                badge: { [database] principal in
                    try await InboxRepository(database: database).unreadCount(accountID: principal.subject)
                })
        ]
    }

    public func register(on routes: ModuleRoutes) {
        NotificationsAPI(database: self.database).register(on: routes.api)
        InboxPages(database: self.database, renderer: routes.renderer).register(on: routes.router)
    }
}
