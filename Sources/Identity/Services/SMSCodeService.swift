import Foundation
import Logging
import Notifications
import Platform
import Synchronization

/// SMS one-time codes: ask for a code for a phone, sign in with it, or reset the password with it.
///
/// A code is sent (through the notification outbox, like every SMS) only when the phone belongs to a resident's
/// account, but the answer is the same either way: asking never tells whether a phone has an account. Every request
/// and every use is audited.
public struct SMSCodeService: Sendable {
    let identity: IdentityService
    let codes: SMSCodeRepository
    let logger: Logger
    /// Set by `serve --demo`: the server also logs each code, so a person trying the demo can read it.
    let demo: DemoCodeLog

    init(identity: IdentityService, database: Database, cipher: PersonalDataCipher, logger: Logger) {
        self.identity = identity
        self.codes = SMSCodeRepository(database: database, cipher: cipher)
        self.logger = logger
        self.demo = DemoCodeLog.shared
    }

    /// Queues a code for `phone`; throws `too_many_codes` (with the seconds to wait) when the phone or the address
    /// asked too often.
    public func request(phone: String, purpose: SMSCodeRepository.Purpose, address: String?) async throws {
        guard PhoneNumber.isValid(phone) else { throw IdentityProblem.invalidPhone }
        let now = CityClock.now()
        let wait = try await self.codes.wait(phone: phone, address: address, now: now)
        guard wait == 0 else {
            try await self.identity.audit.record(
                AuditEvent(actor: nil, action: "auth.sms_code", address: address, success: false, detail: "throttled"))
            throw IdentityProblem.tooManyCodes(retryAfter: wait)
        }
        let code = String(format: "%06d", Int.random(in: 0...999_999))
        let account = try await self.identity.accounts.signInRecord(username: phone)?.account
        let resident = account.flatMap { $0.role == .resident ? $0 : nil }
        try await self.codes.database.transaction { sql in
            try await self.codes.store(code: code, phone: phone, purpose: purpose, address: address, now: now, on: sql)
            guard let resident else { return }
            let minutes = SMSCodeRepository.lifetime / 60
            try await Notifier().enqueue(
                NotificationDraft(
                    accountID: resident.id, topic: "auth.sms_code",
                    titleZh: "市民云验证码", titleEn: "Citizen Cloud code",
                    bodyZh: "验证码 \(code)，\(minutes) 分钟内有效，请勿告诉他人。",
                    bodyEn: "Your code is \(code), valid for \(minutes) minutes. Do not share it.",
                    link: nil, channels: [.sms]),
                on: sql)
        }
        try await self.identity.audit.record(
            AuditEvent(
                actor: resident?.id, action: "auth.sms_code", target: resident?.id, address: address,
                detail: purpose.rawValue))
        if self.demo.isOn {
            self.logger.notice(
                "demo.sms_code",
                metadata: [
                    "phone": "\(PhoneNumber.mask(phone))", "purpose": "\(purpose.rawValue)", "code": "\(code)",
                    "sent": "\(resident != nil)",
                ])
        }
    }

    /// Signs a resident in with a code; every failure answers `invalid_code`.
    public func signIn(phone: String, code: String, address: String?) async throws -> Account {
        let account = try await self.use(code: code, phone: phone, purpose: .signIn, address: address)
        try await self.identity.accounts.recordSuccess(accountID: account.id)
        try await self.identity.audit.record(
            AuditEvent(
                actor: account.id, action: "auth.login", target: account.id, address: address, detail: "sms_code"))
        return account
    }

    /// Signs in and returns tokens, as the password sign-in does.
    public func tokens(phone: String, code: String, address: String?) async throws -> TokenResponse {
        let account = try await self.signIn(phone: phone, code: code, address: address)
        let refresh = try await self.identity.refreshTokens.issue(accountID: account.id)
        return try await self.identity.tokens(for: account, refresh: refresh)
    }

    /// Sets a new password with a code (the registration's password rules); unlocks the account and ends its
    /// refresh-token families.
    public func resetPassword(phone: String, code: String, password: String, address: String?) async throws {
        if let weakness = self.identity.policy.weakness(of: password, personalData: [phone]) {
            throw IdentityProblem.weakPassword(weakness)
        }
        let account = try await self.use(code: code, phone: phone, purpose: .reset, address: address)
        if let weakness = self.identity.policy.weakness(of: password, personalData: [phone, account.idNumber ?? ""]) {
            throw IdentityProblem.weakPassword(weakness)
        }
        try await self.identity.accounts.setPassword(
            accountID: account.id, hash: try await self.identity.hasher.hash(password))
        try await self.identity.audit.record(
            AuditEvent(actor: account.id, action: "auth.password_reset", target: account.id, address: address))
    }

    /// The resident account a right code for `phone` designates; `invalid_code` otherwise (audited).
    private func use(
        code: String, phone: String, purpose: SMSCodeRepository.Purpose, address: String?
    ) async throws -> Account {
        let digits = code.trimmingCharacters(in: .whitespaces)
        guard PhoneNumber.isValid(phone) else { throw IdentityProblem.invalidPhone }
        guard digits.count == 6, digits.allSatisfy(\.isASCIIDigit) else { throw IdentityProblem.invalidCode }
        let used = try await self.codes.consume(code: digits, phone: phone, purpose: purpose, now: CityClock.now())
        let account = try await self.identity.accounts.signInRecord(username: phone)?.account
        guard used, let account, account.role == .resident else {
            // (Wrong codes are limited per code; they do not lock the password sign-in.)
            try await self.identity.audit.record(
                AuditEvent(
                    actor: account?.id, action: purpose == .reset ? "auth.password_reset" : "auth.login",
                    target: account?.id, address: address, success: false, detail: "bad_sms_code"))
            throw IdentityProblem.invalidCode
        }
        // Holding the phone proves the owner: the password failures counted against this name are forgotten.
        try await self.identity.nameLimiter.clear(phone)
        return account
    }
}

/// Whether the server logs SMS codes (`serve --demo` only). One per process: the demo seeds through module
/// instances of its own, and the server's must see the switch.
final class DemoCodeLog: Sendable {
    static let shared = DemoCodeLog()

    private let on = Atomic<Bool>(false)

    var isOn: Bool { self.on.load(ordering: .relaxed) }

    func enable() { self.on.store(true, ordering: .relaxed) }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
