import Billing
import Platform
import ServiceHall

/// "My affairs" (我的办事): a resident's applications, appointments, bills and payments in one list, composed from
/// the service hall's, appointments' and billing's public APIs.
struct AffairsModule: ContextModule {
    static let name = "affairs"

    let service: AffairsService
    let performance: PerformanceReport

    init(platform: PlatformServices, ports: inout ModulePorts) throws {
        self.service = AffairsService(
            database: platform.database, applications: try ports.require(ApplicationService.self),
            catalog: try ports.require(CatalogStore.self), payers: try ports.require(PayerDirectory.self))
        self.performance = try ports.require(PerformanceReport.self)
    }

    var navigation: [NavigationEntry] {
        [
            NavigationEntry(
                id: "nav-affairs", label: LocalizedText(zh: "我的办事", en: "My affairs"), path: "/me/affairs",
                tab: .affairs, order: 20)
        ]
    }

    func register(on routes: ModuleRoutes) {
        AffairsAPI(service: self.service).register(on: routes.api)
        AffairsPages(service: self.service, performance: self.performance, renderer: routes.renderer)
            .register(on: routes.router)
    }
}
