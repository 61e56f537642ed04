import Platform

/// A resident's or an official's account, with personal data already decrypted.
public struct Account: Sendable, Equatable {
    public let id: String
    public let role: Role
    /// Sign-in name of an official; residents sign in with their phone or ID number.
    public let username: String?
    public let name: String
    /// Residents only.
    public let idNumber: String?
    /// Residents only.
    public let phone: String?
    /// Assurance level: 1 registered, 2 matches the household register, 3 confirmed in person.
    public let level: Int
    /// The community where the register lists the resident (known from level 2).
    public let communityCode: String?
    /// An official's division code (or department id).
    public let scope: String?
    /// Whether the account has a TOTP second factor.
    public let hasTOTP: Bool

    /// The principal a token or session of this account carries.
    public var principal: Principal {
        Principal(subject: self.id, role: self.role, scope: self.scope, level: self.role.isOfficial ? 3 : self.level)
    }
}

/// A resident's profile as `GET /api/v1/me` shows it: personal data masked.
public struct Profile: Codable, Sendable {
    public let id: String
    public let role: String
    public let name: String
    public let username: String?
    public let idNumber: String?
    public let phone: String?
    public let level: Int
    public let communityCode: String?
    public let scope: String?

    init(_ account: Account, reveal: Bool) {
        self.id = account.id
        self.role = account.role.rawValue
        self.name = account.name
        self.username = account.username
        self.idNumber = account.idNumber.map { reveal ? $0 : IDNumber.mask($0) }
        self.phone = account.phone.map { reveal ? $0 : PhoneNumber.mask($0) }
        self.level = account.level
        self.communityCode = account.communityCode
        self.scope = account.scope
    }
}
