/// The interface strings of the shared layout (brand, sign-in and sign-out, skip link, footer), per locale.
///
/// Platform knows no page of any context: App passes its own table to ``PageRenderer``, and each context passes its
/// page's table to ``PageRenderer/render(_:title:model:request:context:strings:status:)``.
public enum LayoutStrings {
    /// The table for a locale; every key exists in both.
    public static func table(for locale: AppLocale) -> [String: String] {
        locale == .zh ? zh : en
    }

    static let zh: [String: String] = [
        "brand": "市民云",
        "brand_sub": "成都城乡社区发展治理平台",
        "nav_console": "工作台",
        "nav_signin": "登录",
        "nav_signout": "退出",
        "footer_data": "数据来源",
        "skip": "跳到正文",
        "tabbar": "主导航",
        "badge_unread": "条未读",
    ]

    static let en: [String: String] = [
        "brand": "Citizen Cloud",
        "brand_sub": "Chengdu community governance platform",
        "nav_console": "Console",
        "nav_signin": "Sign in",
        "nav_signout": "Sign out",
        "footer_data": "Data sources",
        "skip": "Skip to content",
        "tabbar": "Main navigation",
        "badge_unread": "unread",
    ]
}
