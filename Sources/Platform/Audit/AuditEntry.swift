/// One line of the audit log: who did what, when, from where, to which record, and how it ended.
public struct AuditEntry: Codable, Sendable, Equatable {
    /// Increasing id; the pagination key.
    public let id: Int64
    /// Unix time in seconds.
    public let at: Int64
    /// The account that acted, nil for an unknown party (a failed sign-in with an unknown name).
    public let actor: String?
    /// What happened (`auth.login`, `personal_data.reveal`, `resident.level`, …).
    public let action: String
    /// The record acted on (an account id, a client id).
    public let target: String?
    /// The client's IP address, when known.
    public let address: String?
    /// `success` or `failure`.
    public let outcome: String
    /// A short, non-personal explanation (`bad_password`, `L2→L3`).
    public let detail: String?
}

/// What a caller records; the log adds the id and the time.
public struct AuditEvent: Sendable {
    public let actor: String?
    public let action: String
    public let target: String?
    public let address: String?
    public let outcome: String
    public let detail: String?

    public init(
        actor: String?, action: String, target: String? = nil, address: String?, success: Bool = true,
        detail: String? = nil
    ) {
        self.actor = actor
        self.action = action
        self.target = target
        self.address = address
        self.outcome = success ? "success" : "failure"
        self.detail = detail
    }
}
