/// What a signed-in account is: a resident, or an official with one role.
public enum Role: String, Sendable, Codable, CaseIterable {
    case resident
    case communityWorker = "community_worker"
    case streetOfficer = "street_officer"
    case districtOfficer = "district_officer"
    case cityOfficer = "city_officer"
    case departmentStaff = "department_staff"
    case auditor
    case platformAdmin = "platform_admin"

    /// Whether the role belongs to an official (every role but `resident`).
    public var isOfficial: Bool { self != .resident }

    /// Whether the scope of this role is a department id rather than a division code.
    public var isDepartmentScoped: Bool { self == .departmentStaff }

    /// Whether the role acts for every department in the department actions it is given (platform administrators).
    public var reachesEveryDepartment: Bool { self == .platformAdmin }
}

extension Role {
    /// The role's name as people read it.
    public var label: LocalizedText {
        switch self {
        case .resident: LocalizedText(zh: "居民", en: "Resident")
        case .communityWorker: LocalizedText(zh: "社区工作者", en: "Community worker")
        case .streetOfficer: LocalizedText(zh: "街道（乡镇）干部", en: "Street officer")
        case .districtOfficer: LocalizedText(zh: "区（市）县干部", en: "District officer")
        case .cityOfficer: LocalizedText(zh: "市级干部", en: "City officer")
        case .departmentStaff: LocalizedText(zh: "部门工作人员", en: "Department staff")
        case .auditor: LocalizedText(zh: "审计员", en: "Auditor")
        case .platformAdmin: LocalizedText(zh: "平台管理员", en: "Platform administrator")
        }
    }
}
