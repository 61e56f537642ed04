import Platform

/// The identity context's actions and the roles that may perform them.
extension Action {
    /// List and read residents (masked) inside the scope.
    public static let viewResidents = Action(
        "residents.view", roles: [.communityWorker, .streetOfficer, .districtOfficer, .cityOfficer])
    /// Confirm a resident's identity in person (assurance level 3).
    public static let verifyResidents = Action("residents.verify", roles: [.communityWorker])
    /// Read the audit log.
    public static let readAudit = Action("audit.read", roles: [.auditor])
    /// Create and change official accounts.
    public static let manageOfficials = Action("officials.manage", roles: [.platformAdmin])

    /// Every action the identity context declares.
    public static let identityActions: [Action] = [.viewResidents, .verifyResidents, .readAudit, .manageOfficials]
}
