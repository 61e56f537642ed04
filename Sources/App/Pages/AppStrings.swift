import Platform

/// The strings of App's own pages (home, errors) and the navigation labels some contexts' templates reuse; the
/// page renderer adds them to every page's table.
enum AppStrings {
    /// Both locales' tables, for ``PageRenderer``.
    static let tables: [AppLocale: [String: String]] = [.zh: zh, .en: en]

    static let zh: [String: String] = [
        "nav_home": "首页",
        "nav_services": "办事大厅",
        "nav_affairs": "我的办事",
        "nav_appointments": "预约",
        "nav_bills": "缴费",
        "home_affairs": "我的办事",
        "home_affairs_text": "办件进度、预约、账单和缴费记录，一处查看，办结后可评价。",
        "nav_divisions": "行政区划",
        "nav_inbox": "消息",
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
        "error_title": "出错了",
        "error_back": "返回首页",
    ]

    static let en: [String: String] = [
        "nav_home": "Home",
        "nav_services": "Service hall",
        "nav_affairs": "My affairs",
        "nav_appointments": "Appointments",
        "nav_bills": "Bills",
        "home_affairs": "My affairs",
        "home_affairs_text":
            "Applications, appointments, bills and payments with where each stands; rate what is done.",
        "nav_divisions": "Divisions",
        "nav_inbox": "Messages",
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
        "error_title": "Something went wrong",
        "error_back": "Back to the home page",
    ]
}
