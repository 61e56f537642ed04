import Platform

/// A resident row ready to write: the ID number fixed, personal data sealed.
struct ResidentRow: Sendable {
    let id: Int64
    let householdID: Int64
    let communityCode: String
    let name: String
    let gender: String
    let birthDate: String
    let relation: String
    let idNumberHash: String
    let idNumberSealed: [UInt8]
    let phoneHash: String?
    let phoneSealed: [UInt8]?

    /// Seals a draft whose sequence has been assigned.
    init(_ draft: DraftResident, cipher: PersonalDataCipher) {
        let idNumber = IDNumber(
            region: String(draft.communityCode.prefix(6)), year: draft.birthYear, month: draft.birthMonth,
            day: draft.birthDay, sequence: draft.sequence
        )
        self.id = draft.id
        self.householdID = draft.householdID
        self.communityCode = draft.communityCode
        self.name = draft.name
        self.gender = draft.isMale ? "M" : "F"
        self.birthDate = idNumber.birthDate
        self.relation = draft.relation
        self.idNumberHash = cipher.lookupHash(idNumber.value)
        self.idNumberSealed = cipher.seal(idNumber.value)
        if draft.hasPhone {
            let phone = PersonGenerator.phone(for: draft.id)
            self.phoneHash = cipher.lookupHash(phone)
            self.phoneSealed = cipher.seal(phone)
        } else {
            self.phoneHash = nil
            self.phoneSealed = nil
        }
    }
}

/// Hands out ID-number sequence codes so that no two residents share region, birth date and sequence.
///
/// GB 11643 gives each region and birth date 500 odd (men) and 500 even (women) sequence codes.
struct SequenceAllocator {
    private var next: [Int64: Int] = [:]

    /// Assigns `draft.sequence`; returns false when the 500 codes of its bucket are used up.
    mutating func assign(_ draft: inout DraftResident) -> Bool {
        let region = Int64(draft.communityCode.prefix(6)) ?? 0
        let day = Int64(draft.birthYear * 400 + draft.birthMonth * 32 + draft.birthDay)
        let key = (region * 1_000_000 + day) * 2 + (draft.isMale ? 1 : 0)
        let used = self.next[key, default: 0]
        guard used < 500 else { return false }
        self.next[key] = used + 1
        draft.sequence = used * 2 + (draft.isMale ? 1 : 0)
        return true
    }
}
