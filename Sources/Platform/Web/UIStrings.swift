/// The interface strings of the shared layout and the pages the platform itself serves, per locale.
///
/// Contexts pass their own tables to ``PageRenderer/render(_:title:model:request:context:strings:status:)``.
public enum UIStrings {
    /// The table for a locale; every key exists in both.
    public static func table(for locale: AppLocale) -> [String: String] {
        locale == .zh ? zh : en
    }

    static let zh: [String: String] = [
        "brand": "市民云",
        "brand_sub": "成都城乡社区发展治理平台",
        "nav_home": "首页",
        "nav_services": "办事大厅",
        "nav_divisions": "行政区划",
        "nav_console": "工作台",
        "nav_signin": "登录",
        "nav_inbox": "消息",
        "nav_signout": "退出",
        "footer_data": "数据来源",
        "skip": "跳到正文",
        "home_title": "市民云 · 一次认证，全城通办",
        "home_lead": "一个实名账号，办理全市 33 个部门的 134 项服务；参与社区议事；查看 15 分钟生活圈。",
        "home_services": "城市服务",
        "home_services_text": "交通、医疗、社保、缴费……一站办理。",
        "home_community": "我的社区",
        "home_community_text": "找到你所在的街道和社区，了解社区事务。",
        "home_browse": "浏览行政区划",
        "home_life_circle": "15 分钟生活圈",
        "home_life_circle_text": "步行 15 分钟内的学校、诊所、菜市场和阅览室。",
        "home_near_me": "我身边",
        "home_stats": "全市概况",
        "stat_districts": "区（市）县",
        "stat_streets": "街道（镇）",
        "stat_communities": "社区（村）",
        "stat_residents": "登记居民",
        "console_title": "工作台登录",
        "console_lead": "供社区工作者、各级干部和部门工作人员使用。",
        "console_username": "用户名",
        "console_password": "密码",
        "console_submit": "登录",
        "console_note": "账号由平台管理员创建。演示账号见 README。",
        "error_title": "出错了",
        "error_back": "返回首页",
    ]

    static let en: [String: String] = [
        "brand": "Citizen Cloud",
        "brand_sub": "Chengdu community governance platform",
        "nav_home": "Home",
        "nav_services": "Service hall",
        "nav_divisions": "Divisions",
        "nav_console": "Console",
        "nav_signin": "Sign in",
        "nav_inbox": "Messages",
        "nav_signout": "Sign out",
        "footer_data": "Data sources",
        "skip": "Skip to content",
        "home_title": "Citizen Cloud · one sign-in for the whole city",
        "home_lead": "One real-name account for 134 services of 33 departments; take part in your community; "
            + "see your 15-minute life circle.",
        "home_services": "City services",
        "home_services_text": "Transport, health, social insurance, bills … in one place.",
        "home_community": "My community",
        "home_community_text": "Find your street and community and what is happening there.",
        "home_browse": "Browse divisions",
        "home_life_circle": "15-minute life circle",
        "home_life_circle_text": "Schools, clinics, markets and reading rooms within a 15-minute walk.",
        "home_near_me": "Near me",
        "home_stats": "The city at a glance",
        "stat_districts": "Districts and counties",
        "stat_streets": "Streets and towns",
        "stat_communities": "Communities and villages",
        "stat_residents": "Registered residents",
        "console_title": "Console sign-in",
        "console_lead": "For community workers, officials at every level and department staff.",
        "console_username": "Username",
        "console_password": "Password",
        "console_submit": "Sign in",
        "console_note": "Accounts are created by the platform administrator. Demo accounts are listed in the README.",
        "error_title": "Something went wrong",
        "error_back": "Back to the home page",
    ]
}
