import Foundation
import Platform
import SQLKit

/// A row of `identity_accounts`, still encrypted.
struct AccountRow: Decodable {
    let id: String
    let role: String
    let username: String?
    let name: String
    let idNumberEnc: Data?
    let phoneEnc: Data?
    let passwordHash: String
    let level: Int
    let communityCode: String?
    let scope: String?
    let totpSecretEnc: Data?
    let failedAttempts: Int
    let lockedUntil: Int64

    static let columns = [
        "id", "role", "username", "name", "id_number_enc", "phone_enc", "password_hash", "level", "community_code",
        "scope", "totp_secret_enc", "failed_attempts", "locked_until",
    ]

    static func decode(_ row: any SQLRow) throws -> AccountRow {
        try row.decode(model: AccountRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The account with personal data decrypted.
    func account(_ cipher: PersonalDataCipher) throws -> Account {
        Account(
            id: self.id, role: Role(rawValue: self.role) ?? .resident, username: self.username, name: self.name,
            idNumber: try self.idNumberEnc.map { try cipher.open(Array($0)) },
            phone: try self.phoneEnc.map { try cipher.open(Array($0)) },
            level: self.level, communityCode: self.communityCode, scope: self.scope,
            hasTOTP: self.totpSecretEnc != nil
        )
    }
}

/// What sign-in needs about an account besides its public data.
struct SignInRecord: Sendable {
    let account: Account
    let passwordHash: String
    let totpSecret: String?
    let failedAttempts: Int
    let lockedUntil: Int64
}
