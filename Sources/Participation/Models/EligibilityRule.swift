import Platform

/// Who may take one action of a process (propose, support, vote, sign), stored as data with the process.
///
/// Every condition set must hold; an empty `buildings` list means any building of the community.
public struct EligibilityRule: Codable, Sendable, Equatable {
    /// The least assurance level (1 registered, 2 matched with the register, 3 confirmed in person).
    public var minimumLevel: Int
    /// The register lists the resident in the process's community.
    public var residentOfCommunity: Bool
    /// The resident is the head of their household.
    public var householdHead: Bool
    /// The resident's household lies in one of these buildings (`12栋`).
    public var buildings: [String]
    /// The resident's account is a member of the community's residents' council.
    public var councilMember: Bool

    public init(
        minimumLevel: Int = 2, residentOfCommunity: Bool = true, householdHead: Bool = false,
        buildings: [String] = [], councilMember: Bool = false
    ) {
        self.minimumLevel = minimumLevel
        self.residentOfCommunity = residentOfCommunity
        self.householdHead = householdHead
        self.buildings = buildings
        self.councilMember = councilMember
    }

    /// A resident of the community at level 2 or above (the usual rule).
    public static let communityResident = EligibilityRule()

    /// The rule's conditions in words, for the page that tells a resident who may act.
    public func describe() -> [LocalizedText] {
        var lines = [
            LocalizedText(zh: "实名认证等级 ≥ \(self.minimumLevel)", en: "Verification level \(self.minimumLevel) or higher")
        ]
        if self.residentOfCommunity {
            lines.append(LocalizedText(zh: "户籍登记在本社区", en: "Registered as a resident of this community"))
        }
        if self.householdHead { lines.append(LocalizedText(zh: "户主", en: "Head of the household")) }
        if !self.buildings.isEmpty {
            let list = self.buildings.joined(separator: "、")
            lines.append(LocalizedText(zh: "住在 \(list)", en: "Living in \(list)"))
        }
        if self.councilMember {
            lines.append(LocalizedText(zh: "居民议事会成员", en: "Member of the residents' council"))
        }
        return lines
    }

    /// Refuses a rule that cannot be met or makes no sense (`invalid_field`).
    public func validate() throws {
        guard (1...3).contains(self.minimumLevel) else {
            throw ParticipationProblem.invalidField(
                "eligibility.minimumLevel", zh: "等级必须是 1–3。", en: "The level must be 1–3.")
        }
        guard self.buildings.count <= 50, self.buildings.allSatisfy({ (1...20).contains($0.count) }) else {
            throw ParticipationProblem.invalidField(
                "eligibility.buildings", zh: "楼栋最多 50 个，每个 1–20 个字。", en: "At most 50 buildings of 1–20 characters.")
        }
        if (self.householdHead || !self.buildings.isEmpty) && self.minimumLevel < 2 {
            throw ParticipationProblem.invalidField(
                "eligibility.minimumLevel", zh: "户主和楼栋条件需要等级 ≥ 2（与户籍匹配）。",
                en: "Household and building conditions need level 2 (matched with the register).")
        }
    }
}

/// The person a rule admitted: their account and, when the register lists them, their resident record and
/// household (the keys that make "one person" or "one household" one vote).
public struct Participant: Sendable, Equatable {
    public let accountID: String
    public let residentID: Int64?
    public let householdID: Int64?
    public let communityCode: String?

    public init(accountID: String, residentID: Int64?, householdID: Int64?, communityCode: String?) {
        self.accountID = accountID
        self.residentID = residentID
        self.householdID = householdID
        self.communityCode = communityCode
    }
}
