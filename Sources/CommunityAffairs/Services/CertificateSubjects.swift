import Identity
import Platform
import Population

/// Who a certificate is about: the requesting resident's place in the register.
public struct CertificateSubject: Sendable, Equatable {
    public let residentID: Int64
    public let householdID: Int64
    public let communityCode: String
    public let isHouseholdHead: Bool

    public init(residentID: Int64, householdID: Int64, communityCode: String, isHouseholdHead: Bool) {
        self.residentID = residentID
        self.householdID = householdID
        self.communityCode = communityCode
        self.isHouseholdHead = isHouseholdHead
    }
}

/// The register's facts a certificate states.
public struct SubjectFacts: Sendable, Equatable {
    public let name: String
    public let idNumber: String
    public let gender: String
    public let birthDate: String
    public let address: String
    /// Every member of the household: name and relation to its head.
    public let members: [(name: String, relation: String)]

    public init(
        name: String, idNumber: String, gender: String, birthDate: String, address: String,
        members: [(name: String, relation: String)]
    ) {
        self.name = name
        self.idNumber = idNumber
        self.gender = gender
        self.birthDate = birthDate
        self.address = address
        self.members = members
    }

    public static func == (a: SubjectFacts, b: SubjectFacts) -> Bool {
        a.name == b.name && a.idNumber == b.idNumber && a.address == b.address
            && a.members.map(\.name) == b.members.map(\.name)
    }
}

/// Reads residents' register entries for certificates (wired to Identity and Population by the module), so this
/// context never reads their tables.
public protocol CertificateSubjects: Sendable {
    /// The resident's register entry; 403 `certificate_not_eligible` when the register does not list them.
    func subject(of principal: Principal) async throws -> CertificateSubject
    /// The facts about the request's resident and household, read when the certificate is issued.
    func facts(accountID: String, residentID: Int64, householdID: Int64) async throws -> SubjectFacts
}

/// ``CertificateSubjects`` over the identity context's ``ResidentRegistration`` and the population register.
struct RegisterSubjects: CertificateSubjects {
    let registration: ResidentRegistration
    let register: RegisterRepository
    let accounts: AccountRepository

    /// Relations that mark the head of a household in the register.
    static let heads: Set<String> = ["户主", "head"]

    func subject(of principal: Principal) async throws -> CertificateSubject {
        guard let membership = try await self.registration.membership(of: principal),
            let person = try await self.register.person(residentID: membership.residentID)
        else {
            throw CommunityAffairsProblem.notEligible(
                zh: "户籍登记中没有找到你：社区证明只为本社区登记的居民出具。",
                en: "The household register does not list you: communities certify only residents registered there.")
        }
        return CertificateSubject(
            residentID: membership.residentID, householdID: membership.householdID,
            communityCode: membership.communityCode, isHouseholdHead: Self.heads.contains(person.relation))
    }

    func facts(accountID: String, residentID: Int64, householdID: Int64) async throws -> SubjectFacts {
        let person = try await self.register.person(residentID: residentID)
        let members = try await self.register.members(ofHousehold: householdID)
        let address = try await self.register.addresses(of: [householdID])[householdID]
        let idNumber = try await self.accounts.find(id: accountID)?.idNumber
        return SubjectFacts(
            name: person?.name ?? "", idNumber: idNumber ?? "", gender: person?.gender ?? "",
            birthDate: person?.birthDate ?? "", address: address ?? "",
            members: members.map { ($0.name, $0.relation) })
    }
}
