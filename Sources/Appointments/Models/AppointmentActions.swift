import Platform

/// The appointments context's actions and the roles that may perform them.
extension Action {
    /// Add places and time slots of one's own department (administrators: of every department).
    public static let managePlaces = Action("places.manage", roles: [.departmentStaff, .platformAdmin])
}
