import Accessibility
import Platform

/// The eight kinds of daily service of the 15-minute life circle (same names as the engine's OSM category table).
public enum FacilityCategory: String, Sendable, Codable, CaseIterable {
    case school
    case clinic
    case elderlyCare = "elderly_care"
    case grocery
    case dining
    case readingRoom = "reading_room"
    case sport
    /// The party-mass service centre (党群服务中心) and other community service points.
    case communityService = "community_service"

    /// Index in the engine's category order (`FacilityCategoryTable.categories`).
    public var index: Int { Self.allCases.firstIndex(of: self)! }

    /// The category's name for people.
    public func name(_ locale: AppLocale) -> String {
        switch self {
        case .school: locale.pick(zh: "学校", en: "School")
        case .clinic: locale.pick(zh: "医疗卫生", en: "Clinic")
        case .elderlyCare: locale.pick(zh: "养老服务", en: "Elderly care")
        case .grocery: locale.pick(zh: "菜市场·超市", en: "Groceries")
        case .dining: locale.pick(zh: "餐饮", en: "Dining")
        case .readingRoom: locale.pick(zh: "阅览室", en: "Reading room")
        case .sport: locale.pick(zh: "运动健身", en: "Sport")
        case .communityService: locale.pick(zh: "党群服务中心", en: "Community service centre")
        }
    }

    /// A one-letter mark drawn on maps.
    public var mark: String {
        switch self {
        case .school: "S"
        case .clinic: "C"
        case .elderlyCare: "E"
        case .grocery: "G"
        case .dining: "D"
        case .readingRoom: "R"
        case .sport: "P"
        case .communityService: "H"
        }
    }

    /// The colour of the category's facility marks.
    public var colour: String {
        switch self {
        case .school: "#2c6fbb"
        case .clinic: "#d0342c"
        case .elderlyCare: "#8e44ad"
        case .grocery: "#27ae60"
        case .dining: "#e67e22"
        case .readingRoom: "#16a085"
        case .sport: "#c71585"
        case .communityService: "#b8860b"
        }
    }

    /// Parses a category name; nil for anything else.
    public init?(name: String) {
        self.init(rawValue: name)
    }
}

/// The walking rule of the life circle: 15 minutes at 80 metres a minute.
public enum WalkingRule {
    /// Metres a resident walks in a minute.
    public static let metersPerMinute = 80.0
    /// The horizon: a facility counts when its walking distance is strictly below this (1,200 m).
    public static let horizonMeters: Float32 = 1200

    /// Whole minutes (rounded up) to walk `meters`.
    public static func minutes(_ meters: Double) -> Int {
        Int((meters / self.metersPerMinute).rounded(.up))
    }
}

extension FacilityCategory {
    /// Checked once: the engine's category table lists the same names in the same order.
    static let matchesEngine: Bool = FacilityCategoryTable.categories == Self.allCases.map(\.rawValue)
}
