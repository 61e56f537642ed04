import HTTPTypes
import Hummingbird

/// Answers 405 with an `Allow` header, instead of 404, when a request's path is a documented API route but its
/// method is not one the route takes.
///
/// Added to the router after every route, so it wraps only the router's not-found answer; it matches the path the
/// way the router does (``RoutePath``: empty segments dropped, `{name}` matching any one segment).
public struct MethodNotAllowedMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    private let routes: [(segments: [Substring], method: String)]

    public init(routes: [APIRoute]) {
        self.routes = routes.map { ($0.path.split(separator: "/"), $0.method) }
    }

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let methods = self.methods(for: request.uri.path)
            guard !methods.isEmpty, !methods.contains(request.method.rawValue) else { throw error }
            throw HTTPError(.methodNotAllowed, headers: [.allow: methods.joined(separator: ", ")])
        }
    }

    /// The methods of the routes whose template matches `path`, sorted.
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/")
        var methods = Set<String>()
        for route in self.routes where route.segments.count == segments.count {
            let matches = zip(route.segments, segments).allSatisfy { template, segment in
                template.first == "{" || template == segment
            }
            if matches { methods.insert(route.method) }
        }
        return methods.sorted()
    }
}
