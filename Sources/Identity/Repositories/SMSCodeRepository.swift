import Crypto
import Foundation
import Platform
import SQLKit

/// One-time SMS codes (6 digits) for signing in, resetting a password and verifying a phone at registration.
///
/// A code is kept only as a keyed hash (HMAC-SHA256 under a key derived from the personal-data keyring, bound to the
/// phone and purpose); it is valid for ``lifetime`` seconds, used once, and burned after ``maximumAttempts`` wrong
/// tries. Requesting is limited per phone and per client address, counted over the same rows on every node.
public struct SMSCodeRepository: Sendable {
    /// Seconds a code stays valid.
    public static let lifetime: Int64 = 300
    /// Wrong tries after which a code no longer works.
    public static let maximumAttempts = 5
    /// Seconds between two codes for one phone.
    public static let phoneInterval: Int64 = 60
    /// Codes per phone, and per client address, within ``window``.
    public static let phoneLimit = 5
    public static let addressLimit = 20
    public static let window: Int64 = 3600

    /// What a code is for.
    public enum Purpose: String, Sendable, CaseIterable {
        case signIn = "signin"
        case reset
        case register
    }

    let database: Database
    let cipher: PersonalDataCipher
    private let key: [UInt8]

    init(database: Database, cipher: PersonalDataCipher) {
        self.database = database
        self.cipher = cipher
        self.key = cipher.derivedKey(purpose: "sms code v1")
    }

    /// The keyed hash a code is stored as.
    func hash(code: String, phone: String, purpose: Purpose) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(purpose.rawValue)\u{0}\(phone)\u{0}\(code)".utf8), using: SymmetricKey(data: self.key))
        return Data(mac).base64EncodedString()
    }

    /// Seconds until `phone` or `address` may ask for another code; 0 when they may now.
    func wait(phone: String, address: String?, now: Int64) async throws -> Int64 {
        try await self.database.withConnection { sql in
            let phoneHash = self.cipher.lookupHash(phone)
            let recent = try await sql.select().column("created_at").from("identity_sms_codes")
                .where("phone_hash", .equal, phoneHash).where("created_at", .greaterThan, now - Self.window)
                .orderBy("created_at", .descending).all(decodingColumn: "created_at", as: Int64.self)
            var wait: Int64 = 0
            if let last = recent.first { wait = max(wait, last + Self.phoneInterval - now) }
            if recent.count >= Self.phoneLimit { wait = max(wait, recent[Self.phoneLimit - 1] + Self.window - now) }
            if let address {
                let fromAddress = try await sql.select().column("created_at").from("identity_sms_codes")
                    .where("address_hash", .equal, self.cipher.lookupHash(address))
                    .where("created_at", .greaterThan, now - Self.window)
                    .orderBy("created_at", .descending).limit(Self.addressLimit)
                    .all(decodingColumn: "created_at", as: Int64.self)
                if fromAddress.count >= Self.addressLimit, let oldest = fromAddress.last {
                    wait = max(wait, oldest + Self.window - now)
                }
            }
            return max(wait, 0)
        }
    }

    /// Stores a new code for `phone` with `sql` (the caller's transaction).
    func store(
        code: String, phone: String, purpose: Purpose, address: String?, now: Int64, on sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "identity_sms_codes")
            .columns("purpose", "phone_hash", "address_hash", "code_hash", "created_at", "expires_at")
            .values(
                SQLBind(purpose.rawValue), SQLBind(self.cipher.lookupHash(phone)),
                SQLBind(address.map(self.cipher.lookupHash)),
                SQLBind(self.hash(code: code, phone: phone, purpose: purpose)),
                SQLBind(now), SQLBind(now + Self.lifetime)
            ).run()
        if UInt8.random(in: 0...63) == 0 {
            try await sql.delete(from: "identity_sms_codes").where("created_at", .lessThan, now - 86_400).run()
        }
    }

    /// Uses the phone's latest code for `purpose` if `code` is it: true once; a wrong code counts a try, and so does
    /// a right one after the tries are spent. Concurrent uses of one code: one conditional update wins.
    func consume(code: String, phone: String, purpose: Purpose, now: Int64) async throws -> Bool {
        try await self.database.withConnection { sql in
            guard
                let row = try await sql.select().columns("id", "code_hash", "attempts").from("identity_sms_codes")
                    .where("phone_hash", .equal, self.cipher.lookupHash(phone))
                    .where("purpose", .equal, purpose.rawValue).where("used_at", .is, SQLLiteral.null)
                    .where("expires_at", .greaterThan, now).orderBy("id", .descending).limit(1).first()
            else { return false }
            let id = try row.decode(column: "id", as: Int64.self)
            let stored = try row.decode(column: "code_hash", as: String.self)
            let attempts = try row.decode(column: "attempts", as: Int.self)
            let given = self.hash(code: code, phone: phone, purpose: purpose)
            let matches = Self.constantTimeEqual(Array(stored.utf8), Array(given.utf8))
            guard matches, attempts < Self.maximumAttempts else {
                try await sql.update("identity_sms_codes").set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
                    .where("id", .equal, id).run()
                return false
            }
            return try await sql.update("identity_sms_codes").set("used_at", to: now).where("id", .equal, id)
                .where("used_at", .is, SQLLiteral.null).where("attempts", .lessThan, Self.maximumAttempts)
                .returning("id").first() != nil
        }
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
