import Hummingbird
import Platform
import Territory

/// `POST /api/v1/officials`: a platform administrator creates an official inside the administrator's own scope.
/// The answer carries the TOTP enrolment URI once. Department staff must name a department of the service catalog,
/// looked up through `departments` (the service hall's catalog, wired by the application).
public struct OfficialsAPI: Sendable {
    let service: IdentityService
    let divisions: DivisionRepository
    let departments: any DepartmentDirectory

    public init(service: IdentityService, divisions: DivisionRepository, departments: any DepartmentDirectory) {
        self.service = service
        self.divisions = divisions
        self.departments = departments
    }

    struct NewOfficial: Decodable {
        let username: String
        let name: String
        let role: String
        let division: String
        let password: String
    }

    /// The created official and the URI to enrol its second factor.
    struct Created: ResponseEncodable {
        let official: Profile
        let otpauthURI: String
    }

    /// Registers the route.
    public func register(on api: APIRoutes) {
        api.on(.post, "/api/v1/officials") { request, context in
            let admin = try Authorization.requireRole(context.principal, .manageOfficials)
            let input = try await request.decode(as: NewOfficial.self, context: context)
            guard let role = Role(rawValue: input.role), role.isOfficial else {
                throw Problem.invalidParameter(
                    "role", zh: "角色必须是工作人员角色。", en: "The role must be an official's role.")
            }
            // Department staff are scoped to a department, which has no place in the territory: only an
            // administrator of the whole city may create them.
            let target = role.isDepartmentScoped ? "510100" : input.division
            try Authorization.require(admin, .manageOfficials, divisionCode: target)
            if role.isDepartmentScoped { try await self.departments.requireDepartment(input.division) }
            let created = try await self.service.createOfficial(
                username: input.username, name: input.name, role: role, scope: input.division,
                password: input.password, divisions: self.divisions, createdBy: admin.subject,
                address: context.clientAddress)
            return EditedResponse(
                status: .created,
                response: Created(official: Profile(created.account, reveal: false), otpauthURI: created.enrolmentURI))
        }
    }
}
