/// A link of the resident navigation, contributed by a module.
public struct NavigationEntry: Sendable {
    /// Where the resident tab bar places an entry; the header shows every entry in `order`.
    public enum Tab: String, Sendable, CaseIterable {
        /// 首页 · 办事 · 我的办事 · 社区 · 我的.
        case home, services, affairs, community, me

        /// The tab's own page, listing the tab's entries (the home tab's is the home page).
        public var path: String {
            switch self {
            case .home: "/"
            case .services: "/do"
            case .affairs: "/affairs"
            case .community: "/community"
            case .me: "/me"
            }
        }

        /// The tab's label in the tab bar.
        public var label: LocalizedText {
            switch self {
            case .home: LocalizedText(zh: "首页", en: "Home")
            case .services: LocalizedText(zh: "办事", en: "Services")
            case .affairs: LocalizedText(zh: "我的办事", en: "My affairs")
            case .community: LocalizedText(zh: "社区", en: "Community")
            case .me: LocalizedText(zh: "我的", en: "Me")
            }
        }
    }

    /// The element id in the page (`nav-bills`), for tests and anchors.
    public let id: String
    public let label: LocalizedText
    public let path: String
    /// The tab this entry belongs to (the first entry of a tab is its target).
    public let tab: Tab
    /// The place in the header, smaller first.
    public let order: Int
    /// Shown only to a signed-in visitor.
    public let signedInOnly: Bool
    /// What waits for the signed-in resident behind this entry (unread messages …), shown as a badge on the entry
    /// and its tab; nil when the entry has no count.
    public let badge: (@Sendable (Principal) async throws -> Int)?

    public init(
        id: String, label: LocalizedText, path: String, tab: Tab, order: Int, signedInOnly: Bool = false,
        badge: (@Sendable (Principal) async throws -> Int)? = nil
    ) {
        self.id = id
        self.label = label
        self.path = path
        self.tab = tab
        self.order = order
        self.signedInOnly = signedInOnly
        self.badge = badge
    }
}

/// An entry of the officials' console menu, contributed by a module: shown to the roles of its action, with a count
/// of what waits for the signed-in official (nil when there is nothing to count).
public struct ConsoleMenuEntry: Sendable {
    public let id: String
    public let label: LocalizedText
    public let path: String
    /// Shown to officials whose role the action permits.
    public let action: Action
    /// The place in the menu, smaller first.
    public let order: Int
    /// What waits for this official (queue length, overdue items …); nil when the entry has no count.
    public let count: (@Sendable (Principal) async throws -> Int)?

    public init(
        id: String, label: LocalizedText, path: String, action: Action, order: Int,
        count: (@Sendable (Principal) async throws -> Int)? = nil
    ) {
        self.id = id
        self.label = label
        self.path = path
        self.action = action
        self.order = order
        self.count = count
    }

    /// Whether the entry is for this official.
    public func isShown(to principal: Principal) -> Bool {
        self.action.roles.contains(principal.role) && principal.scope != nil
    }
}
