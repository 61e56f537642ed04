import HTTPTypes
import Platform

/// Which departments exist, as the identity context needs to know when an administrator creates department staff.
///
/// The service hall's catalog answers it (its ``ServiceDirectory`` refines this protocol); the identity context is
/// built before the service hall, so its routes find the directory among the final ports when they are registered.
public protocol DepartmentDirectory: Sendable {
    /// Whether the catalog has a department with this id (`cd-health`).
    func hasDepartment(_ id: String) async throws -> Bool
}

extension DepartmentDirectory {
    /// Throws 422 `unknown_department` (naming `field`) unless the catalog has a department with this id.
    public func requireDepartment(_ id: String, field: String = "division") async throws {
        guard try await self.hasDepartment(id) else {
            throw Problem(
                .unprocessableContent, code: "unknown_department", zh: "服务目录中没有编号为“\(id)”的部门。",
                en: "The service catalog has no department '\(id)'.", extensions: ["field": field])
        }
    }
}

/// The directory used when no module publishes one: it knows no department, so no department staff can be created.
struct NoDepartments: DepartmentDirectory {
    func hasDepartment(_ id: String) async throws -> Bool { false }
}
