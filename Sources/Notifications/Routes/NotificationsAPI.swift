import Hummingbird
import Platform

/// The resident's inbox over the API: list (newest first, cursor-paged, optionally unread only), unread count,
/// mark one or all read. Every route acts on the caller's own inbox only.
public struct NotificationsAPI: Sendable {
    let inbox: InboxRepository

    public init(database: Database) {
        self.inbox = InboxRepository(database: database)
    }

    /// The unread count.
    struct UnreadCount: ResponseEncodable, Sendable {
        let unread: Int
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/me/notifications") { request, context in
            let principal = try Self.principal(context)
            let query = try QueryParameters(request, allowed: ["cursor", "limit", "unread"])
            let limit = try query.int("limit", in: 1...100, default: 20)
            let cursor = try query.string("cursor").map { try Cursor(token: $0) }
            let unreadOnly = try query.bool("unread") ?? false
            return try await self.inbox.page(
                accountID: principal.subject, locale: context.locale, unreadOnly: unreadOnly, limit: limit,
                after: cursor)
        }
        api.on(.get, "/api/v1/me/notifications/unread-count") { _, context in
            UnreadCount(unread: try await self.inbox.unreadCount(accountID: try Self.principal(context).subject))
        }
        api.on(.post, "/api/v1/me/notifications/{id}/read") { _, context in
            let principal = try Self.principal(context)
            try await self.inbox.markRead(id: try context.parameters.require("id"), accountID: principal.subject)
            return Response(status: .noContent)
        }
        api.on(.post, "/api/v1/me/notifications/read") { _, context in
            try await self.inbox.markAllRead(accountID: try Self.principal(context).subject)
            return Response(status: .noContent)
        }
    }

    static func principal(_ context: AppRequestContext) throws -> Principal {
        guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
        return principal
    }
}
