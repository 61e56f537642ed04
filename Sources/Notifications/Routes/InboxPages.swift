import Foundation
import Hummingbird
import Platform

/// The resident's inbox page at `/me/notifications`: newest first, unread marked, "mark all read" and "open"
/// (which marks one read and follows its link). Works without JavaScript; forms carry the session's CSRF token.
public struct InboxPages: Sendable {
    let inbox: InboxRepository
    let renderer: PageRenderer

    public init(database: Database, renderer: PageRenderer) {
        self.inbox = InboxRepository(database: database)
        self.renderer = renderer
    }

    /// The directory holding this context's templates.
    public static var templateDirectory: String {
        Bundle.module.resourcePath.map { $0 + "/templates" } ?? "Sources/Notifications/Resources/templates"
    }

    /// One row of the page.
    struct Row: Sendable {
        let id: String
        let title: String
        let body: String
        let when: String
        let unread: Bool
    }

    /// The page's model.
    struct Model: Sendable {
        let rows: [Row]
        let empty: Bool
        let unread: Int
        let hasUnread: Bool
        let nextURL: String?
    }

    /// Registers the page and its two form actions.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/me/notifications") { request, context in
            let query = try QueryParameters(request, allowed: ["cursor"])
            guard let principal = context.principal else {
                return WebForm.signInRedirect(returningTo: "/me/notifications")
            }
            let cursor = try query.string("cursor").map { try Cursor(token: $0) }
            let page = try await self.inbox.page(
                accountID: principal.subject, locale: context.locale, unreadOnly: false, limit: 20, after: cursor)
            let formatter = Self.formatter()
            let rows = page.items.map {
                Row(
                    id: $0.id, title: $0.title, body: $0.body,
                    when: formatter.string(from: Date(timeIntervalSince1970: TimeInterval($0.createdAt))),
                    unread: !$0.read)
            }
            let unread = try await self.inbox.unreadCount(accountID: principal.subject)
            let strings = InboxStrings.table(for: context.locale)
            return self.renderer.render(
                "inbox", title: strings["inbox_title"] ?? "",
                model: Model(
                    rows: rows, empty: rows.isEmpty, unread: unread, hasUnread: unread > 0,
                    nextURL: page.nextCursor.map { "/me/notifications?cursor=" + $0 }),
                request: request, context: context, strings: strings)
        }
        router.post("/me/notifications/read") { request, context in
            let (principal, _) = try await WebForm.requireSession(request, context: context)
            try await self.inbox.markAllRead(accountID: principal.subject)
            return WebForm.redirect("/me/notifications")
        }
        router.post("/me/notifications/{id}/open") { request, context in
            let (principal, _) = try await WebForm.requireSession(request, context: context)
            let id = try context.parameters.require("id")
            try await self.inbox.markRead(id: id, accountID: principal.subject)
            let link = try await self.inbox.link(id: id, accountID: principal.subject)
            return WebForm.redirect(WebForm.localPath(link, fallback: "/me/notifications"))
        }
    }

    /// Shanghai time, to the minute (the city's own clock).
    static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter
    }
}
