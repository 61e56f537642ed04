import Platform

/// The billing context's actions and the roles that may perform them.
extension Action {
    /// Issue, read and refund the bills of one's own department (administrators: of every department).
    public static let manageBills = Action("bills.manage", roles: [.departmentStaff, .platformAdmin])
    /// Read the daily reconciliation of payments with the payment provider.
    public static let readReconciliation = Action("billing.reconciliation.read", roles: [.auditor, .platformAdmin])
}
