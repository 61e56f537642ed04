import Identity
import Platform
import ServiceHall
import ServiceLifecycle

/// The billing context's front door: bills, payments through the (simulated) provider, refunds, reconciliation and
/// the staff's bill issuing. Publishes ``PayerDirectory`` (who a resident pays for) and the payment service.
public struct BillingModule: ContextModule {
    public static let name = "billing"
    public static var migrations: [any Migration] { BillingMigrations.all }

    let database: Database
    let billing: BillingContext
    let issuer: BillIssuer
    let directory: any ServiceDirectory

    /// Needs the service hall's ``ServiceDirectory`` and the identity context's ``ResidentRegistration``.
    public init(platform: PlatformServices, ports: inout ModulePorts) throws {
        self.database = platform.database
        self.directory = try ports.require((any ServiceDirectory).self)
        self.billing = BillingContext(
            database: platform.database, registration: try ports.require(ResidentRegistration.self),
            logger: platform.logger)
        self.issuer = BillIssuer(database: platform.database, cipher: platform.cipher, services: self.directory)
        ports.publish(self.billing.payers)
        ports.publish(self.billing.payments)
    }

    public var templateDirectories: [String] { [BillingPages.templateDirectory] }
    public var actions: [Action] { [.manageBills, .readReconciliation] }
    public var services: [any Service] { self.billing.services }

    public var navigation: [NavigationEntry] {
        [
            NavigationEntry(
                id: "nav-bills", label: LocalizedText(zh: "缴费", en: "Bills"), path: "/bills", tab: .services,
                order: 40)
        ]
    }

    public var consoleMenu: [ConsoleMenuEntry] {
        [
            ConsoleMenuEntry(
                id: "menu-bill-new", label: LocalizedText(zh: "开具账单", en: "Issue a bill"), path: "/console/bills/new",
                action: .manageBills, order: 40),
            ConsoleMenuEntry(
                id: "menu-reconciliation", label: LocalizedText(zh: "对账", en: "Reconciliation"),
                path: "/console/billing/reconciliation", action: .readReconciliation, order: 45),
        ]
    }

    public func register(on routes: ModuleRoutes) {
        self.billing.api(database: self.database).register(on: routes.api)
        BillingStaffAPI(issuer: self.issuer).register(on: routes.api)
        BillingStaffPages(issuer: self.issuer, services: self.directory, renderer: routes.renderer)
            .register(on: routes.router)
        BillingPages(
            database: self.database, context: self.billing, services: self.directory, renderer: routes.renderer
        )
        .register(on: routes.router)
    }
}
