import Hummingbird

/// How many households of an area reach each category within the horizon, and all eight at once.
public struct CoverageFigures: Sendable, Equatable {
    /// Households with a dwelling on the network.
    public var households: Int
    /// Covered households per category, in ``FacilityCategory`` order.
    public var covered: [Int]
    /// Households that reach every category.
    public var coveredByAll: Int

    /// Zero households.
    public static var empty: CoverageFigures {
        CoverageFigures(
            households: 0, covered: Array(repeating: 0, count: FacilityCategory.allCases.count), coveredByAll: 0)
    }

    /// Adds another area's figures.
    public mutating func add(_ other: CoverageFigures) {
        self.households += other.households
        for index in self.covered.indices { self.covered[index] += other.covered[index] }
        self.coveredByAll += other.coveredByAll
    }

    /// Share of households covered for a category (nil: all categories at once); 0 without households.
    public func share(_ category: FacilityCategory?) -> Double {
        guard self.households > 0 else { return 0 }
        let count = category.map { self.covered[$0.index] } ?? self.coveredByAll
        return Double(count) / Double(self.households)
    }
}

/// The coverage of one division as the API shows it.
public struct DivisionCoverage: Sendable, Codable, ResponseEncodable {
    /// One category's figures.
    public struct Category: Sendable, Codable {
        public let category: FacilityCategory
        public let covered: Int
        /// Covered / households, rounded to four decimals.
        public let share: Double
    }

    public let code: String
    public let name: String
    public let level: String
    public let households: Int
    public let categories: [Category]
    /// Households that reach all eight categories.
    public let coveredByAll: Int
    public let shareAll: Double
    /// The walking horizon used, in metres and minutes.
    public let horizonMeters: Int
    public let horizonMinutes: Int

    public init(code: String, name: String, level: String, figures: CoverageFigures) {
        self.code = code
        self.name = name
        self.level = level
        self.households = figures.households
        self.categories = FacilityCategory.allCases.map {
            Category(category: $0, covered: figures.covered[$0.index], share: Self.rounded(figures.share($0)))
        }
        self.coveredByAll = figures.coveredByAll
        self.shareAll = Self.rounded(figures.share(nil))
        self.horizonMeters = Int(WalkingRule.horizonMeters)
        self.horizonMinutes = WalkingRule.minutes(Double(WalkingRule.horizonMeters))
    }

    /// A share rounded to four decimals, as the API shows it.
    static func rounded(_ share: Double) -> Double {
        (share * 10_000).rounded() / 10_000
    }
}
