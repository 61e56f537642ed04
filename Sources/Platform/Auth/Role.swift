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
