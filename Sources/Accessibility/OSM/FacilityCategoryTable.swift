/// Maps OSM tags to CitizenCloud facility categories (15-minute life-circle services).
///
/// Rules are checked in order and the first match wins, so one feature yields at most one facility
/// (e.g. a nursing home tagged `amenity=nursing_home` + `healthcare=nursing_home` is `elderly_care`, not
/// `clinic`). `*` matches any value except `no`.
///
/// - elderly_care: amenity=nursing_home; social_facility=nursing_home/assisted_living;
///   amenity=social_facility with social_facility:for=senior/elderly
/// - school: amenity=school, kindergarten, childcare
/// - clinic: amenity=clinic, doctors, hospital, dentist, pharmacy; healthcare=*
/// - grocery: shop=supermarket, convenience, greengrocer, bakery, butcher, grocery, general, deli, seafood,
///   dairy, farm, food; amenity=marketplace
/// - dining: amenity=restaurant, cafe, fast_food, food_court
/// - reading_room: amenity=library
/// - sport: leisure=sports_centre, sports_hall, fitness_centre, fitness_station, pitch, swimming_pool, track,
///   park, playground
/// - community_service: amenity=community_centre, social_centre, townhall, post_office; other
///   amenity=social_facility
public enum FacilityCategoryTable {
    /// The categories, in the order used for output.
    public static let categories = [
        "school", "clinic", "elderly_care", "grocery", "dining", "reading_room", "sport", "community_service",
    ]

    /// One rule: `key=value` (value `*` = any value but `no`), with an optional extra `key=value set` condition.
    struct Rule {
        let key: String
        let values: Set<String>
        let category: String
        var condition: (key: String, values: Set<String>)?
    }

    /// Rules in priority order.
    static let rules: [Rule] = [
        Rule(key: "amenity", values: ["nursing_home"], category: "elderly_care"),
        Rule(key: "social_facility", values: ["nursing_home", "assisted_living"], category: "elderly_care"),
        Rule(
            key: "social_facility:for", values: ["senior", "elderly"], category: "elderly_care",
            condition: ("amenity", ["social_facility"])),
        Rule(key: "amenity", values: ["school", "kindergarten", "childcare"], category: "school"),
        Rule(key: "amenity", values: ["clinic", "doctors", "hospital", "dentist", "pharmacy"], category: "clinic"),
        Rule(key: "healthcare", values: ["*"], category: "clinic"),
        Rule(
            key: "shop",
            values: [
                "supermarket", "convenience", "greengrocer", "bakery", "butcher", "grocery",
                "general", "deli", "seafood", "dairy", "farm", "food",
            ], category: "grocery"),
        Rule(key: "amenity", values: ["marketplace"], category: "grocery"),
        Rule(key: "amenity", values: ["restaurant", "cafe", "fast_food", "food_court"], category: "dining"),
        Rule(key: "amenity", values: ["library"], category: "reading_room"),
        Rule(
            key: "leisure",
            values: [
                "sports_centre", "sports_hall", "fitness_centre", "fitness_station", "pitch",
                "swimming_pool", "track", "park", "playground",
            ], category: "sport"),
        Rule(
            key: "amenity",
            values: [
                "community_centre", "social_centre", "townhall", "post_office",
                "social_facility",
            ], category: "community_service"),
    ]

    /// The category of a feature with these tags, or nil if it is not a facility we track.
    public static func category(for tags: OSMTags) -> String? {
        guard !tags.isEmpty else { return nil }
        for rule in rules {
            guard let value = tags[rule.key] else { continue }
            let matches = rule.values.contains(value) || (rule.values.contains("*") && value != "no")
            guard matches else { continue }
            if let condition = rule.condition {
                guard let other = tags[condition.key], condition.values.contains(other) else { continue }
            }
            return rule.category
        }
        return nil
    }
}
