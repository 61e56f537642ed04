import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Platform

/// The volunteer's own API: opt in, sign-ups, check-in and check-out, hours and the downloadable record.
struct VolunteerAPI: Sendable {
    let service: VolunteerService

    /// The body of check-in and check-out.
    struct PresenceBody: Decodable {
        let code: String?
        let lat: Double?
        let lon: Double?

        func presence() throws -> Presence {
            guard let code, !code.isEmpty, code.count <= 64 else { throw SocietyProblem.wrongCode }
            guard let lat, let lon else {
                throw SocietyProblem.invalid("lat", zh: "请允许获取位置。", en: "Send the phone's position (lat, lon).")
            }
            return Presence(code: code, lat: lat, lon: lon)
        }
    }

    /// The body of `POST /api/v1/society/signups/{id}/hours`.
    struct HoursBody: Decodable {
        let minutes: Int?
        let note: String?
    }

    func register(on api: APIRoutes) {
        api.on(.put, "/api/v1/society/volunteers/me") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let resident = try Authorization.requireResident(context.principal)
            let body = try await request.decode(as: VolunteerService.OptIn.self, context: context)
            return VolunteerView(try await self.service.optIn(resident, body))
        }
        api.on(.get, "/api/v1/society/volunteers/me") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let resident = try Authorization.requireResident(context.principal)
            guard let volunteer = try await self.service.volunteers.volunteer(resident.subject) else {
                throw SocietyProblem.notFound("volunteer", resident.subject)
            }
            return VolunteerView(volunteer)
        }
        api.on(.get, "/api/v1/society/volunteers/me/signups") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let resident = try Authorization.requireResident(context.principal)
            return Page(
                items: try await self.service.signups.mine(resident.subject).map(SignupView.init), nextCursor: nil)
        }
        api.on(.get, "/api/v1/society/volunteers/me/hours") { request, context in
            let resident = try Authorization.requireResident(context.principal)
            let query = try QueryParameters(request, allowed: ["format"])
            let record = try await VolunteerRecord.load(resident.subject, service: self.service)
            switch query.string("format") ?? "json" {
            case "csv":
                return Response(
                    status: .ok,
                    headers: [
                        .contentType: "text/csv; charset=utf-8",
                        .contentDisposition: "attachment; filename=\"volunteer-hours.csv\"",
                    ], body: .init(byteBuffer: ByteBuffer(string: record.csv())))
            case "json": return try SocietyJSON.response(record)
            default:
                throw Problem.invalidParameter("format", zh: "format 只能为 json 或 csv。", en: "format is json or csv.")
            }
        }
        api.on(.post, "/api/v1/society/shifts/{id}/signups") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let resident = try Authorization.requireResident(context.principal)
            let signup = try await self.service.signUp(resident, shift: try context.parameters.require("id"))
            return try SocietyJSON.response(SignupView(signup), status: .created)
        }
        api.on(.delete, "/api/v1/society/signups/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let resident = try Authorization.requireResident(context.principal)
            return SignupView(try await self.service.cancel(resident, signup: try context.parameters.require("id")))
        }
        api.on(.post, "/api/v1/society/signups/{id}/check-in") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let resident = try Authorization.requireResident(context.principal)
            let body = try await request.decode(as: PresenceBody.self, context: context)
            let signup = try await self.service.checkIn(
                resident, signup: try context.parameters.require("id"), at: try body.presence())
            return SignupView(signup)
        }
        api.on(.post, "/api/v1/society/signups/{id}/check-out") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let resident = try Authorization.requireResident(context.principal)
            let body = try await request.decode(as: PresenceBody.self, context: context)
            let (_, hours) = try await self.service.checkOut(
                resident, signup: try context.parameters.require("id"), at: try body.presence())
            return HoursView(hours)
        }
        api.on(.post, "/api/v1/society/signups/{id}/hours") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let resident = try Authorization.requireResident(context.principal)
            let body = try await request.decode(as: HoursBody.self, context: context)
            guard let minutes = body.minutes else {
                throw SocietyProblem.invalid("minutes", zh: "请填写服务分钟数。", en: "Give the minutes served.")
            }
            return HoursView(
                try await self.service.reportHours(
                    resident, signup: try context.parameters.require("id"), minutes: minutes, note: body.note ?? ""))
        }
    }
}

/// A volunteer's record: verified total, recognitions and every report (the downloadable record).
struct VolunteerRecord: ResponseEncodable {
    /// One line of the record.
    struct Line: Encodable {
        let activity: String
        let minutes: Int
        let status: String
        let reportedAt: String
        let reviewedAt: String?
    }

    let verifiedHours: Double
    let recognitions: [Int]
    let items: [Line]

    static func load(_ account: String, service: VolunteerService) async throws -> VolunteerRecord {
        guard let volunteer = try await service.volunteers.volunteer(account) else {
            throw SocietyProblem.notAVolunteer
        }
        let lines = try await service.hours.of(account).map {
            Line(
                activity: $0.title, minutes: $0.record.minutes, status: $0.record.status.rawValue,
                reportedAt: CityClock.rfc3339($0.record.reportedAt),
                reviewedAt: $0.record.reviewedAt.map(CityClock.rfc3339))
        }
        return VolunteerRecord(
            verifiedHours: Double(volunteer.verifiedMinutes) / 60,
            recognitions: try await service.volunteers.recognitions(account).map(\.hours), items: lines)
    }

    /// The record as CSV (RFC 4180), verified lines and the others marked by status.
    func csv() -> String {
        var out = "activity,minutes,status,reported_at,reviewed_at\r\n"
        for line in self.items {
            let activity = "\"" + line.activity.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            // A leading = + - @ would run as a formula in a spreadsheet.
            let safe = line.activity.first.map { "=+-@".contains($0) } == true ? "\"'" + activity.dropFirst() : activity
            out += "\(safe),\(line.minutes),\(line.status),\(line.reportedAt),\(line.reviewedAt ?? "")\r\n"
        }
        return out + "verified_hours,\(SocietyFormat.hours(Int64((self.verifiedHours * 60).rounded()))),,,\r\n"
    }
}
