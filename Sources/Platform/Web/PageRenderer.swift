import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOCore

/// Renders server-side pages: every page template extends the shared `layout` and receives a ``PageEnvelope``.
public struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    /// The modules' navigation entries in header order.
    private let navigation: [NavigationEntry]
    /// Strings every page sees besides the layout's (the application's own), per locale.
    private let strings: [AppLocale: [String: String]]

    /// Loads every `.mustache` file of the given directories into one library (names must be unique); the layout
    /// links the navigation entries.
    public init(
        templateDirectories: [String], navigation: [NavigationEntry] = [], strings: [AppLocale: [String: String]] = [:]
    ) async throws {
        self.navigation = navigation.sorted { $0.order < $1.order }
        self.strings = strings
        var library = MustacheLibrary()
        for directory in templateDirectories {
            let loaded = try await MustacheLibrary(directory: directory)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".mustache")
            {
                let templateName = String(name.dropLast(".mustache".count))
                if let template = loaded.getTemplate(named: templateName) {
                    library.register(template, named: templateName)
                }
            }
        }
        self.library = library
    }

    /// Renders `template` with `model` inside the layout and returns a complete HTML response.
    public func render(
        _ template: String, title: String, model: Any, request: Request, context: AppRequestContext,
        strings: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) -> Response {
        let envelope = PageEnvelope(
            title: title, request: request, context: context,
            strings: (self.strings[context.locale] ?? [:]).merging(strings) { _, page in page },
            navigation: self.navigation,
            page: model)
        let html =
            self.library.render(MustacheModel(envelope), withTemplate: template) ?? "template \(template) is missing"
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            .contentSecurityPolicy:
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
        ]
        if let lang = request.uri.queryParameters.get("lang"), let locale = AppLocale(tag: lang) {
            headers[.setCookie] = "lang=\(locale.rawValue); Path=/; Max-Age=31536000; SameSite=Lax"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Whether a template of this name was loaded.
    public func has(_ template: String) -> Bool {
        self.library.getTemplate(named: template) != nil
    }
}

/// What every page template sees: the layout's data plus the page's own model under `page`.
public struct PageEnvelope {
    public let title: String
    public let lang: String
    public let isEnglish: Bool
    /// Interface strings for the current locale (`{{t.home_title}}`).
    public let t: [String: String]
    /// The same page in the other language.
    public let switchLanguageURL: String
    public let switchLanguageLabel: String
    public let attributions: [String]
    /// Whether a visitor is signed in through the site's cookie session (the layout shows "sign out").
    public let signedIn: Bool
    /// Whether an official is signed in to the console on a console page (the console has its own sign-out, and the
    /// header offers no sign-in then).
    public let consoleSignedIn: Bool
    /// The session's CSRF token, for the hidden `csrf` field of every form (empty without a session).
    public let csrf: String
    /// The current path with its query, percent-encoded for `/signin?next={{here}}` links.
    public let here: String
    /// The navigation links for this visitor, in header order.
    public let nav: [NavLink]
    /// The resident tab bar: every tab with this visitor's entries; empty on console pages (officials have their
    /// own menu there).
    public let tabs: [TabLink]
    /// Whether the page shows the tab bar (every page but the console's).
    public let showTabBar: Bool
    /// The tab of the page being shown, if any (a tab's own page lists its `entries`).
    public let currentTab: TabLink?
    public let page: Any

    /// A link of the layout's navigation.
    public struct NavLink: Sendable {
        public let id: String
        public let label: String
        public let href: String
        public let tab: String
        /// Whether the link leads to the page being shown (`aria-current`).
        public let current: Bool
        /// What waits behind the link (unread messages …), nil when nothing does.
        public let badge: Int?
    }

    init(
        title: String, request: Request, context: AppRequestContext, strings: [String: String],
        navigation: [NavigationEntry], page: Any
    ) {
        let locale = context.locale
        self.title = title
        // Console pages have their own session and sign-out; the layout's sign-out is the site session's.
        self.signedIn =
            context.principal != nil && context.sessionCSRF != nil && !RoutePath.isUnder("/console", request.uri.path)
        self.consoleSignedIn = context.principal != nil && RoutePath.isUnder("/console", request.uri.path)
        self.csrf = context.sessionCSRF ?? ""
        self.here = request.uri.description.addingPercentEncoding(withAllowedCharacters: WebForm.unreserved) ?? "/"
        self.lang = locale.htmlLang
        self.isEnglish = locale == .en
        self.t = LayoutStrings.table(for: locale).merging(strings) { _, new in new }
        let other: AppLocale = locale == .zh ? .en : .zh
        var query = request.uri.queryParameters.filter { $0.key != "lang" }.map { "\($0.key)=\($0.value)" }
        query.append("lang=\(other.rawValue)")
        self.switchLanguageURL = request.uri.path + "?" + query.joined(separator: "&")
        self.switchLanguageLabel = other == .en ? "English" : "中文"
        self.attributions = DataAttribution.all
        let signedIn = self.signedIn
        let path = RoutePath.canonical(request.uri.path)
        let badges = context.navigationBadges
        self.nav = navigation.filter { signedIn || !$0.signedInOnly }.map {
            NavLink(
                id: $0.id, label: $0.label.pick(locale), href: $0.path, tab: $0.tab.rawValue,
                current: $0.path == "/" ? path == "/" : RoutePath.isUnder($0.path, path), badge: badges[$0.id])
        }
        if RoutePath.isUnder("/console", path) {
            self.tabs = []
            self.currentTab = nil
            self.showTabBar = false
        } else {
            let current = TabLink.tab(of: path, navigation: navigation)
            let links = self.nav
            self.tabs = NavigationEntry.Tab.allCases.map { tab in
                TabLink(
                    tab: tab, locale: locale, current: tab == current, entries: links.filter { $0.tab == tab.rawValue })
            }
            self.currentTab = self.tabs.first { $0.current }
            self.showTabBar = true
        }
        self.page = page
    }
}
