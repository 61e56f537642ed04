extension Authorization {
    /// Throws 401 without a principal and 403 unless it is a resident (the only role that books and pays for
    /// itself).
    @discardableResult
    public static func requireResident(_ principal: Principal?) throws -> Principal {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        guard principal.role == .resident else { throw AuthorizationProblem.forbidden }
        return principal
    }
}
