import Identity
import Platform
import Population

/// Who a signed-in resident pays for: their own register entry and their household.
public struct Payer: Sendable, Equatable {
    public let accountID: String
    public let residentID: Int64
    public let householdID: Int64
    public let communityCode: String

    public init(accountID: String, residentID: Int64, householdID: Int64, communityCode: String) {
        self.accountID = accountID
        self.residentID = residentID
        self.householdID = householdID
        self.communityCode = communityCode
    }
}

/// Finds a resident account's place in the household register through the identity and population contexts'
/// public APIs: the account's ID number (by its look-up hash) names the register entry.
public struct PayerDirectory: Sendable {
    let accounts: AccountRepository
    let register: RegisterRepository
    let cipher: PersonalDataCipher

    public init(database: Database, cipher: PersonalDataCipher) {
        self.accounts = AccountRepository(database: database, cipher: cipher)
        self.register = RegisterRepository(database: database)
        self.cipher = cipher
    }

    /// The payer of a resident principal; `register_match_required` (403) below level 2 or without a register entry.
    public func payer(_ principal: Principal?) async throws -> Payer {
        let resident = try Authorization.requireResident(principal)
        guard resident.level >= 2, let account = try await self.accounts.find(id: resident.subject),
            let idNumber = account.idNumber,
            let membership = try await self.register.membership(idNumberHash: self.cipher.lookupHash(idNumber))
        else { throw BillingProblem.notInRegister }
        return Payer(
            accountID: account.id, residentID: membership.residentID, householdID: membership.householdID,
            communityCode: membership.communityCode)
    }
}
