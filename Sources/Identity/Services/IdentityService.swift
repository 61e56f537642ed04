import Foundation
import Platform
import Population

/// The identity context's use cases: registration, real-name checks, sign-in, token refresh and sign-out.
/// Routes (API and console) call it; it writes the audit log.
public struct IdentityService: Sendable {
    public let accounts: AccountRepository
    let refreshTokens: RefreshTokenRepository
    let register: RegisterRepository
    let hasher: PasswordHasher
    let authority: TokenAuthority
    let audit: AuditLog
    let addressLimiter: SignInLimiter
    let nameLimiter: SignInLimiter
    let policy = PasswordPolicy.shipped
    let verifiedTokens = VerifiedTokenCache()
    /// Access tokens withdrawn before their expiry (kept current by ``RevocationFeedService``).
    public let revocations: RevocationList

    public init(
        database: Database, cipher: PersonalDataCipher, hasher: PasswordHasher, issuer: String = "citizen-cloud",
        addressLimit: Int = 20, nameLimit: Int = 5
    ) {
        self.accounts = AccountRepository(database: database, cipher: cipher)
        self.refreshTokens = RefreshTokenRepository(database: database)
        self.register = RegisterRepository(database: database)
        self.hasher = hasher
        self.authority = TokenAuthority(keys: SigningKeyRepository(database: database, cipher: cipher), issuer: issuer)
        self.audit = AuditLog(database: database)
        self.addressLimiter = SignInLimiter(database: database, kind: "address", limit: addressLimit)
        self.nameLimiter = SignInLimiter(database: database, kind: "name", limit: nameLimit)
        self.revocations = RevocationList(database: database, accountCache: self.accounts.cache)
    }

    /// A registration request, unvalidated.
    public struct Registration: Codable, Sendable {
        public let name: String
        public let idNumber: String
        public let phone: String
        public let password: String

        public init(name: String, idNumber: String, phone: String, password: String) {
            self.name = name
            self.idNumber = idNumber
            self.phone = phone
            self.password = password
        }
    }

    /// Validates and creates a resident: level 2 when name and ID number match the register, else level 1.
    public func registerResident(_ input: Registration, address: String?) async throws -> Account {
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...50).contains(name.count) else { throw IdentityProblem.invalidName }
        try DisplayText.require(name, field: "name")
        let idNumber: IDNumber
        do {
            idNumber = try IDNumber(validating: input.idNumber)
        } catch {
            let reason =
                switch error {
                case .length: "length"
                case .characters: "characters"
                case .birthDate: "birth_date"
                case .checkDigit: "check_digit"
                }
            throw IdentityProblem.invalidIDNumber(reason)
        }
        guard RegionCode.isPlausible(idNumber.region) else { throw IdentityProblem.invalidIDNumber("region") }
        guard PhoneNumber.isValid(input.phone) else { throw IdentityProblem.invalidPhone }
        if let weakness = self.policy.weakness(of: input.password, personalData: [input.phone, idNumber.value]) {
            throw IdentityProblem.weakPassword(weakness)
        }
        let community = try await self.register.registeredCommunity(
            idNumberHash: self.accounts.cipher.lookupHash(idNumber.value), name: name)
        let account = try await self.accounts.create(
            AccountRepository.NewResident(
                name: name, idNumber: idNumber, phone: input.phone,
                passwordHash: try await self.hasher.hash(input.password), level: community == nil ? 1 : 2,
                communityCode: community
            ))
        try await self.audit.record(
            AuditEvent(
                actor: account.id, action: "resident.register", target: account.id, address: address,
                detail: "L\(account.level)"))
        return account
    }

    /// Re-checks a resident against the register and raises the level to 2 when they match.
    public func recheckRegister(accountID: String, address: String?) async throws -> Account {
        guard let account = try await self.accounts.find(id: accountID), account.role == .resident,
            let idNumber = account.idNumber
        else { throw IdentityProblem.residentNotFound }
        guard account.level < 2 else { return account }
        guard
            let community = try await self.register.registeredCommunity(
                idNumberHash: self.accounts.cipher.lookupHash(idNumber), name: account.name)
        else {
            try await self.audit.record(
                AuditEvent(
                    actor: accountID, action: "resident.level", target: accountID, address: address, success: false,
                    detail: "not_in_register"))
            throw IdentityProblem.notInRegister
        }
        try await self.accounts.setLevel(accountID: accountID, level: 2, communityCode: community)
        try await self.audit.record(
            AuditEvent(actor: accountID, action: "resident.level", target: accountID, address: address, detail: "L1→L2")
        )
        return try await self.accounts.find(id: accountID)!
    }

    /// A community worker confirms a resident of their own community in person (level 3).
    /// Residents outside the worker's scope answer 404, as if they did not exist.
    public func confirmInPerson(residentID: String, by principal: Principal?, address: String?) async throws -> Account
    {
        let worker = try Authorization.requireRole(principal, .verifyResidents)
        guard let resident = try await self.accounts.find(id: residentID), resident.role == .resident,
            let community = resident.communityCode,
            Authorization.permits(worker, .verifyResidents, divisionCode: community)
        else { throw IdentityProblem.residentNotFound }
        guard resident.level >= 2 else { throw IdentityProblem.levelTooLow }
        if resident.level == 3 { return resident }
        try await self.accounts.setLevel(accountID: residentID, level: 3, communityCode: community)
        try await self.audit.record(
            AuditEvent(
                actor: worker.subject, action: "resident.level", target: residentID, address: address,
                detail: "L2→L3"))
        return try await self.accounts.find(id: residentID)!
    }

    /// Records that `principal` saw a resident's clear personal data.
    public func recordReveal(of accountID: String, by principal: Principal, address: String?) async throws {
        try await self.audit.record(
            AuditEvent(actor: principal.subject, action: "personal_data.reveal", target: accountID, address: address))
    }
}
