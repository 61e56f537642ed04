import Identity
import Platform
import Population
import Territory

/// The resident home page `/`, the tab bar's tab pages and the shared stylesheet.
struct HomeModule: ContextModule {
    static let name = "home"

    let divisions: DivisionRepository
    let register: RegisterRepository
    let identity: IdentityService

    init(platform: PlatformServices, ports: inout ModulePorts) throws {
        self.divisions = try ports.require(DivisionRepository.self)
        self.register = try ports.require(RegisterRepository.self)
        self.identity = try ports.require(IdentityService.self)
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(id: "nav-home", label: LocalizedText(zh: "首页", en: "Home"), path: "/", tab: .home, order: 0)]
    }

    func register(on routes: ModuleRoutes) {
        HomePages(divisions: self.divisions, register: self.register, renderer: routes.renderer)
            .register(on: routes.router)
        TabPages(identity: self.identity, divisions: self.divisions, renderer: routes.renderer)
            .register(on: routes.router)
    }
}
