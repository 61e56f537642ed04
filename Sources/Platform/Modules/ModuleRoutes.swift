import Hummingbird

/// What a module registers its routes on: the documented API routes, the router for pages, and the page renderer
/// that knows every module's templates.
public struct ModuleRoutes {
    /// JSON API routes under `/api/v1` (recorded, so tests hold the OpenAPI document to them).
    public let api: APIRoutes
    /// The router for pages, forms and protocol endpoints.
    public let router: Router<AppRequestContext>
    public let renderer: PageRenderer
    /// Every module's console menu entries, in menu order (the console home shows those of the official's role).
    public let consoleMenu: [ConsoleMenuEntry]
    /// Every port published once all modules are built: a module's routes may use a port of a module listed after
    /// it (its `init` cannot, since that module does not exist yet).
    public let ports: ModulePorts

    public init(
        api: APIRoutes, router: Router<AppRequestContext>, renderer: PageRenderer, consoleMenu: [ConsoleMenuEntry],
        ports: ModulePorts = ModulePorts()
    ) {
        self.api = api
        self.router = router
        self.renderer = renderer
        self.consoleMenu = consoleMenu
        self.ports = ports
    }
}
