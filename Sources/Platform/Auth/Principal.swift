/// The signed-in party of a request: who it is, its role, its scope and how strongly it was identified.
public struct Principal: Sendable, Equatable {
    /// The account id (the `sub` of its access token).
    public let subject: String
    /// The account's role.
    public let role: Role
    /// A division code for officials (a department id for department staff); nil for residents.
    public let scope: String?
    /// The assurance level of a resident (1–3); officials always count as 3.
    public let level: Int

    public init(subject: String, role: Role, scope: String?, level: Int) {
        self.subject = subject
        self.role = role
        self.scope = scope
        self.level = level
    }
}
