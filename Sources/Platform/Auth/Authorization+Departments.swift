/// Department-scoped work: places, bills and refunds belong to a department (`cd-water`), not to a division.
///
/// The rule has the same shape as the division rule: the role permits the work, and the resource's department is
/// the official's scope (department staff) — platform administrators act for every department.
extension Authorization {
    /// Whether `principal` may manage resources owned by `department`.
    public static func permits(_ principal: Principal, department: String) -> Bool {
        switch principal.role {
        case .platformAdmin: true
        case .departmentStaff: principal.scope == department && !department.isEmpty
        default: false
        }
    }

    /// Throws 401 without a principal and 403 unless the principal works for `department` (or administers).
    @discardableResult
    public static func require(_ principal: Principal?, department: String) throws -> Principal {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        guard self.permits(principal, department: department) else { throw AuthorizationProblem.forbidden }
        return principal
    }

    /// Throws 401 without a principal and 403 unless it is a resident (the only role that books and pays for
    /// itself).
    @discardableResult
    public static func requireResident(_ principal: Principal?) throws -> Principal {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        guard principal.role == .resident else { throw AuthorizationProblem.forbidden }
        return principal
    }
}
