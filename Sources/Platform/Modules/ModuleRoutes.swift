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

    public init(
        api: APIRoutes, router: Router<AppRequestContext>, renderer: PageRenderer, consoleMenu: [ConsoleMenuEntry]
    ) {
        self.api = api
        self.router = router
        self.renderer = renderer
        self.consoleMenu = consoleMenu
    }
}
