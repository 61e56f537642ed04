import Foundation
import HTTPTypes
import Hummingbird
import Platform

/// Activities and shifts: the public list and detail, posting by organizers, rosters, and the review of hours.
struct ActivityAPI: Sendable {
    let service: VolunteerService

    /// The body of `POST /api/v1/society/activities`.
    struct ActivityBody: Decodable {
        /// One shift of the body.
        struct ShiftBody: Decodable {
            let kind: String?
            let startsAt: String?
            let endsAt: String?
            let capacity: Int?
            let maxMinutes: Int?
        }

        let communityCode: String?
        let organizationId: String?
        let title: String?
        let description: String?
        let place: String?
        let lat: Double?
        let lon: Double?
        let skills: [String]?
        let shifts: [ShiftBody]?

        func plan() throws -> ActivityPlan {
            guard let communityCode else {
                throw SocietyProblem.invalid("communityCode", zh: "请填写社区。", en: "Give the community.")
            }
            guard let lat, let lon else {
                throw SocietyProblem.invalid("lat", zh: "请填写活动地点坐标。", en: "Give the place's lat and lon.")
            }
            let shifts = try (self.shifts ?? []).enumerated().map { index, body in
                guard let kind = body.kind.flatMap(Shift.Kind.init(rawValue:)) else {
                    throw SocietyProblem.invalid(
                        "shifts[\(index)].kind", zh: "班次类型为 fixed、window 或 ongoing。",
                        en: "kind is fixed, window or ongoing.")
                }
                guard let starts = body.startsAt.flatMap(Self.time), let ends = body.endsAt.flatMap(Self.time) else {
                    throw SocietyProblem.invalid(
                        "shifts[\(index)].startsAt", zh: "时间须为 RFC 3339 格式。", en: "Times are RFC 3339 date-times.")
                }
                return ShiftPlan(
                    kind: kind, startsAt: starts, endsAt: ends, capacity: body.capacity ?? 0,
                    maxMinutes: body.maxMinutes)
            }
            return ActivityPlan(
                communityCode: communityCode, organizationID: self.organizationId, title: self.title ?? "",
                description: self.description ?? "", place: self.place ?? "", lat: lat, lon: lon,
                skills: self.skills ?? [], shifts: shifts)
        }

        static func time(_ text: String) -> Int64? {
            let formatter = ISO8601DateFormatter()
            return formatter.date(from: text).map { Int64($0.timeIntervalSince1970) }
        }
    }

    /// The body of `POST /api/v1/society/hours/{id}/review`.
    struct ReviewBody: Decodable {
        let decision: String?
        let note: String?
    }

    func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/society/activities") { request, context in
            let query = try QueryParameters(request, allowed: ["division", "cursor", "limit"])
            let division = query.string("division") ?? "510100"
            guard division.count <= 12, division.allSatisfy(\.isNumber) else {
                throw Problem.invalidParameter("division", zh: "区划代码无效。", en: "division is a division code.")
            }
            let limit = try query.int("limit", in: 1...100, default: 20)
            let after = try query.string("cursor").map { try Cursor(token: $0).after }
            let (items, more) = try await self.service.activities.activities(
                inside: Authorization.scopePrefix(division), after: after, limit: limit)
            return Page(
                items: items.map { ActivityView($0, shifts: nil, organizer: false) },
                nextCursor: more ? items.last.map { Cursor(after: "\($0.createdAt)|\($0.id)").token } : nil)
        }
        api.on(.post, "/api/v1/society/activities") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
            let body = try await request.decode(as: ActivityBody.self, context: context)
            let (activity, shifts) = try await self.service.post(try body.plan(), by: principal)
            return try SocietyJSON.response(
                ActivityView(activity, shifts: shifts, organizer: true), status: .created,
                location: "/api/v1/society/activities/\(activity.id)")
        }
        api.on(.get, "/api/v1/society/activities/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let activity = try await self.service.activity(try context.parameters.require("id"))
            var organizer = false
            if let principal = context.principal { organizer = try await self.service.organizes(principal, activity) }
            return ActivityView(
                activity, shifts: try await self.service.activities.shifts(of: activity.id), organizer: organizer)
        }
        api.on(.get, "/api/v1/society/shifts/{id}/signups") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
            let (shift, activity) = try await self.service.shift(try context.parameters.require("id"))
            guard try await self.service.organizes(principal, activity) else { throw AuthorizationProblem.forbidden }
            return Page(items: try await self.service.signups.roster(shift.id).map(SignupView.init), nextCursor: nil)
        }
        api.on(.get, "/api/v1/society/hours") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
            let waiting = try await self.waiting(principal)
            return Page(items: waiting.map { HoursView($0.record, title: $0.title) }, nextCursor: nil)
        }
        api.on(.post, "/api/v1/society/hours/{id}/review") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
            let body = try await request.decode(as: ReviewBody.self, context: context)
            guard let decision = body.decision, ["verify", "dispute"].contains(decision) else {
                throw SocietyProblem.invalid(
                    "decision", zh: "决定为 verify 或 dispute。", en: "decision is verify or dispute.")
            }
            return HoursView(
                try await self.service.review(
                    principal, hours: try context.parameters.require("id"), verify: decision == "verify",
                    note: body.note ?? ""))
        }
    }

    /// The reports waiting for `principal`'s review: in the official's scope, or of the organizations the resident
    /// manages.
    func waiting(_ principal: Principal) async throws -> [(record: HourRecord, title: String, volunteer: String)] {
        if principal.role == .resident {
            return try await self.service.hours.waiting(
                inside: nil, organizations: try await self.service.organizations.managed(by: principal.subject))
        }
        let official = try Authorization.requireRole(principal, .organizeVolunteering)
        return try await self.service.hours.waiting(
            inside: Authorization.scopePrefix(official.scope ?? "-"), organizations: [])
    }
}
