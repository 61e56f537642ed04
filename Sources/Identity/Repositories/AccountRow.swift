import Foundation
import Platform
import SQLKit

/// A row of `identity_accounts`, still encrypted.
struct AccountRow {
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

    /// Reads the row column by column (several times faster than a `Decodable` model with key conversion, and this
    /// runs on every authenticated read).
    static func decode(_ row: any SQLRow) throws -> AccountRow {
        AccountRow(
            id: try row.decode(column: "id", as: String.self),
            role: try row.decode(column: "role", as: String.self),
            username: try row.decode(column: "username", as: String?.self),
            name: try row.decode(column: "name", as: String.self),
            idNumberEnc: try row.decode(column: "id_number_enc", as: Data?.self),
            phoneEnc: try row.decode(column: "phone_enc", as: Data?.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            level: try row.decode(column: "level", as: Int.self),
            communityCode: try row.decode(column: "community_code", as: String?.self),
            scope: try row.decode(column: "scope", as: String?.self),
            totpSecretEnc: try row.decode(column: "totp_secret_enc", as: Data?.self),
            failedAttempts: try row.decode(column: "failed_attempts", as: Int.self),
            lockedUntil: try row.decode(column: "locked_until", as: Int64.self))
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
