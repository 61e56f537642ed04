import Foundation
import Hummingbird
import Platform

/// Department staff handle their department's applications: the queue by status and deadline, one application,
/// a step (accept, review, approve, reject with a reason, complete), and the ratings residents gave.
public struct StaffAPI: Sendable {
    let service: ApplicationService
    let clock: @Sendable () -> Int64

    public init(
        service: ApplicationService, clock: @escaping @Sendable () -> Int64 = { CityClock.now() }
    ) {
        self.service = service
        self.clock = clock
    }

    struct ActionBody: Decodable, Sendable {
        let action: String
        let reason: String?
    }

    /// Which statuses a queue shows: one status, or every open one.
    static func statuses(_ parameters: QueryParameters) throws -> [ApplicationStatus] {
        if let status = try parameters.choice("status", as: ApplicationStatus.self) { return [status] }
        return ApplicationStatus.allCases.filter { !$0.isFinished }
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/staff/applications") { request, context in
            let parameters = try QueryParameters(request, allowed: ["status", "cursor", "limit"])
            let staff = try Authorization.requireRole(context.principal, .handleApplications)
            let limit = try parameters.int("limit", in: 1...200, default: 50)
            let after = try parameters.string("cursor").map { try ApplicationRepository.Position(Cursor(token: $0)) }
            let (items, more) = try await self.service.applications.queue(
                departmentID: staff.scope ?? "", statuses: try Self.statuses(parameters), after: after, limit: limit)
            let now = self.clock()
            let next =
                more ? items.last.map { ApplicationRepository.Position(time: $0.dueAt, id: $0.id).cursor.token } : nil
            return Page(items: items.map { ApplicationView($0, now: now) }, nextCursor: next)
        }
        api.on(.get, "/api/v1/staff/applications/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let application = try await self.service.departmentApplication(
                try context.parameters.require("id"), by: context.principal)
            return ApplicationView(application, now: self.clock())
        }
        api.on(.post, "/api/v1/staff/applications/{id}/actions") { request, context in
            let body = try await request.decode(as: ActionBody.self, context: context)
            guard let action = HandlingAction(rawValue: body.action) else {
                let allowed = HandlingAction.allCases.map(\.rawValue).joined(separator: "|")
                throw Problem.invalidParameter(
                    "action", zh: "“action”必须是 \(allowed) 之一。", en: "'action' must be one of \(allowed).")
            }
            let application = try await self.service.handle(
                try context.parameters.require("id"), action: action, reason: body.reason, by: context.principal,
                address: context.clientAddress)
            return ApplicationView(application, now: self.clock())
        }
        api.on(.get, "/api/v1/staff/ratings") { request, context in
            let parameters = try QueryParameters(request, allowed: ["limit"])
            let staff = try Authorization.requireRole(context.principal, .handleApplications)
            let limit = try parameters.int("limit", in: 1...200, default: 50)
            let ratings = try await self.service.applications.ratings(departmentID: staff.scope ?? "", limit: limit)
            return Page(
                items: ratings.map {
                    RatingRow(
                        applicationId: $0.applicationID, serviceId: $0.serviceID, stars: $0.rating.stars,
                        comment: $0.rating.comment, ratedAt: ApplicationView.time($0.rating.ratedAt))
                }, nextCursor: nil)
        }
    }

    /// A rating as staff see it.
    struct RatingRow: Codable, Sendable {
        let applicationId: String
        let serviceId: String
        let stars: Int
        let comment: String
        let ratedAt: String
    }
}
