/// A tab of the resident tab bar (首页 · 办事 · 我的办事 · 社区 · 我的) as the layout shows it.
public struct TabLink: Sendable {
    /// The element id (`tabbar-community`).
    public let id: String
    public let label: String
    /// The tab's own page.
    public let href: String
    /// Whether the page being shown belongs to this tab (`aria-current`).
    public let current: Bool
    /// The sum of the tab's entries' badges, nil when nothing waits.
    public let badge: Int?
    /// The tab's entries this visitor sees, in header order.
    public let entries: [PageEnvelope.NavLink]
    /// The icon's SVG path data (24 × 24, stroked).
    public let icon: String

    init(tab: NavigationEntry.Tab, locale: AppLocale, current: Bool, entries: [PageEnvelope.NavLink]) {
        self.id = "tabbar-" + tab.rawValue
        self.label = tab.label.pick(locale)
        self.href = tab.path
        self.current = current
        let total = entries.compactMap(\.badge).reduce(0, +)
        self.badge = total > 0 ? total : nil
        self.entries = entries
        self.icon = Self.icons[tab] ?? ""
    }

    /// One outline icon per tab.
    static let icons: [NavigationEntry.Tab: String] = [
        .home: "M3 11l9-8 9 8M5 9.5V21h5v-6h4v6h5V9.5",
        .services: "M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z",
        .affairs: "M7 3h10a1 1 0 0 1 1 1v17H6V4a1 1 0 0 1 1-1zM9 8h6M9 12h6M9 16h4",
        .community: "M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3 3-5 6-5s6 2 6 5"
            + "M13 15.5c1-.3 2-.5 3-.5 3 0 6 2 6 5",
        .me: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-7 8-7s8 3 8 7",
    ]

    /// The tab a (canonical) path belongs to: a tab's own page, else the entry whose path is the longest prefix of
    /// it, else the "me" tab for the resident's own pages under `/me`; nil for pages of no tab.
    static func tab(of path: String, navigation: [NavigationEntry]) -> NavigationEntry.Tab? {
        if let own = NavigationEntry.Tab.allCases.first(where: { $0.path == path }) { return own }
        let matching = navigation.filter {
            $0.path != "/" && RoutePath.isUnder(RoutePath.canonical(pathOnly($0.path)), path)
        }
        if let best = matching.max(by: { $0.path.count < $1.path.count }) { return best.tab }
        return RoutePath.isUnder("/me", path) ? .me : nil
    }

    /// An entry's path without its query (`/bills?service=…` → `/bills`).
    private static func pathOnly(_ path: String) -> String {
        String(path.prefix { $0 != "?" && $0 != "#" })
    }
}
