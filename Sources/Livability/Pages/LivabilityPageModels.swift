import Platform
import Territory

/// The view models of the life-circle pages (plain data the templates read).
enum LivabilityPageModel {
    /// A link.
    struct Link: Sendable {
        let name: String
        let url: String
    }

    /// A choice among the categories (or all of them), as a link.
    struct Choice: Sendable {
        let label: String
        let url: String
        let selected: Bool
        let value: String
    }

    /// One row of a coverage table.
    struct Row: Sendable {
        let name: String
        let value: String
        let covered: Int
        let percent: String
        let width: Int
        let colour: String
    }

    /// One ranked division.
    struct RankItem: Sendable {
        let rank: Int
        let name: String
        let url: String
        let percent: String
        let width: Int
        let households: Int
    }

    /// A facility in a list.
    struct FacilityItem: Sendable {
        let id: String
        let name: String
        let kind: String
        let mark: String
        let colour: String
        let hours: String
        let operatorName: String
    }

    /// One community's change in a what-if.
    struct ChangeItem: Sendable {
        let name: String
        let url: String
        let households: Int
        let beforeAll: String
        let afterAll: String
        let beforeCategory: String
        let afterCategory: String
    }

    /// One category's answer on the near-me page.
    struct NearItem: Sendable {
        let kind: String
        let colour: String
        let mark: String
        let name: String
        let found: Bool
        /// `步行 13 分钟（1,021 米）` / `13 min walk (1,021 m)`.
        let walk: String
        let within: Bool
        /// `15 分钟内 3 处` / `3 within 15 min`.
        let count: String
        let hours: String
    }

    /// 1021 → "1,021".
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// A share as a percentage with one decimal (`87.5%`).
    static func percent(_ share: Double) -> String {
        String(Int((share * 1000).rounded()) / 10) + "." + String(Int((share * 1000).rounded()) % 10) + "%"
    }

    /// One coverage row per category, with its bar width and colour.
    static func rows(_ figures: CoverageFigures, locale: AppLocale) -> [Row] {
        FacilityCategory.allCases.map {
            Row(
                name: $0.name(locale), value: $0.rawValue, covered: figures.covered[$0.index],
                percent: self.percent(figures.share($0)), width: Int((figures.share($0) * 100).rounded()),
                colour: $0.colour)
        }
    }

    /// The category chips ("all" first) linking `base` with each category, `selected` marked.
    static func choices(base: String, selected: FacilityCategory?, locale: AppLocale, extra: String = "") -> [Choice] {
        let all = Choice(
            label: locale.pick(zh: "全部", en: "All"), url: base + (extra.isEmpty ? "" : "?" + extra),
            selected: selected == nil, value: "")
        return [all]
            + FacilityCategory.allCases.map {
                Choice(
                    label: $0.name(locale), url: base + "?category=\($0.rawValue)" + (extra.isEmpty ? "" : "&" + extra),
                    selected: $0 == selected, value: $0.rawValue)
            }
    }

    /// The name of a division level in the page language.
    static func levelName(_ level: DivisionLevel, _ locale: AppLocale) -> String {
        switch level {
        case .city: locale.pick(zh: "市", en: "City")
        case .district: locale.pick(zh: "区（市）县", en: "District / county")
        case .street: locale.pick(zh: "街道（镇）", en: "Street / town")
        case .community: locale.pick(zh: "社区（村）", en: "Community / village")
        }
    }

    /// The page of a division: the map for a community, the coverage page otherwise.
    static func url(of division: Division) -> String {
        division.level == .community ? "/communities/\(division.code)/map" : "/divisions/\(division.code)/livability"
    }

    /// A facility as the lists show it.
    static func facilityItem(_ facility: Facility, locale: AppLocale) -> FacilityItem {
        FacilityItem(
            id: facility.id, name: facility.name, kind: facility.category.name(locale), mark: facility.category.mark,
            colour: facility.category.colour, hours: facility.openingHours ?? "", operatorName: facility.operator ?? "")
    }
}
