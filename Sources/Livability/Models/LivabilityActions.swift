import Platform

/// The life circle's actions and the roles that may perform them.
extension Action {
    /// Add, change and remove facilities of the life-circle registry inside the scope.
    public static let manageFacilities = Action(
        "facilities.manage", roles: [.communityWorker, .streetOfficer, .districtOfficer, .cityOfficer])
    /// See household-level life-circle data (the gap list) inside the scope.
    public static let viewLivability = Action(
        "livability.view", roles: [.communityWorker, .streetOfficer, .districtOfficer, .cityOfficer])
}
