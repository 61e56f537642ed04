import Hummingbird
import Logging

/// Counts the badges of the resident navigation (unread messages …) for a signed-in resident's page request, so
/// the layout's tab bar can show them: only `GET` requests outside `/api` and `/console`, after authentication.
///
/// A count that fails is left out and logged: a badge never breaks the page it decorates.
public struct NavigationBadgeMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    /// The entries that have a badge.
    let entries: [NavigationEntry]

    public init(entries: [NavigationEntry]) {
        self.entries = entries.filter { $0.badge != nil }
    }

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard request.method == .get, let principal = context.principal, principal.role == .resident,
            !self.entries.isEmpty, !RoutePath.isUnder("/api", request.uri.path),
            !RoutePath.isUnder("/console", request.uri.path), !RoutePath.isUnder("/static", request.uri.path)
        else { return try await next(request, context) }
        var context = context
        for entry in self.entries {
            guard let badge = entry.badge else { continue }
            do {
                let count = try await badge(principal)
                if count > 0 { context.navigationBadges[entry.id] = count }
            } catch {
                context.logger.warning(
                    "navigation.badge_failed", metadata: ["entry": "\(entry.id)", "error": "\(error)"])
            }
        }
        return try await next(request, context)
    }
}
