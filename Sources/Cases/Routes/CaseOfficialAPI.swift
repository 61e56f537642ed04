import Foundation
import Hummingbird
import Platform

/// The officials' side of the API: the inbox (by deadline), escalations into the scope, revisits, routing rules.
public struct CaseOfficialAPI: Sendable {
    let service: CaseService

    public init(service: CaseService) {
        self.service = service
    }

    /// Which part of the inbox to list.
    enum View: String, CaseIterable {
        case open, escalated, overdue, done
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/cases/inbox") { request, context in
            let query = try QueryParameters(request, allowed: ["view", "cursor", "limit"])
            let view = try query.choice("view", as: View.self) ?? .open
            let limit = try query.int("limit", in: 1...100, default: 20)
            let after = try query.string("cursor").map { try Cursor(token: $0).after }
            let filter = try Self.inbox(context.principal, view: view)
            let (items, more) = try await self.service.cases.byDeadline(filter, after: after, limit: limit)
            let categories = try await self.service.categories.categories()
            let now = CityClock.now()
            return Page(
                items: items.map { CaseView($0, categories: categories, locale: context.locale, now: now) },
                nextCursor: more ? items.last.map { Cursor(after: "\($0.dueAt)|\($0.id)").token } : nil)
        }
        api.on(.post, "/api/v1/cases/{id}/revisits") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
            let body = try await CaseAPI.decode(RevisitInput.self, request, context)
            let record = try await self.service.revisit(try context.parameters.require("id"), body, by: principal)
            return CaseView(
                record, categories: try await self.service.categories.categories(), locale: context.locale,
                now: CityClock.now())
        }
        api.on(.get, "/api/v1/cases/routing-rules") { request, context in
            _ = try QueryParameters(request, allowed: [])
            _ = try Authorization.requireRole(context.principal, .handleCases)
            return RuleList(items: try await self.service.categories.rules())
        }
        api.on(.post, "/api/v1/cases/routing-rules") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let official = try Authorization.requireRole(context.principal, .routeCases)
            let body = try await CaseAPI.decode(RuleInput.self, request, context)
            return try await self.service.saveRule(body, by: official)
        }
        api.on(.delete, "/api/v1/cases/routing-rules/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            _ = try Authorization.requireRole(context.principal, .routeCases)
            let id = try context.parameters.require("id")
            guard try await self.service.categories.delete(rule: id) else {
                throw Problem.notFound(
                    code: "rule_not_found", zh: "没有这条可删除的分派规则（类别默认规则不能删除）。",
                    en: "No deletable routing rule has this id (a category's default cannot be deleted).")
            }
            return Response(status: .noContent)
        }
    }

    /// The filter of an official's inbox: division officials see the cases owned inside their scope, department
    /// staff those assigned to their department; residents and others are refused.
    static func inbox(_ principal: Principal?, view: View) throws -> CaseQuery {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        var filter = CaseQuery()
        if principal.role == .departmentStaff, let scope = principal.scope {
            filter.departmentID = scope
        } else {
            let official = try Authorization.requireRole(principal, .handleCases)
            let scope = official.scope ?? ""
            filter.ownerPrefix = Authorization.scopePrefix(scope)
            if view == .escalated {
                filter.escalatedOnly = true
                filter.ownerLevel = CaseLevel.of(code: scope)
            }
        }
        switch view {
        case .open, .escalated: filter.statuses = [.received, .accepted, .inProgress]
        case .overdue:
            filter.statuses = [.received, .accepted, .inProgress]
            filter.dueBefore = CityClock.now()
        case .done: filter.statuses = [.resolved, .confirmed, .closed]
        }
        return filter
    }
}

/// The routing rules as listed.
struct RuleList: ResponseEncodable {
    let items: [RoutingRule]
}

extension RoutingRule: ResponseEncodable {}
