import Platform

/// A generated resident before its ID number's sequence is fixed.
struct DraftResident: Sendable {
    let id: Int64
    let householdID: Int64
    let communityCode: String
    let name: String
    let isMale: Bool
    let birthYear: Int
    let birthMonth: Int
    let birthDay: Int
    let relation: String
    let hasPhone: Bool
    /// Filled in by the sequential pass so ID numbers are unique.
    var sequence: Int = 0
}

/// A generated household.
struct DraftHousehold: Sendable {
    let id: Int64
    let communityCode: String
    let address: String
    let size: Int
}

/// Makes plausible households and residents for one community from its own random stream.
struct PersonGenerator: Sendable {
    static let surnames = Array(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let givenCharacters = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰华玉萍红建国文辉鹏飞宇浩婷雪琳晨欣怡梓涵子轩一诺思远晓东春梅德志永海燕俊丹凤云龙成蓉川锦")
    /// Current year of the demo city, fixed so the city never changes with the calendar.
    static let referenceYear = 2026

    /// Generates the households (sizes given) and residents of one community.
    static func community(
        code: String, sizes: [Int], firstHouseholdID: Int64, firstResidentID: Int64, seed: UInt64, index: Int
    ) -> (households: [DraftHousehold], residents: [DraftResident]) {
        var random = SeededRandom(seed: seed, stream: UInt64(index), substream: 2)
        var households: [DraftHousehold] = []
        var residents: [DraftResident] = []
        households.reserveCapacity(sizes.count)
        var residentID = firstResidentID
        for (offset, size) in sizes.enumerated() {
            let householdID = firstHouseholdID + Int64(offset)
            let building = offset / 24 + 1
            let address = "\(building)栋\(offset % 24 / 8 + 1)单元\(offset % 8 + 1)0\(random.int(1...4))号"
            households.append(DraftHousehold(id: householdID, communityCode: code, address: address, size: size))
            let surname = random.pick(self.surnames)
            let headAge = random.int(24...82)
            let headMale = random.unit() < 0.55
            var members: [(relation: String, age: Int, male: Bool, surname: Character)] = [
                ("户主", headAge, headMale, surname)
            ]
            if size >= 2 {
                members.append(("配偶", max(20, headAge + random.int(-5...5)), !headMale, random.pick(self.surnames)))
            }
            for _ in 0..<max(0, min(size - 2, 3)) where headAge >= 22 {
                members.append(("子女", max(0, headAge - random.int(20...38)), random.unit() < 0.51, surname))
            }
            while members.count < size {
                members.append(("父母", min(100, headAge + random.int(22...32)), random.unit() < 0.45, surname))
            }
            for member in members.prefix(size) {
                let given =
                    random.unit() < 0.6
                    ? String(random.pick(self.givenCharacters)) + String(random.pick(self.givenCharacters))
                    : String(random.pick(self.givenCharacters))
                residents.append(
                    DraftResident(
                        id: residentID, householdID: householdID, communityCode: code,
                        name: String(member.surname) + given, isMale: member.male,
                        birthYear: self.referenceYear - member.age, birthMonth: random.int(1...12),
                        birthDay: random.int(1...28), relation: member.relation, hasPhone: member.age >= 14
                    )
                )
                residentID += 1
            }
        }
        return (households, residents)
    }

    /// Household sizes for a community, drawn from its plan stream (1–6 people, mean about 2.7).
    static func householdSizes(count: Int, random: inout SeededRandom) -> [Int] {
        (0..<count).map { _ in
            let roll = random.unit()
            switch roll {
            case ..<0.16: return 1
            case ..<0.45: return 2
            case ..<0.74: return 3
            case ..<0.90: return 4
            case ..<0.97: return 5
            default: return 6
            }
        }
    }

    /// A unique synthetic mobile number derived from the resident id (a bijection modulo 10⁹ in the 19x range).
    static func phone(for id: Int64) -> String {
        let body = (id &* 387_420_489) % 1_000_000_000
        return "19" + String(body).leftPadded(to: 9)
    }
}
