import HTTPTypes
import Hummingbird

/// One documented API route: a method and a path template in OpenAPI form (`/api/v1/divisions/{code}`).
public struct APIRoute: Hashable, Sendable, CustomStringConvertible {
    public let method: String
    public let path: String

    public init(method: String, path: String) {
        self.method = method
        self.path = path
    }

    public var description: String { "\(self.method) \(self.path)" }
}

/// Registers API routes on the router and remembers them, so a test can hold the OpenAPI document to the truth.
/// Used only while wiring the application, before the server starts.
public final class APIRoutes {
    private let router: Router<AppRequestContext>
    private var recorded: [APIRoute] = []

    public init(router: Router<AppRequestContext>) {
        self.router = router
    }

    /// Adds a route; `path` uses `{name}` placeholders, exactly as in the OpenAPI document.
    public func on(
        _ method: HTTPRequest.Method, _ path: String,
        use handler: @Sendable @escaping (Request, AppRequestContext) async throws -> some ResponseGenerator
    ) {
        self.router.on(RouterPath(stringLiteral: path), method: method, use: handler)
        self.recorded.append(APIRoute(method: method.rawValue, path: path))
    }

    /// Every route registered through this object, in registration order.
    public var all: [APIRoute] { self.recorded }
}
