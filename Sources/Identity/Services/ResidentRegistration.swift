import Platform
import Population

/// Where a signed-in resident stands in the household register: the one answer to "which resident and household is
/// this account?", used by billing (who pays), the life circle (which home) and every context after them.
///
/// The account's ID number, through its keyed look-up hash, names the register entry; only residents at level 2 or
/// above (name and ID number matched with the register) have one.
public struct ResidentRegistration: Sendable {
    let accounts: AccountRepository
    let register: RegisterRepository
    let cipher: PersonalDataCipher

    public init(accounts: AccountRepository, register: RegisterRepository, cipher: PersonalDataCipher) {
        self.accounts = accounts
        self.register = register
        self.cipher = cipher
    }

    /// The principal's register entry (resident, household, community), or nil for officials, residents below
    /// level 2 and accounts the register does not list.
    public func membership(of principal: Principal) async throws -> RegisterMembership? {
        guard principal.role == .resident, principal.level >= 2,
            let account = try await self.accounts.find(id: principal.subject), let idNumber = account.idNumber
        else { return nil }
        return try await self.register.membership(idNumberHash: self.cipher.lookupHash(idNumber))
    }
}
