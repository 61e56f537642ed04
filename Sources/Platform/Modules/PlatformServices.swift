import Logging

/// The shared kernel every module is built over: storage, personal-data encryption, the audit log, the event
/// outbox, the clock and the few settings contexts need (the public base URL, cookie security).
public struct PlatformServices: Sendable {
    public let database: Database
    public let logger: Logger
    /// Encrypts personal data at rest (ID numbers, phones).
    public let cipher: PersonalDataCipher
    public let audit: AuditLog
    /// Cross-context events, written inside the writer's transaction.
    public let outbox: EventOutbox
    /// The public base URL of this server (the `iss` of every token, the base of links in messages).
    public let issuer: String
    /// Whether cookies are marked `Secure` (off only for plain-HTTP development).
    public let secureCookies: Bool
    /// The bcrypt cost for passwords (10 in production, 4 in tests).
    public let passwordCost: UInt8
    /// Whether the client address comes from `X-Forwarded-For` (only behind a trusted reverse proxy).
    public let trustForwardedFor: Bool

    public init(
        database: Database, logger: Logger, cipher: PersonalDataCipher, issuer: String, secureCookies: Bool,
        passwordCost: UInt8, trustForwardedFor: Bool
    ) {
        self.database = database
        self.logger = logger
        self.cipher = cipher
        self.audit = AuditLog(database: database)
        self.outbox = EventOutbox(database: database)
        self.issuer = issuer
        self.secureCookies = secureCookies
        self.passwordCost = passwordCost
        self.trustForwardedFor = trustForwardedFor
    }
}
