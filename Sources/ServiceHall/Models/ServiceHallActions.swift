import Platform

/// The service hall's actions and the roles that may perform them.
extension Action {
    /// Read and handle the service applications of one's own department (department staff only: platform
    /// administrators do not handle applications).
    public static let handleApplications = Action("applications.handle", roles: [.departmentStaff])
}
