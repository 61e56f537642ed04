import Foundation
import HTTPTypes
import Hummingbird
import Platform

/// The organization registry's API: the public directory, registration, officials' decisions, yearly reports.
struct OrganizationAPI: Sendable {
    let service: OrganizationService

    /// The body of `POST /api/v1/society/organizations/{id}/decision`.
    struct DecisionBody: Decodable {
        let decision: String?
        let reason: String?
    }

    /// The body of `PUT /api/v1/society/organizations/{id}/reports/{year}`.
    struct ReportBody: Decodable {
        let summary: String?
        let volunteers: Int?
        let incomeFen: Int64?
    }

    func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/society/organizations") { request, context in
            let query = try QueryParameters(request, allowed: ["q", "kind", "division", "cursor", "limit"])
            var filter = OrganizationFilter()
            filter.kind = try query.choice("kind", as: Organization.Kind.self)
            if let division = query.string("division") {
                guard division.count <= 12, division.allSatisfy(\.isNumber), !division.isEmpty else {
                    throw Problem.invalidParameter("division", zh: "区划代码无效。", en: "division is a division code.")
                }
                filter.divisionPrefix = Authorization.scopePrefix(division)
            }
            filter.text = query.string("q").map { String($0.prefix(50)) }
            let limit = try query.int("limit", in: 1...100, default: 20)
            let after = try query.string("cursor").map { try Cursor(token: $0).after }
            let (items, more) = try await self.service.organizations.search(filter, after: after, limit: limit)
            return Page(
                items: items.map(OrganizationView.init),
                nextCursor: more ? items.last.map { Cursor(after: "\($0.name)|\($0.id)").token } : nil)
        }
        api.on(.post, "/api/v1/society/organizations") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let resident = try Authorization.requireResident(context.principal)
            let body = try await request.decode(as: OrganizationService.Registration.self, context: context)
            let organization = try await self.service.register(body, by: resident)
            return try SocietyJSON.response(
                OrganizationView(organization), status: .created,
                location: "/api/v1/society/organizations/\(organization.id)")
        }
        api.on(.get, "/api/v1/society/organizations/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let id = try context.parameters.require("id")
            guard let organization = try await self.service.organizations.organization(id),
                try await self.visible(organization, to: context.principal)
            else { throw SocietyProblem.notFound("organization", id) }
            return OrganizationView(organization)
        }
        api.on(.post, "/api/v1/society/organizations/{id}/decision") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
            let body = try await request.decode(as: DecisionBody.self, context: context)
            guard let decision = body.decision, ["verify", "suspend"].contains(decision) else {
                throw SocietyProblem.invalid(
                    "decision", zh: "决定为 verify 或 suspend。", en: "decision is verify or suspend.")
            }
            return OrganizationView(
                try await self.service.decide(
                    try context.parameters.require("id"), verify: decision == "verify", reason: body.reason,
                    by: principal))
        }
        api.on(.put, "/api/v1/society/organizations/{id}/reports/{year}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let resident = try Authorization.requireResident(context.principal)
            let body = try await request.decode(as: ReportBody.self, context: context)
            guard let year = Int(try context.parameters.require("year")) else {
                throw SocietyProblem.invalid("year", zh: "年度无效。", en: "The year is a number.")
            }
            let id = try context.parameters.require("id")
            try await self.service.fileReport(
                id,
                OrganizationReport(
                    year: year, summary: body.summary ?? "", volunteers: body.volunteers ?? 0,
                    incomeFen: body.incomeFen ?? 0, submittedAt: CityClock.now()), by: resident)
            return Response(status: .noContent)
        }
    }

    /// Verified and suspended organizations are public; pending ones only to their managers and supervisors.
    func visible(_ organization: Organization, to principal: Principal?) async throws -> Bool {
        if organization.status != .pending { return true }
        guard let principal else { return false }
        if Authorization.permits(principal, .superviseOrganizations, divisionCode: organization.communityCode) {
            return true
        }
        return try await self.service.organizations.managed(by: principal.subject).contains(organization.id)
    }
}
