import Territory

/// The demo city's facilities: for every community block and category, a chance of one (or a few) facilities at
/// random nodes of the block. Chances fall from the central districts to the outer counties and from
/// residential communities to villages, and differ by category (a party-mass service centre almost everywhere,
/// reading rooms rare), so coverage varies the way the report describes: full in parts of the centre, gaps at
/// the edges.
enum DemoFacilities {
    /// Chance of at least one facility per residential community block, per category (``FacilityCategory`` order).
    static let baseChance: [Double] = [0.30, 0.40, 0.28, 0.70, 0.85, 0.22, 0.38, 0.95]
    /// The same for a village block.
    static let villageChance: [Double] = [0.10, 0.55, 0.12, 0.30, 0.35, 0.12, 0.15, 0.92]

    /// How developed a district is: the five central districts, the near suburbs, the outer counties.
    static func development(district: String) -> Double {
        switch district {
        case "510104", "510105", "510106", "510107", "510108": 1.0
        case "510112", "510113", "510114", "510115", "510116", "510117": 0.7
        default: 0.5
        }
    }

    /// Generated facilities with deterministic ids (`demo-<community>-<n>`).
    static func plan(
        communities: [Division], network: DemoNetwork, seed: UInt64
    ) -> [(id: String, facility: NewFacility, nodeID: Int64)] {
        let position = Dictionary(uniqueKeysWithValues: network.nodes.map { ($0.id, ($0.lon, $0.lat)) })
        var result: [(id: String, facility: NewFacility, nodeID: Int64)] = []
        for community in communities.sorted(by: { $0.code < $1.code }) {
            guard let nodes = network.nodesOfCommunity[community.code], !nodes.isEmpty else { continue }
            var random = DemoRandom(seed: seed, stream: UInt64(community.code) ?? 0, substream: 21)
            let isVillage = (Int(community.code.suffix(3)) ?? 0) >= 200
            let development = self.development(district: String(community.code.prefix(6)))
            var number = 0
            for category in FacilityCategory.allCases {
                let chance = (isVillage ? self.villageChance : self.baseChance)[category.index]
                // The service centre does not depend on development: every community has one, or nearly.
                let scaled = category == .communityService ? chance : chance * development
                var count = random.chance(scaled) ? 1 : 0
                if count == 1, [.dining, .grocery].contains(category), random.chance(0.5 * development) { count += 1 }
                for variant in 0..<count {
                    let node = nodes[random.int(0...(nodes.count - 1))]
                    let (lon, lat) = position[node]!
                    number += 1
                    let facility = NewFacility(
                        communityCode: community.code, category: category,
                        name: self.name(category, community: community.name, village: isVillage, variant: variant),
                        lon: lon, lat: lat, openingHours: self.hours(category),
                        operator: self.operatorName(category, community: community.name, village: isVillage),
                        source: .demo, externalRef: nil)
                    result.append(("demo-\(community.code)-\(number)", facility, node))
                }
            }
        }
        return result
    }

    /// `锦官驿社区` → `锦官驿`.
    static func stem(_ name: String) -> String {
        for suffix in ["社区", "村"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }

    /// A plausible name for a demo facility of `category` in `community` (varied by `variant`).
    static func name(_ category: FacilityCategory, community: String, village: Bool, variant: Int) -> String {
        let stem = self.stem(community)
        switch category {
        case .school: return stem + (variant == 0 ? "小学" : "幼儿园")
        case .clinic: return stem + (village ? "村卫生室" : "社区卫生服务站")
        case .elderlyCare: return stem + (village ? "村互助养老点" : "社区日间照料中心")
        case .grocery: return stem + (variant == 0 ? "菜市场" : "便民超市")
        case .dining: return stem + (variant == 0 ? "社区食堂" : "小吃街")
        case .readingRoom: return stem + (village ? "农家书屋" : "社区书屋")
        case .sport: return stem + "健身广场"
        case .communityService: return community + "党群服务中心"
        }
    }

    /// Typical opening hours of a category, in OpenStreetMap syntax.
    static func hours(_ category: FacilityCategory) -> String {
        switch category {
        case .school: "Mo-Fr 07:30-17:30"
        case .clinic: "Mo-Su 08:00-20:00"
        case .elderlyCare: "Mo-Su 08:00-18:00"
        case .grocery: "Mo-Su 06:30-21:00"
        case .dining: "Mo-Su 10:00-21:00"
        case .readingRoom: "Tu-Su 09:00-21:00"
        case .sport: "Mo-Su 06:00-22:00"
        case .communityService: "Mo-Fr 09:00-12:00,13:30-17:30; Sa 09:00-12:00"
        }
    }

    /// Who runs a demo facility of `category` (a village has its own committees).
    static func operatorName(_ category: FacilityCategory, community: String, village: Bool) -> String {
        switch category {
        case .school: "区教育局"
        case .clinic: "社区卫生服务中心"
        case .communityService: community + (village ? "村民委员会" : "居民委员会")
        case .elderlyCare, .readingRoom, .sport: "街道办事处"
        case .grocery, .dining: "社区商业"
        }
    }
}
