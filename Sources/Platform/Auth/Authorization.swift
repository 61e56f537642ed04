import HTTPTypes

/// The platform's one authorization rule: the principal's role permits the action, and the target lies inside the
/// principal's scope — a division code inside the official's division (``permits(_:_:divisionCode:)``), or the
/// department that owns the target being the official's department (``permits(_:_:department:)``).
///
/// Which role may do what is declared with each ``Action`` by the context that owns it, and nowhere else. Platform
/// administrators act for every department in the department actions that list them.
///
/// Codes nest by prefix (`510104003` lies inside `510104`). A 6-digit code ending in `00` is a city or province: its
/// subtree shares only the digits before the trailing zero pairs (`510100` → `5101`, `510000` → `51`).
public enum Authorization {
    /// The roles allowed to perform `action` (as its owning context declared them).
    public static func roles(for action: Action) -> Set<Role> { action.roles }

    /// Whether `principal` may perform `action` on a resource located at `divisionCode`.
    public static func permits(_ principal: Principal, _ action: Action, divisionCode: String) -> Bool {
        guard self.roles(for: action).contains(principal.role), !principal.role.isDepartmentScoped,
            let scope = principal.scope
        else { return false }
        return self.scope(scope, contains: divisionCode)
    }

    /// Throws 401 without a principal and 403 when the rule refuses.
    @discardableResult
    public static func require(_ principal: Principal?, _ action: Action, divisionCode: String) throws -> Principal {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        guard self.permits(principal, action, divisionCode: divisionCode) else { throw AuthorizationProblem.forbidden }
        return principal
    }

    /// Whether `principal` may perform `action` on a resource owned by the department `departmentID`: the role
    /// permits the action, and either the role is department-scoped with exactly that department as its scope, or
    /// the role reaches every department (platform administrators).
    public static func permits(_ principal: Principal, _ action: Action, department departmentID: String) -> Bool {
        guard self.roles(for: action).contains(principal.role), !departmentID.isEmpty else { return false }
        if principal.role.reachesEveryDepartment { return true }
        guard principal.role.isDepartmentScoped, let scope = principal.scope, !scope.isEmpty else { return false }
        return scope == departmentID
    }

    /// Throws 401 without a principal and 403 when the department rule refuses.
    @discardableResult
    public static func require(_ principal: Principal?, _ action: Action, department departmentID: String) throws
        -> Principal
    {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        guard self.permits(principal, action, department: departmentID) else { throw AuthorizationProblem.forbidden }
        return principal
    }

    /// Whether the role alone may perform the action somewhere (routes use it before knowing the target).
    public static func requireRole(_ principal: Principal?, _ action: Action) throws -> Principal {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        guard self.roles(for: action).contains(principal.role), principal.scope != nil else {
            throw AuthorizationProblem.forbidden
        }
        return principal
    }

    /// The prefix every code inside `scope` starts with.
    public static func scopePrefix(_ scope: String) -> String {
        guard scope.utf8.count == 6 else { return scope }
        var prefix = Substring(scope)
        while prefix.count > 2, prefix.hasSuffix("00") { prefix = prefix.dropLast(2) }
        return String(prefix)
    }

    /// Whether `code` lies inside the subtree rooted at `scope` (a node lies inside its own subtree).
    public static func scope(_ scope: String, contains code: String) -> Bool {
        !scope.isEmpty && code.hasPrefix(self.scopePrefix(scope))
    }
}

/// The problems the authorization rule answers with.
public enum AuthorizationProblem {
    /// 401: no valid credentials.
    public static let unauthenticated = Problem(
        .unauthorized, code: "unauthenticated", zh: "需要登录。", en: "Authentication is required.")
    /// 403: signed in, but the rule refuses.
    public static let forbidden = Problem(
        .forbidden, code: "forbidden", zh: "无权执行此操作。", en: "You are not allowed to do this.")
}
