import Foundation
import Platform
import SQLKit
import Society
import TestSupport
import Testing

/// Check-in and check-out at the place, reported hours, the organizer's review, milestones and reminders.
@Suite struct AttendanceTests {
    @Test(arguments: TestBackend.available)
    func checkInRefusesBadCodeDistanceAndTime(_ backend: TestBackend) async throws {
        try await SocietyFixture.with(backend) { service, _, clock in
            try await SocietyFixture.volunteers(2, service)
            let start = clock.now + 86_400
            let (_, shifts) = try await SocietyFixture.activity(service, shifts: [(start, start + 7200, 1)])
            let shift = shifts[0]
            let volunteer = SocietyFixture.resident(1)
            let signup = try await service.signUp(volunteer, shift: shift.id)
            let waiting = try await service.signUp(SocietyFixture.resident(2), shift: shift.id)
            let here = Presence(code: shift.checkinCode, lat: SocietyFixture.place.lat, lon: SocietyFixture.place.lon)
            // Too early (more than 30 minutes before the start).
            clock.set(start - 3600)
            #expect(
                await problemCode { _ = try await service.checkIn(volunteer, signup: signup.id, at: here) }
                    == "checkin_outside_window")
            clock.set(start - 600)
            let wrong = Presence(code: "WRONGCODE", lat: here.lat, lon: here.lon)
            #expect(
                await problemCode { _ = try await service.checkIn(volunteer, signup: signup.id, at: wrong) }
                    == "checkin_code_invalid")
            // About 450 m north of the place.
            let away = Presence(code: shift.checkinCode, lat: here.lat + 0.004, lon: here.lon)
            #expect(
                await problemCode { _ = try await service.checkIn(volunteer, signup: signup.id, at: away) }
                    == "checkin_too_far")
            // Someone else's sign-up, and a waitlisted one.
            #expect(
                await problemCode {
                    _ = try await service.checkIn(SocietyFixture.resident(2), signup: signup.id, at: here)
                } == "signup_not_found")
            #expect(
                await problemCode {
                    _ = try await service.checkIn(SocietyFixture.resident(2), signup: waiting.id, at: here)
                } == "signup_state")
            // Check-out before check-in.
            #expect(
                await problemCode { _ = try await service.checkOut(volunteer, signup: signup.id, at: here) }
                    == "signup_state")
            // 200 m away is fine; the code is not case-sensitive.
            let near = Presence(code: shift.checkinCode.lowercased(), lat: here.lat + 0.0018, lon: here.lon)
            let checkedIn = try await service.checkIn(volunteer, signup: signup.id, at: near)
            #expect(checkedIn.checkedInAt == start - 600)
            #expect(
                await problemCode { _ = try await service.checkIn(volunteer, signup: signup.id, at: here) }
                    == "signup_state")
            #expect(await problemCode { _ = try await service.cancel(volunteer, signup: signup.id) } == "signup_state")
            // Checked out 3 hours later: credited the shift's 120 minutes, not 190.
            clock.set(start + 3 * 3600)
            let (_, hours) = try await service.checkOut(volunteer, signup: signup.id, at: here)
            #expect(hours.minutes == 120)
            #expect(hours.status == .reported)
        }
    }

    @Test(arguments: TestBackend.available)
    func hoursAreReportedThenVerifiedOnce(_ backend: TestBackend) async throws {
        try await SocietyFixture.with(backend) { service, database, clock in
            try await SocietyFixture.volunteers(1, service)
            let volunteer = SocietyFixture.resident(1)
            var start = clock.now + 3600
            let (_, shifts) = try await SocietyFixture.activity(service, shifts: [(start, start + 7200, 3)])
            let signup = try await service.signUp(volunteer, shift: shifts[0].id)
            #expect(
                await problemCode {
                    _ = try await service.reportHours(volunteer, signup: signup.id, minutes: 60, note: "")
                } == "signup_state")
            clock.set(start + 7200)
            #expect(
                await problemCode {
                    _ = try await service.reportHours(volunteer, signup: signup.id, minutes: 121, note: "")
                } == "hours_over_shift")
            #expect(
                await problemCode {
                    _ = try await service.reportHours(volunteer, signup: signup.id, minutes: 0, note: "")
                } == "invalid_input")
            let first = try await service.reportHours(volunteer, signup: signup.id, minutes: 100, note: "")
            let corrected = try await service.reportHours(volunteer, signup: signup.id, minutes: 110, note: "晚走了10分钟")
            #expect(corrected.id == first.id)
            #expect(corrected.minutes == 110)
            // Who may review: not the volunteer, not another community's worker; a dispute needs a reason.
            #expect(
                await problemCode { _ = try await service.review(volunteer, hours: first.id, verify: true, note: "") }
                    == "hours_not_found")
            #expect(
                await problemCode {
                    _ = try await service.review(SocietyFixture.workerC, hours: first.id, verify: true, note: "")
                } == "forbidden")
            #expect(
                await problemCode {
                    _ = try await service.review(SocietyFixture.workerA, hours: first.id, verify: false, note: " ")
                } == "invalid_input")
            let disputed = try await service.review(
                SocietyFixture.workerA, hours: first.id, verify: false, note: "签退时间不符")
            #expect(disputed.status == .disputed)
            // Resubmitted after a dispute, then verified by the district.
            _ = try await service.reportHours(volunteer, signup: signup.id, minutes: 90, note: "按签到记录")
            let verified = try await service.review(SocietyFixture.district, hours: first.id, verify: true, note: "")
            #expect(verified.status == .verified)
            #expect(
                await problemCode {
                    _ = try await service.review(SocietyFixture.workerA, hours: first.id, verify: true, note: "")
                } == "hours_reviewed")
            #expect(
                await problemCode {
                    _ = try await service.reportHours(volunteer, signup: signup.id, minutes: 60, note: "")
                } == "hours_reviewed")
            #expect(try await service.volunteers.volunteer(volunteer.subject)?.verifiedMinutes == 90)

            // Five more verified shifts of 2 hours cross the 10-hour milestone once.
            for _ in 0..<5 {
                start = clock.now + 3600
                let (_, more) = try await SocietyFixture.activity(service, shifts: [(start, start + 7200, 3)])
                let next = try await service.signUp(volunteer, shift: more[0].id)
                clock.set(start + 7200)
                let report = try await service.reportHours(volunteer, signup: next.id, minutes: 120, note: "")
                _ = try await service.review(SocietyFixture.workerA, hours: report.id, verify: true, note: "")
            }
            #expect(try await service.volunteers.volunteer(volunteer.subject)?.verifiedMinutes == 690)
            #expect(try await service.volunteers.recognitions(volunteer.subject).map(\.hours) == [10])
            let topics = try await database.withConnection { sql in
                try await sql.select().column("topic").from("notifications").where("account_id", .equal, "resident-1")
                    .all().map { try $0.decode(column: "topic", as: String.self) }
            }
            #expect(topics.filter { $0 == "society.recognition" }.count == 1)
            #expect(topics.filter { $0 == "society.hours.verified" }.count == 6)
            #expect(topics.filter { $0 == "society.hours.disputed" }.count == 1)
            // The rollups agree with the records.
            let city = try await service.statistics.children(of: "510100")
            #expect(city.map(\.code) == ["510104"])
            #expect(city.first?.verifiedMinutes == 690)
            #expect(city.first?.volunteers == 1)
            for code in ["510100", "510104", "510104003", SocietyFixture.communityA] {
                #expect(try await service.statistics.totals(of: code).verifiedMinutes == 690, "\(code)")
                let months = try await service.statistics.monthly(of: code, since: "2000-01")
                #expect(months.map(\.verifiedMinutes).reduce(0, +) == 690)
                #expect(months.allSatisfy { $0.activeVolunteers == 1 })
            }
            #expect(try await service.statistics.totals(of: "510105").verifiedMinutes == 0)
        }
    }

    @Test(arguments: TestBackend.available)
    func remindersGoOutOnce(_ backend: TestBackend) async throws {
        try await SocietyFixture.with(backend) { service, database, clock in
            try await SocietyFixture.volunteers(3, service)
            let soon = clock.now + 3 * 3600
            let later = clock.now + 3 * 86_400
            let (_, shifts) = try await SocietyFixture.activity(
                service, shifts: [(soon, soon + 3600, 2), (later, later + 3600, 2)])
            for n in 1...3 { _ = try await service.signUp(SocietyFixture.resident(n), shift: shifts[0].id) }
            _ = try await service.signUp(SocietyFixture.resident(3), shift: shifts[1].id)
            #expect(try await service.remindUpcoming() == 2)  // the waitlisted third is not reminded
            #expect(try await service.remindUpcoming() == 0)
            clock.set(later - 3600)
            #expect(try await service.remindUpcoming() == 1)
            let count = try await database.withConnection { sql in
                try await sql.select().column("id").from("notifications").where(
                    "topic", .equal, "society.shift.reminder"
                )
                .all().count
            }
            #expect(count == 3)
        }
    }
}
