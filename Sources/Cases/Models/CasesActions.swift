import Platform

/// The cases context's actions and the roles that may perform them.
extension Action {
    /// Handle, escalate and close cases owned by a division inside the scope; report for a resident.
    public static let handleCases = Action(
        "cases.handle", roles: [.communityWorker, .streetOfficer, .districtOfficer, .cityOfficer])
    /// Handle the cases assigned to the official's department.
    public static let handleDepartmentCases = Action("cases.department", roles: [.departmentStaff])
    /// Edit the routing rules (category and area → department).
    public static let routeCases = Action("cases.route", roles: [.cityOfficer])
    /// Hold joint meetings of the scope's level and record their decisions.
    public static let holdJointMeetings = Action(
        "cases.meetings", roles: [.streetOfficer, .districtOfficer, .cityOfficer])
}
