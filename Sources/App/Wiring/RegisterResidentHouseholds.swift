import Identity
import Livability
import Platform
import Population

/// Finds a signed-in resident's household for the life circle: the identity context knows the account's name and
/// ID number, the population context the household registered for them (matched by the ID number's look-up hash,
/// as the real-name check does).
struct RegisterResidentHouseholds: ResidentHouseholds {
    let identity: IdentityService
    let register: RegisterRepository
    let cipher: PersonalDataCipher

    func household(of principal: Principal) async throws -> Int64? {
        guard principal.role == .resident, principal.level >= 2,
            let account = try await self.identity.accounts.find(id: principal.subject),
            let idNumber = account.idNumber
        else { return nil }
        return try await self.register.registeredHousehold(
            idNumberHash: self.cipher.lookupHash(idNumber), name: account.name)
    }
}
