import HTTPTypes
import Identity
import Platform

/// A service of the catalog as the other contexts need it: which department owns it, what kind it is, its names.
///
/// The service hall owns the catalog; appointments and billing only see it through ``ServiceDirectory``.
public struct DirectoryService: Sendable, Equatable {
    /// How a resident gets the service done (the catalog's kinds).
    public enum Kind: String, Sendable, CaseIterable {
        case guide, application, appointment, payment
        case departmentSystem = "department_system"
    }

    /// The catalog id (`hospital-registration`, `water-bill`).
    public let id: String
    /// The owning department's catalog id (`cd-health`).
    public let departmentID: String
    public let kind: Kind
    public let name: String
    public let nameEn: String
    /// The assurance level a resident needs to use it (0: no sign-in, 1 registered, 2 real name, 3 in person).
    public let level: Int

    public init(id: String, departmentID: String, kind: Kind, name: String, nameEn: String, level: Int = 0) {
        self.id = id
        self.departmentID = departmentID
        self.kind = kind
        self.name = name
        self.nameEn = nameEn
        self.level = level
    }

    /// Throws 403 `assurance_level_required` (the problem applications answer with too) when `principal` is below
    /// the service's level.
    public func requireLevel(of principal: Principal) throws {
        guard principal.level >= self.level else {
            throw AssuranceLevelRequired(
                required: self.level, current: principal.level,
                serviceName: LocalizedText(zh: self.name, en: self.nameEn))
        }
    }

    /// The name in the reader's language.
    public func name(in locale: AppLocale) -> String { locale.pick(zh: self.name, en: self.nameEn) }
}

/// Looks services up in the current catalog; the application wires the service hall's catalog in.
public protocol ServiceDirectory: DepartmentDirectory {
    /// The catalog's service with this id; nil when the catalog has no such service.
    func service(_ id: String) async throws -> DirectoryService?
    /// The catalog's services of one kind, in catalog order.
    func services(of kind: DirectoryService.Kind) async throws -> [DirectoryService]
}

extension ServiceDirectory {
    /// The service with this id if it is of `kind` and owned by `department` (any department when nil); otherwise
    /// the problem that says why not: `unknown_service`, `service_kind_mismatch` or `service_of_other_department`
    /// (all 422).
    public func require(
        _ id: String, kind: DirectoryService.Kind, department: String? = nil, field: String = "serviceId"
    ) async throws -> DirectoryService {
        guard let service = try await self.service(id) else {
            throw Problem(
                .unprocessableContent, code: "unknown_service", zh: "服务目录中没有编号为“\(id)”的服务。",
                en: "The service catalog has no service '\(id)'.", extensions: ["field": field])
        }
        guard service.kind == kind else {
            let (zh, en) = Self.kindNames(kind)
            throw Problem(
                .unprocessableContent, code: "service_kind_mismatch",
                zh: "“\(service.name)”不是\(zh)服务。", en: "'\(service.nameEn)' is not \(en) service.",
                extensions: ["field": field])
        }
        if let department, service.departmentID != department {
            throw Problem(
                .unprocessableContent, code: "service_of_other_department",
                zh: "“\(service.name)”不属于部门 \(department)。",
                en: "'\(service.nameEn)' is not a service of the department \(department).",
                extensions: ["field": field])
        }
        return service
    }

    private static func kindNames(_ kind: DirectoryService.Kind) -> (String, String) {
        switch kind {
        case .guide: ("办事指南类", "a guide")
        case .application: ("在线申请类", "an application")
        case .appointment: ("预约类", "an appointment")
        case .payment: ("缴费类", "a payment")
        case .departmentSystem: ("部门系统类", "a department-system")
        }
    }
}
