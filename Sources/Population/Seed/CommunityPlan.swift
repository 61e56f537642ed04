import Platform
import Territory

/// Lays out the demo city's communities under the real streets.
///
/// Districts that existed when the legacy name list was made (some under older names) get their real community and
/// village names, matched to today's streets by street name where possible and spread over the remaining streets
/// otherwise; districts the list lacks get generated names. Codes follow the statistics bureau's convention:
/// residents' committees `001`–`199`, villages `200`–`399` under their street.
public struct CommunityPlan: Sendable {
    /// The communities, in code order.
    public let communities: [Division]

    /// Districts renamed since the legacy list was made (same territory, new name).
    static let renamedDistricts = ["双流县": "双流区", "郫县": "郫都区", "新津县": "新津区"]

    /// Builds the plan from the real streets and the legacy names (`district_name,street_name,community_name`).
    public init(divisions: [Division], legacyCSV: String, seed: UInt64) throws {
        let districts = divisions.filter { $0.level == .district }
        let streetsByDistrict = Dictionary(grouping: divisions.filter { $0.level == .street }) { $0.parentCode ?? "" }
        let legacy = try Self.legacyNames(legacyCSV)
        var communities: [Division] = []
        for district in districts.sorted(by: { $0.code < $1.code }) {
            let streets = (streetsByDistrict[district.code] ?? []).sorted { $0.code < $1.code }
            var assigned: [String: [String]] = [:]
            var unmatched: [String] = []
            for (street, name) in legacy[district.name] ?? [] {
                if let match = streets.first(where: { Self.stem($0.name) == Self.stem(street) }) {
                    assigned[match.code, default: []].append(name)
                } else {
                    unmatched.append(name)
                }
            }
            // Streets merged in the township reform inherit the communities of the streets they absorbed.
            for name in unmatched {
                let emptiest = streets.min {
                    (assigned[$0.code]?.count ?? 0, $0.code) < (assigned[$1.code]?.count ?? 0, $1.code)
                }
                if let emptiest { assigned[emptiest.code, default: []].append(name) }
            }
            for street in streets {
                var random = SeededRandom(seed: seed, stream: UInt64(street.code) ?? 0)
                var names = assigned[street.code] ?? []
                if names.isEmpty { names = Self.generatedNames(for: street, random: &random) }
                communities += Self.codes(for: names, street: street)
            }
        }
        self.communities = communities
    }

    /// Legacy names grouped by today's district name, with their legacy street names.
    static func legacyNames(_ csv: String) throws -> [String: [(street: String, name: String)]] {
        var result: [String: [(street: String, name: String)]] = [:]
        for record in try CSVReader.records(in: csv).dropFirst() where record.fields.count == 3 {
            let district = self.renamedDistricts[record.fields[0]] ?? record.fields[0]
            result[district, default: []].append((record.fields[1], self.communityName(record.fields[2])))
        }
        return result
    }

    /// `春熙路街道办事处` and `春熙路街道` both stem to `春熙路`.
    static func stem(_ streetName: String) -> String {
        var name = streetName
        for suffix in ["街道办事处", "办事处", "人民政府", "街道", "镇", "乡"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        return name
    }

    /// `锦官驿社区居委会` → `锦官驿社区`, `青龙村村委会` → `青龙村`.
    static func communityName(_ raw: String) -> String {
        var name = raw
        for suffix in ["居民委员会", "村民委员会", "居委会", "村委会", "委员会"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            break
        }
        if !(name.hasSuffix("社区") || name.hasSuffix("村")) {
            name += raw.contains("村") ? "村" : "社区"
        }
        return name
    }

    private static let nameStems = [
        "和平", "新华", "光明", "幸福", "团结", "建设", "东风", "红星", "胜利", "长青", "永安", "金桥", "花园", "桂花",
        "竹林", "莲花", "石桥", "凤凰", "青龙", "白鹤", "玉泉", "锦绣", "安康", "文昌", "龙泉", "三星", "双河", "清水",
    ]

    private static func generatedNames(for street: Division, random: inout SeededRandom) -> [String] {
        let isTown = street.name.hasSuffix("镇")
        let count = isTown ? random.int(8...14) : random.int(6...12)
        var stems = nameStems
        var names: [String] = []
        for index in 0..<count {
            let stem = stems.isEmpty ? "第\(index + 1)" : stems.remove(at: random.int(0...(stems.count - 1)))
            // Towns are mostly villages with a residents' committee at the centre; streets are all communities.
            names.append(stem + (isTown && index > 1 ? "村" : "社区"))
        }
        return names
    }

    private static func codes(for names: [String], street: Division) -> [Division] {
        var nextCommunity = 1
        var nextVillage = 200
        var result: [Division] = []
        for name in names {
            let isVillage = name.hasSuffix("村")
            let number: Int
            if isVillage, nextVillage <= 399 {
                number = nextVillage
                nextVillage += 1
            } else if nextCommunity <= 199 {
                number = nextCommunity
                nextCommunity += 1
            } else {
                continue
            }
            result.append(
                Division(
                    code: street.code + String(number).leftPadded(to: 3), name: name, level: .community,
                    parentCode: street.code)
            )
        }
        return result.sorted { $0.code < $1.code }
    }
}

extension String {
    /// The string with zeros added on the left up to `width` characters.
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - self.count)) + self
    }
}
