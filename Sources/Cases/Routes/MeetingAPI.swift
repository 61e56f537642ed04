import Hummingbird
import Platform

/// Joint meetings: call one (agenda from escalated cases), record decisions, publish minutes; published minutes
/// are public.
public struct MeetingAPI: Sendable {
    let service: CaseService

    public init(service: CaseService) {
        self.service = service
    }

    /// The body of `POST /api/v1/cases/meetings/{id}/minutes`.
    struct MinutesBody: Decodable {
        let minutes: String?
    }

    /// Meetings as listed.
    struct MeetingList: ResponseEncodable {
        let items: [JointMeeting]
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/cases/meetings") { request, context in
            let query = try QueryParameters(request, allowed: ["division"])
            let division = query.string("division") ?? ""
            // Officials see their scope's planned meetings too; everybody sees published minutes.
            var planned = false
            if let principal = context.principal, let scope = principal.scope,
                Authorization.permits(principal, .handleCases, divisionCode: division.isEmpty ? scope : division)
            {
                planned = true
            }
            let prefix = division.isEmpty ? (context.principal?.scope.map(Authorization.scopePrefix) ?? "") : division
            return MeetingList(
                items: try await self.service.meetings.list(under: prefix, publishedOnly: !planned, limit: 100))
        }
        api.on(.post, "/api/v1/cases/meetings") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let official = try Authorization.requireRole(context.principal, .holdJointMeetings)
            let body = try await CaseAPI.decode(MeetingInput.self, request, context)
            let meeting = try await self.service.callMeeting(body, by: official)
            var response = try meeting.response(from: request, context: context)
            response.status = .created
            return response
        }
        api.on(.get, "/api/v1/cases/meetings/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return try await self.service.meeting(try context.parameters.require("id"), for: context.principal)
        }
        api.on(.post, "/api/v1/cases/meetings/{id}/decisions") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let official = try Authorization.requireRole(context.principal, .holdJointMeetings)
            let body = try await CaseAPI.decode(DecisionInput.self, request, context)
            return try await self.service.decide(try context.parameters.require("id"), body, by: official)
        }
        api.on(.post, "/api/v1/cases/meetings/{id}/minutes") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let official = try Authorization.requireRole(context.principal, .holdJointMeetings)
            let body = try await CaseAPI.decode(MinutesBody.self, request, context)
            return try await self.service.publishMinutes(
                try context.parameters.require("id"), minutes: body.minutes ?? "", by: official)
        }
    }
}
