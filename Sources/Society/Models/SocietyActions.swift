import Platform

/// The society context's actions and the roles that may perform them.
extension Action {
    /// Verify and suspend organizations whose seat lies inside the scope.
    public static let superviseOrganizations = Action(
        "society.organizations", roles: [.communityWorker, .streetOfficer, .districtOfficer, .cityOfficer])
    /// Post community volunteer activities, and verify or dispute the hours of activities inside the scope.
    public static let organizeVolunteering = Action(
        "society.volunteering", roles: [.communityWorker, .streetOfficer, .districtOfficer, .cityOfficer])
}
