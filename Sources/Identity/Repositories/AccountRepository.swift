import Foundation
import Platform
import SQLKit

/// Stores accounts of residents and officials; personal data is sealed with the ``PersonalDataCipher``.
///
/// Accounts read by id (every authenticated request of the console, `/me`, token refresh) are cached for a minute.
/// The only change to a cached field, the assurance level, removes the entry here and is announced to the other nodes
/// through the revocation feed (``RevocationList``), which removes it there within a second.
public struct AccountRepository: Sendable {
    let database: Database
    let cipher: PersonalDataCipher
    let cache = ExpiringCache<String, Account>(lifetime: .seconds(60), capacity: 100_000)

    public init(database: Database, cipher: PersonalDataCipher) {
        self.database = database
        self.cipher = cipher
    }

    /// A new resident's data, already validated.
    public struct NewResident: Sendable {
        public let name: String
        public let idNumber: IDNumber
        public let phone: String
        public let passwordHash: String
        public let level: Int
        public let communityCode: String?
    }

    /// A new official's data, already validated.
    public struct NewOfficial: Sendable {
        public let username: String
        public let name: String
        public let role: Role
        public let scope: String
        public let passwordHash: String
        public let totpSecret: String?
    }

    /// Creates a resident; throws `id_number_taken` or `phone_taken` (409) for duplicates, even under a race.
    public func create(_ resident: NewResident) async throws -> Account {
        let id = UUID().uuidString.lowercased()
        let idHash = self.cipher.lookupHash(resident.idNumber.value)
        let phoneHash = self.cipher.lookupHash(resident.phone)
        do {
            try await self.database.transaction { sql in
                try await self.ensureFree(idHash: idHash, phoneHash: phoneHash, on: sql)
                try await sql.insert(into: "identity_accounts")
                    .columns(
                        "id", "role", "name", "id_number_hash", "id_number_enc", "phone_hash", "phone_enc",
                        "password_hash", "level", "community_code", "created_at"
                    )
                    .values(
                        SQLBind(id), SQLBind(Role.resident.rawValue), SQLBind(resident.name), SQLBind(idHash),
                        SQLBind(Data(self.cipher.seal(resident.idNumber.value))), SQLBind(phoneHash),
                        SQLBind(Data(self.cipher.seal(resident.phone))), SQLBind(resident.passwordHash),
                        SQLBind(resident.level), SQLBind(resident.communityCode), SQLBind(Self.now())
                    ).run()
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            // A concurrent registration won the unique index: answer as if we had seen it first.
            try await self.database.withConnection {
                try await self.ensureFree(idHash: idHash, phoneHash: phoneHash, on: $0)
            }
            throw error
        }
        return try await self.find(id: id)!
    }

    /// Creates an official; throws `username_taken` (409) when the name is in use.
    public func create(_ official: NewOfficial) async throws -> Account {
        let id = UUID().uuidString.lowercased()
        let taken = {
            try await self.database.withConnection { sql in
                try await sql.select().column("id").from("identity_accounts")
                    .where("username", .equal, official.username).first() != nil
            }
        }
        if try await taken() { throw IdentityProblem.usernameTaken }
        do {
            try await self.database.withConnection { sql in
                try await sql.insert(into: "identity_accounts")
                    .columns(
                        "id", "role", "username", "name", "password_hash", "level", "scope", "totp_secret_enc",
                        "created_at"
                    )
                    .values(
                        SQLBind(id), SQLBind(official.role.rawValue), SQLBind(official.username),
                        SQLBind(official.name), SQLBind(official.passwordHash), SQLBind(3), SQLBind(official.scope),
                        SQLBind(official.totpSecret.map { Data(self.cipher.seal($0)) }), SQLBind(Self.now())
                    ).run()
            }
        } catch {
            if try await taken() { throw IdentityProblem.usernameTaken }
            throw error
        }
        return try await self.find(id: id)!
    }

    private func ensureFree(idHash: String, phoneHash: String, on sql: any SQLDatabase) async throws {
        let rows = try await sql.select().columns("id_number_hash", "phone_hash").from("identity_accounts")
            .where("id_number_hash", .equal, idHash).orWhere("phone_hash", .equal, phoneHash).all()
        for row in rows {
            if try row.decode(column: "id_number_hash", as: String?.self) == idHash {
                throw IdentityProblem.idNumberTaken
            }
        }
        if !rows.isEmpty { throw IdentityProblem.phoneTaken }
    }

    /// The account with this id.
    public func find(id: String) async throws -> Account? {
        if let account = self.cache.value(for: id) { return account }
        let generation = self.cache.generation
        guard let account = try await self.row(where: "id", id)?.account(self.cipher) else { return nil }
        self.cache.store(account, for: id, ifUnchangedSince: generation)
        return account
    }

    /// The account a sign-in name designates: an 11-digit phone, an 18-character ID number, else a username.
    func signInRecord(username: String) async throws -> SignInRecord? {
        let trimmed = username.trimmingCharacters(in: .whitespaces)
        let row: AccountRow?
        if PhoneNumber.isValid(trimmed) {
            row = try await self.row(where: "phone_hash", self.cipher.lookupHash(trimmed))
        } else if trimmed.count == 18, let number = try? IDNumber(validating: trimmed) {
            row = try await self.row(where: "id_number_hash", self.cipher.lookupHash(number.value))
        } else {
            row = try await self.row(where: "username", trimmed)
        }
        guard let row else { return nil }
        return SignInRecord(
            account: try row.account(self.cipher), passwordHash: row.passwordHash,
            totpSecret: try row.totpSecretEnc.map { try self.cipher.open(Array($0)) },
            failedAttempts: row.failedAttempts, lockedUntil: row.lockedUntil
        )
    }

    private func row(where column: String, _ value: String) async throws -> AccountRow? {
        // Written as SQL text: this read runs on every authenticated request, and building it with SQLKit's
        // builders costs more than running it.
        try await self.database.withConnection { sql in
            try await sql.raw(
                "SELECT \(unsafeRaw: Self.columnList) FROM identity_accounts WHERE \(ident: column) = \(bind: value)"
            ).first().map(AccountRow.decode)
        }
    }

    static let columnList = AccountRow.columns.joined(separator: ", ")

    static func now() -> Int64 { CityClock.now() }
}
