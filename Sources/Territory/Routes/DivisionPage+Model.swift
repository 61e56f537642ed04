import Platform

/// The division browser page: one division, the way up to the city, and its children.
struct DivisionPageModel: Sendable {
    /// A link to another division.
    struct Link: Sendable {
        let code: String
        let name: String
        let levelName: String
        let url: String
    }

    let code: String
    let name: String
    let levelName: String
    let breadcrumbs: [Link]
    let children: [Link]
    let hasChildren: Bool
    let childrenHeading: String
    let stats: [Stat]
    /// Stored, not computed: templates read models through reflection, which sees stored properties only.
    let hasStats: Bool
    let query: String
    let results: [Link]
    let searched: Bool
    let hasResults: Bool

    /// One figure of the subtree.
    struct Stat: Sendable {
        let label: String
        let value: String
    }

    static func levelName(_ level: DivisionLevel, _ locale: AppLocale) -> String {
        switch level {
        case .city: locale.pick(zh: "市", en: "City")
        case .district: locale.pick(zh: "区（市）县", en: "District / county")
        case .street: locale.pick(zh: "街道（镇）", en: "Street / town")
        case .community: locale.pick(zh: "社区（村）", en: "Community / village")
        }
    }

    static func link(_ division: Division, _ locale: AppLocale) -> Link {
        Link(
            code: division.code, name: division.name, levelName: self.levelName(division.level, locale),
            url: "/divisions/\(division.code)"
        )
    }
}

/// Interface strings of the division pages.
enum DivisionPageStrings {
    static func table(for locale: AppLocale) -> [String: String] {
        [
            "div_title": locale.pick(zh: "行政区划", en: "Divisions"),
            "div_code": locale.pick(zh: "代码", en: "Code"),
            "div_search": locale.pick(zh: "按名称搜索", en: "Search by name"),
            "div_search_button": locale.pick(zh: "搜索", en: "Search"),
            "div_results": locale.pick(zh: "搜索结果", en: "Results"),
            "div_no_results": locale.pick(zh: "没有找到匹配的区划。", en: "No division matches."),
            "div_none": locale.pick(zh: "没有下级区划。", en: "No divisions below this one."),
            "div_path": locale.pick(zh: "所在位置", en: "Location"),
        ]
    }
}
