/// The categories a city starts with (editable data afterwards), each with its default routing rule, and the
/// 2026 public holidays of the State Council's notice (weekday holidays and swapped weekend workdays).
///
/// Deadlines follow 12345 practice: urgent the same day (0), consultations 2 working days, help requests 5,
/// complaints 10–12.
enum CaseCategorySeed {
    /// (code, 中文, English, kind, working days, department).
    static let categories: [(String, String, String, String, Int, String)] = [
        ("gas-leak", "燃气泄漏", "Gas leak", "urgent", 0, "cd-gas"),
        ("water-leak", "供水管道漏水", "Leaking water pipe", "urgent", 1, "cd-water"),
        ("street-light", "路灯不亮", "Street light out", "help", 5, "cd-urban-management"),
        ("road-damage", "道路破损", "Damaged road or pavement", "help", 5, "cd-transport"),
        ("garbage", "垃圾清运", "Uncollected rubbish", "help", 5, "cd-urban-management"),
        ("noise", "噪声扰民", "Noise nuisance", "complaint", 10, "cd-ecology"),
        ("illegal-parking", "违章停车", "Illegal parking", "complaint", 10, "cd-traffic-police"),
        ("property-management", "物业管理纠纷", "Property management dispute", "complaint", 12, "cd-housing"),
        ("policy-question", "政策咨询", "Question about a policy", "consultation", 2, "cd-governance"),
    ]

    static var statements: [String] {
        self.categories.enumerated().flatMap { index, row in
            let (code, zh, en, kind, days, department) = row
            return [
                """
                INSERT INTO cases_categories (code, name_zh, name_en, kind, deadline_days, department_id, position)
                VALUES ('\(code)', '\(zh)', '\(en)', '\(kind)', \(days), '\(department)', \(index))
                """,
                """
                INSERT INTO cases_routing_rules
                    (id, category_code, division_prefix, department_id, note, updated_by, updated_at)
                VALUES ('default-\(code)', '\(code)', '', '\(department)', 'category default', 'migration', 0)
                """,
            ]
        }
    }

    /// 2026: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆 and their swapped workdays.
    static let holidays: [(String, String, String)] = [
        ("2026-01-01", "holiday", "元旦"), ("2026-01-02", "holiday", "元旦"), ("2026-01-04", "workday", "元旦调休"),
        ("2026-02-14", "workday", "春节调休"), ("2026-02-16", "holiday", "春节"), ("2026-02-17", "holiday", "春节"),
        ("2026-02-18", "holiday", "春节"), ("2026-02-19", "holiday", "春节"), ("2026-02-20", "holiday", "春节"),
        ("2026-02-23", "holiday", "春节"), ("2026-02-28", "workday", "春节调休"), ("2026-04-06", "holiday", "清明节"),
        ("2026-05-01", "holiday", "劳动节"), ("2026-05-04", "holiday", "劳动节"), ("2026-05-05", "holiday", "劳动节"),
        ("2026-05-09", "workday", "劳动节调休"), ("2026-06-19", "holiday", "端午节"), ("2026-09-20", "workday", "国庆节调休"),
        ("2026-09-25", "holiday", "中秋节"), ("2026-10-01", "holiday", "国庆节"), ("2026-10-02", "holiday", "国庆节"),
        ("2026-10-05", "holiday", "国庆节"), ("2026-10-06", "holiday", "国庆节"), ("2026-10-07", "holiday", "国庆节"),
        ("2026-10-10", "workday", "国庆节调休"),
    ]

    static var holidayStatements: [String] {
        self.holidays.map { day, kind, name in
            "INSERT INTO cases_holidays (day, kind, name) VALUES ('\(day)', '\(kind)', '\(name)')"
        }
    }
}
