import Foundation
import Hummingbird
import NIOCore
import Platform

extension SocietyPages {
    /// `/society/me` and the record of hours with its CSV download.
    func registerMine(on router: Router<AppRequestContext>) {
        router.get("/society/me") { request, context in
            let query = try QueryParameters(request, allowed: ["error"])
            guard let principal = context.principal else { return WebForm.signInRedirect(returningTo: "/society/me") }
            try Authorization.requireResident(principal)
            let now = CityClock.now()
            var rows: [SocietyPageModels.MineRow] = []
            for signup in try await self.service.signups.mine(principal.subject) {
                guard let (shift, activity) = try? await self.service.shift(signup.shiftID) else { continue }
                rows.append(
                    SocietyPageModels.MineRow(
                        id: signup.id, activityId: activity.id, title: activity.title,
                        when: SocietyPageModels.when(shift),
                        status: SocietyStrings.label(signup.status.rawValue, context.locale), position: signup.position,
                        checkedIn: signup.checkedInAt != nil, checkedOut: signup.checkedOutAt != nil,
                        canReport: signup.status == .confirmed && now >= shift.startsAt, maxMinutes: shift.maxMinutes))
            }
            let model = SocietyPageModels.Mine(items: rows, empty: rows.isEmpty, error: query.string("error"))
            return self.render("society-mine", "my_signups", model, request, context)
        }
        router.get("/society/me/hours") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else {
                return WebForm.signInRedirect(returningTo: "/society/me/hours")
            }
            try Authorization.requireResident(principal)
            guard try await self.service.volunteers.volunteer(principal.subject) != nil else {
                return WebForm.redirect("/society")
            }
            let record = try await VolunteerRecord.load(principal.subject, service: self.service)
            let lines = try await self.service.hours.of(principal.subject)
            let model = SocietyPageModels.Hours(
                verifiedHours: SocietyFormat.hours(Int64((record.verifiedHours * 60).rounded())),
                recognitions: record.recognitions, hasRecognitions: !record.recognitions.isEmpty,
                items: lines.map {
                    SocietyPageModels.HoursRow(
                        title: $0.title, minutes: $0.record.minutes,
                        status: SocietyStrings.label($0.record.status.rawValue, context.locale),
                        statusCode: $0.record.status.rawValue, reported: CityClock.localDateTime($0.record.reportedAt),
                        reviewNote: $0.record.reviewNote.flatMap { $0.isEmpty ? nil : $0 })
                }, empty: lines.isEmpty)
            return self.render("society-hours", "my_hours", model, request, context)
        }
        router.get("/society/me/hours.csv") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else {
                return WebForm.signInRedirect(returningTo: "/society/me/hours")
            }
            try Authorization.requireResident(principal)
            let record = try await VolunteerRecord.load(principal.subject, service: self.service)
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"volunteer-hours.csv\"", .cacheControl: "no-store",
                ], body: .init(byteBuffer: ByteBuffer(string: record.csv())))
        }
    }

    /// The check-in page the place's QR code opens, and its form.
    func registerCheckin(on router: Router<AppRequestContext>) {
        router.get("/society/checkin/{shift}") { request, context in
            let query = try QueryParameters(request, allowed: ["code", "error", "done", "lat", "lon"])
            let shiftID = try context.parameters.require("shift")
            let code = String((query.string("code") ?? "").prefix(64))
            guard let principal = context.principal else {
                let back =
                    "/society/checkin/\(shiftID)?code=\(code.addingPercentEncoding(withAllowedCharacters: WebForm.unreserved) ?? "")"
                return WebForm.signInRedirect(returningTo: back)
            }
            let (shift, activity) = try await self.service.shift(shiftID)
            let signup = try await self.service.signups.mine(principal.subject).first { $0.shiftID == shift.id }
            let done = query.string("done")
            let model = SocietyPageModels.Checkin(
                shiftId: shift.id, code: code, title: activity.title, place: activity.place,
                when: SocietyPageModels.when(shift), signedUp: signup?.status == .confirmed,
                checkedIn: signup?.checkedInAt != nil, checkedOut: signup?.checkedOutAt != nil,
                lat: query.string("lat") ?? "", lon: query.string("lon") ?? "",
                message: done.map { SocietyStrings.label($0 == "out" ? "checked_out" : "checked_in", context.locale) },
                error: query.string("error"))
            return self.render("society-checkin", "checkin_title", model, request, context)
        }
        router.post("/society/checkin/{shift}") { request, context in
            let shiftID = try context.parameters.require("shift")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            let code = fields["code"] ?? ""
            let encoded = code.addingPercentEncoding(withAllowedCharacters: WebForm.unreserved) ?? ""
            let position = "&lat=\(Double(fields["lat"] ?? "") ?? 0)&lon=\(Double(fields["lon"] ?? "") ?? 0)"
            let back = "/society/checkin/\(shiftID)?code=\(encoded)" + position
            return try await self.attempt(back) {
                guard
                    let signup = try await self.service.signups.mine(principal.subject).first(where: {
                        $0.shiftID == shiftID
                    })
                else { throw SocietyProblem.notFound("signup", shiftID) }
                guard let lat = Double(fields["lat"] ?? ""), let lon = Double(fields["lon"] ?? "") else {
                    throw SocietyProblem.invalid("lat", zh: "请填写或获取您的位置。", en: "Give or fetch your position.")
                }
                let presence = Presence(code: code, lat: lat, lon: lon)
                if fields["action"] == "out" {
                    _ = try await self.service.checkOut(principal, signup: signup.id, at: presence)
                    return back + "&done=out"
                }
                _ = try await self.service.checkIn(principal, signup: signup.id, at: presence)
                return back + "&done=in"
            }
        }
    }
}
