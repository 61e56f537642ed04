import Hummingbird
import Platform

/// Officials' API over residents and the audit log, every route behind the one authorization rule:
/// `GET /api/v1/residents`, `GET /api/v1/residents/{id}`, `POST /api/v1/residents/{id}/confirmation`,
/// `GET /api/v1/audit`.
public struct OfficialAPI: Sendable {
    let service: IdentityService
    let audit: AuditLog
    /// The division an auditor's scope must contain to read the whole log.
    let cityCode: String

    public init(service: IdentityService, audit: AuditLog, cityCode: String = "510100") {
        self.service = service
        self.audit = audit
        self.cityCode = cityCode
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/residents") { request, context in
            let official = try Authorization.requireRole(context.principal, .viewResidents)
            let query = try QueryParameters(request, allowed: ["cursor", "limit"])
            let limit = try query.int("limit", in: 1...200, default: 50)
            let after = try query.string("cursor").map { try Cursor(token: $0).after }
            let (items, more) = try await self.service.accounts.residents(
                inside: official.scope!, after: after, limit: limit)
            let next = more ? items.last.map { Cursor(after: $0.id).token } : nil
            return Page(items: items.map { Profile($0, reveal: false) }, nextCursor: next)
        }
        api.on(.get, "/api/v1/residents/{id}") { _, context in
            let official = try Authorization.requireRole(context.principal, .viewResidents)
            let id = try context.parameters.require("id")
            guard let resident = try await self.service.accounts.find(id: id), resident.role == .resident,
                let community = resident.communityCode,
                Authorization.permits(official, .viewResidents, divisionCode: community)
            else { throw IdentityProblem.residentNotFound }
            return Profile(resident, reveal: false)
        }
        api.on(.post, "/api/v1/residents/{id}/confirmation") { _, context in
            let id = try context.parameters.require("id")
            let account = try await self.service.confirmInPerson(
                residentID: id, by: context.principal, address: context.clientAddress)
            return Profile(account, reveal: false)
        }
        api.on(.get, "/api/v1/audit") { request, context in
            try Authorization.require(context.principal, .readAudit, divisionCode: self.cityCode)
            let query = try QueryParameters(request, allowed: ["cursor", "limit", "actor"])
            let limit = try query.int("limit", in: 1...200, default: 50)
            let before = try query.string("cursor").map { try AuditLog.position(of: Cursor(token: $0)) }
            let (items, more) = try await self.audit.list(
                before: before, actor: query.string("actor"), limit: limit)
            let next = more ? items.last.map { Cursor(after: String($0.id)).token } : nil
            return Page(items: items, nextCursor: next)
        }
    }
}
