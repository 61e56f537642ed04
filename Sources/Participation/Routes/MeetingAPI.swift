import Foundation
import Hummingbird
import Platform

/// The council meetings API: public listings and agendas with decisions and minutes; officials call meetings,
/// record attendance and decisions and publish minutes; residents of the community register.
public struct MeetingAPI: Sendable {
    let service: MeetingService

    public init(service: MeetingService) {
        self.service = service
    }

    /// The attendance an official records.
    struct Attendance: Decodable {
        let present: Int
    }

    /// The minutes an official publishes.
    struct Minutes: Decodable {
        let minutes: String
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        let base = "/api/v1/participation"
        api.on(.get, "\(base)/communities/{code}/meetings") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return Page(
                items: try await self.service.meetings.meetings(community: try context.parameters.require("code")),
                nextCursor: nil)
        }
        api.on(.post, "\(base)/communities/{code}/meetings") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let body = try await request.decode(as: MeetingService.NewMeeting.self, context: context)
            let meeting = try await self.service.call(
                community: try context.parameters.require("code"), body, by: context.principal)
            return EditedResponse(status: .created, response: meeting)
        }
        api.on(.get, "\(base)/meetings/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return try await self.service.meeting(try context.parameters.require("id"))
        }
        api.on(.put, "\(base)/meetings/{id}/registration") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return try await self.service.register(
                try context.parameters.require("id"), attending: true, by: context.principal)
        }
        api.on(.delete, "\(base)/meetings/{id}/registration") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return try await self.service.register(
                try context.parameters.require("id"), attending: false, by: context.principal)
        }
        api.on(.post, "\(base)/meetings/{id}/attendance") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let body = try await request.decode(as: Attendance.self, context: context)
            return try await self.service.recordAttendance(
                try context.parameters.require("id"), present: body.present, by: context.principal)
        }
        api.on(.post, "\(base)/meetings/{id}/items/{position}/decision") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let position = Int(try context.parameters.require("position")) else {
                throw ParticipationProblem.meetingItemNotFound
            }
            let body = try await request.decode(as: MeetingService.Decision.self, context: context)
            return try await self.service.decide(
                try context.parameters.require("id"), position: position, body, by: context.principal)
        }
        api.on(.post, "\(base)/meetings/{id}/minutes") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let body = try await request.decode(as: Minutes.self, context: context)
            return try await self.service.publish(
                try context.parameters.require("id"), minutes: body.minutes, by: context.principal)
        }
    }
}

extension CouncilMeeting: ResponseEncodable {}
