import Crypto
import Foundation
import Platform
import SQLKit

/// Where a phone is when it checks in or out, and the code it scanned at the place.
public struct Presence: Sendable {
    public var code: String
    public var lat: Double
    public var lon: Double

    public init(code: String, lat: Double, lon: Double) {
        self.code = code
        self.lat = lat
        self.lon = lon
    }
}

extension VolunteerService {
    /// Checks a confirmed volunteer in: the code of the place's QR, from 30 minutes before the shift until its end,
    /// within 300 m of the place.
    public func checkIn(_ principal: Principal, signup id: String, at presence: Presence) async throws -> Signup {
        let now = self.clock()
        return try await self.database.transaction { sql in
            let (signup, shift, _) = try await self.attendance(principal, id, presence, now: now, on: sql)
            guard signup.checkedInAt == nil else {
                throw SocietyProblem.wrongState(zh: "您已签到。", en: "You have checked in already.")
            }
            if shift.kind != .ongoing {
                guard now >= shift.startsAt - Shift.earlyCheckin, now <= shift.endsAt else {
                    throw SocietyProblem.outsideWindow
                }
            }
            try await self.signups.checkIn(id, at: now, on: sql)
            return Self.with(signup, checkedIn: now, checkedOut: nil)
        }
    }

    /// Checks a volunteer out at the place (until an hour after the shift ends) and reports the time between check-in
    /// and check-out, capped at the shift's length, for the organizer to verify.
    public func checkOut(_ principal: Principal, signup id: String, at presence: Presence) async throws -> (
        Signup, HourRecord
    ) {
        let now = self.clock()
        return try await self.database.transaction { sql in
            let (signup, shift, activity) = try await self.attendance(principal, id, presence, now: now, on: sql)
            guard let checkedIn = signup.checkedInAt, signup.checkedOutAt == nil else {
                throw SocietyProblem.wrongState(zh: "请先签到；签退只能一次。", en: "Check in first; check out only once.")
            }
            guard shift.kind == .ongoing || now <= shift.endsAt + 3600 else { throw SocietyProblem.outsideWindow }
            try await self.signups.checkOut(id, at: now, on: sql)
            let minutes = max(1, min(Int((now - checkedIn) / 60), shift.maxMinutes))
            let record = try await self.report(
                signup, activity: activity, minutes: minutes, note: "签到签退 / check-in and check-out", at: now, on: sql)
            return (Self.with(signup, checkedIn: checkedIn, checkedOut: now), record)
        }
    }

    /// Reports (or corrects, before review) the minutes served on a confirmed sign-up whose shift has started; at
    /// most the shift's length.
    public func reportHours(_ principal: Principal, signup id: String, minutes: Int, note: String) async throws
        -> HourRecord
    {
        let now = self.clock()
        guard note.count <= 500 else {
            throw SocietyProblem.invalid("note", zh: "说明不超过500字。", en: "The note has at most 500 characters.")
        }
        return try await self.database.transaction { sql in
            guard let signup = try await self.signups.signup(id, on: sql), signup.accountID == principal.subject,
                let shift = try await self.activities.shift(signup.shiftID, on: sql),
                let activity = try await self.activities.activity(shift.activityID, on: sql)
            else { throw SocietyProblem.notFound("signup", id) }
            guard signup.status == .confirmed else {
                throw SocietyProblem.wrongState(zh: "只有已确认的报名可申报时长。", en: "Only a confirmed sign-up can report hours.")
            }
            guard now >= shift.startsAt else {
                throw SocietyProblem.wrongState(zh: "班次尚未开始。", en: "The shift has not started yet.")
            }
            guard minutes >= 1 else {
                throw SocietyProblem.invalid("minutes", zh: "时长至少1分钟。", en: "At least one minute.")
            }
            guard minutes <= shift.maxMinutes else { throw SocietyProblem.overShift(shift.maxMinutes) }
            return try await self.report(signup, activity: activity, minutes: minutes, note: note, at: now, on: sql)
        }
    }

    /// Writes the report of a sign-up: a new one, or the open one amended.
    func report(
        _ signup: Signup, activity: VolunteerActivity, minutes: Int, note: String, at now: Int64,
        on sql: any SQLDatabase
    ) async throws -> HourRecord {
        let community = try await self.volunteers.volunteer(signup.accountID, on: sql)?.communityCode
        if let existing = try await self.hours.report(signup: signup.id, on: sql) {
            guard try await self.hours.amend(existing.id, minutes: minutes, note: note, at: now, on: sql) else {
                throw SocietyProblem.alreadyReviewed
            }
            return try await self.hours.record(existing.id, on: sql) ?? existing
        }
        let record = HourRecord(
            id: SortableID.make(), signupID: signup.id, accountID: signup.accountID, activityID: activity.id,
            communityCode: community ?? activity.communityCode, minutes: minutes, status: .reported, note: note,
            reportedAt: now, reviewedBy: nil, reviewedAt: nil, reviewNote: nil)
        try await self.hours.insert(record, on: sql)
        return record
    }

    /// The caller's confirmed sign-up with its shift and activity, after checking the code and the distance.
    func attendance(_ principal: Principal, _ id: String, _ presence: Presence, now: Int64, on sql: any SQLDatabase)
        async throws -> (Signup, Shift, VolunteerActivity)
    {
        guard let signup = try await self.signups.signup(id, on: sql), signup.accountID == principal.subject,
            let shift = try await self.activities.shift(signup.shiftID, on: sql),
            let activity = try await self.activities.activity(shift.activityID, on: sql)
        else { throw SocietyProblem.notFound("signup", id) }
        guard signup.status == .confirmed else {
            throw SocietyProblem.wrongState(
                zh: "您的报名尚未确认（候补中或已取消）。", en: "Your sign-up is not confirmed (waitlisted or cancelled).")
        }
        let sent = SHA256.hash(data: Data(presence.code.uppercased().utf8))
        let expected = SHA256.hash(data: Data(shift.checkinCode.utf8))
        // Compare digests, so the time taken says nothing about the code.
        guard sent == expected else { throw SocietyProblem.wrongCode }
        guard presence.lat.isFinite, presence.lon.isFinite, abs(presence.lat) <= 90, abs(presence.lon) <= 180 else {
            throw SocietyProblem.invalid("lat", zh: "位置无效。", en: "The position is not valid.")
        }
        let distance = activity.distance(lat: presence.lat, lon: presence.lon)
        guard distance <= SocietyLimits.checkinRadius else { throw SocietyProblem.tooFar(distance) }
        return (signup, shift, activity)
    }

    static func with(_ signup: Signup, checkedIn: Int64?, checkedOut: Int64?) -> Signup {
        Signup(
            id: signup.id, shiftID: signup.shiftID, accountID: signup.accountID, status: signup.status,
            position: signup.position, createdAt: signup.createdAt, promotedAt: signup.promotedAt,
            checkedInAt: checkedIn, checkedOutAt: checkedOut)
    }
}
