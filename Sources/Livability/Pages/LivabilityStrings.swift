import Platform

/// Interface strings of the life-circle pages.
enum LivabilityStrings {
    /// The pages' texts in the request's language.
    static func table(for locale: AppLocale) -> [String: String] {
        [
            "lc_title": locale.pick(zh: "15 分钟生活圈", en: "15-minute life circle"),
            "lc_rule": locale.pick(
                zh: "步行 15 分钟（按每分钟 80 米计，1200 米）内可达的服务。",
                en: "Services within a 15-minute walk (80 m a minute, 1,200 m)."),
            "lc_households": locale.pick(zh: "上图户数", en: "Households mapped"),
            "lc_all": locale.pick(zh: "八类全覆盖", en: "All eight kinds"),
            "lc_category": locale.pick(zh: "类别", en: "Kind"),
            "lc_covered": locale.pick(zh: "覆盖户数", en: "Households covered"),
            "lc_share": locale.pick(zh: "覆盖率", en: "Share"),
            "lc_ranking": locale.pick(zh: "下级排名", en: "Ranking below"),
            "lc_rank_by": locale.pick(zh: "排名依据", en: "Rank by"),
            "lc_map": locale.pick(zh: "社区地图", en: "Community map"),
            "lc_planner": locale.pick(zh: "规划模拟", en: "What-if planner"),
            "lc_facilities": locale.pick(zh: "设施", en: "Facilities"),
            "lc_no_facilities": locale.pick(zh: "本社区尚未登记设施。", en: "No facilities registered in this community."),
            "lc_legend": locale.pick(zh: "图例", en: "Legend"),
            "lc_band_5": locale.pick(zh: "5 分钟内", en: "Within 5 min"),
            "lc_band_10": locale.pick(zh: "5–10 分钟", en: "5–10 min"),
            "lc_band_15": locale.pick(zh: "10–15 分钟", en: "10–15 min"),
            "lc_band_over": locale.pick(zh: "超过 15 分钟", en: "Over 15 min"),
            "lc_gap_mark": locale.pick(zh: "缺少服务的住户（圈越大户越多）", en: "Households lacking the service (larger = more)"),
            "lc_proposed_mark": locale.pick(zh: "拟建设施", en: "Proposed facility"),
            "lc_show": locale.pick(zh: "显示", en: "Show"),
            "lc_all_kinds": locale.pick(zh: "全部", en: "All"),
            "lc_no_map": locale.pick(zh: "该社区尚未上图。", en: "This community is not on the map yet."),
            "lc_up": locale.pick(zh: "上级", en: "Up"),
            "lc_planner_lead": locale.pick(
                zh: "选择类别并在地图上点击位置（或填写经纬度），查看新设施带来的覆盖变化。不会保存任何数据。",
                en:
                    "Pick a kind and click the map (or enter coordinates) to see how a new facility changes coverage. Nothing is saved."
            ),
            "lc_lon": locale.pick(zh: "经度", en: "Longitude"),
            "lc_lat": locale.pick(zh: "纬度", en: "Latitude"),
            "lc_simulate": locale.pick(zh: "模拟", en: "Simulate"),
            "lc_before": locale.pick(zh: "之前", en: "Before"),
            "lc_after": locale.pick(zh: "之后", en: "After"),
            "lc_community": locale.pick(zh: "社区", en: "Community"),
            "lc_no_change": locale.pick(zh: "该位置不改变任何社区的覆盖。", en: "This location changes no community's coverage."),
            "lc_affected": locale.pick(zh: "受影响的社区", en: "Communities affected"),
            "lc_near_title": locale.pick(zh: "我身边", en: "Near me"),
            "lc_near_lead": locale.pick(
                zh: "从你家步行到最近的各类服务。", en: "The nearest service of each kind, walking from your home."),
            "lc_nearest": locale.pick(zh: "最近的设施", en: "Nearest"),
            "lc_walk": locale.pick(zh: "步行", en: "Walk"),
            "lc_none_near": locale.pick(zh: "3 公里内没有", en: "None within 3 km"),
            "lc_within": locale.pick(zh: "15 分钟内数量", en: "Within 15 min"),
            "lc_no_household": locale.pick(
                zh: "你的账号尚未与户籍登记匹配，或住址尚未上图。完成实名认证后再来看看。",
                en: "Your account is not matched with the household register yet, or your home is not mapped."),
            "lc_minutes": locale.pick(zh: "分钟", en: "min"),
            "lc_meters": locale.pick(zh: "米", en: "m"),
        ]
    }
}
