import Platform

/// The strings of the tab pages (`/do`, `/affairs`, `/community`, `/me`).
enum TabStrings {
    static func table(for locale: AppLocale) -> [String: String] {
        locale == .zh ? zh : en
    }

    static let zh: [String: String] = [
        "tab_empty": "这里还没有内容。",
        "tab_signin_more": "登录后可看到更多：",
        "me_level": "实名等级",
        "me_phone": "手机号",
        "me_community": "所在社区",
        "level_1": "L1 · 已验证手机号：可浏览、预约、随手拍。与户籍登记核验身份证号后升为 L2。",
        "level_2": "L2 · 已与户籍登记核验：可在线办事、缴费、参与社区议事。到社区现场确认后升为 L3。",
        "level_3": "L3 · 已在社区现场确认：可办理全部事项，包括社区投票。",
        "me_console": "工作人员登录（工作台）",
        "me_language": "语言",
        "me_signin": "登录",
        "me_register": "注册",
        "me_visitor": "登录后可查看办件、消息和账单。",
    ]

    static let en: [String: String] = [
        "tab_empty": "Nothing here yet.",
        "tab_signin_more": "Sign in to see more:",
        "me_level": "Real-name level",
        "me_phone": "Phone",
        "me_community": "Community",
        "level_1": "L1 · phone verified: browse, book appointments, report problems. Match your ID number with the "
            + "household register to reach L2.",
        "level_2": "L2 · matched with the household register: apply online, pay bills, take part in your community. "
            + "Confirm in person at your community to reach L3.",
        "level_3": "L3 · confirmed in person at your community: everything, community votes included.",
        "me_console": "Staff sign-in (console)",
        "me_language": "Language",
        "me_signin": "Sign in",
        "me_register": "Register",
        "me_visitor": "Sign in to see your applications, messages and bills.",
    ]
}
