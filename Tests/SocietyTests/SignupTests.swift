import Foundation
import Platform
import SQLKit
import Society
import TestSupport
import Testing

/// Sign-ups: capacity, the waitlist and its promotion, overlapping shifts, and a flood of sign-ups on one shift.
@Suite struct SignupTests {
    @Test(arguments: TestBackend.available)
    func waitlistPromotesInOrder(_ backend: TestBackend) async throws {
        try await SocietyFixture.with(backend) { service, database, clock in
            try await SocietyFixture.volunteers(4, service)
            let start = clock.now + 86_400
            let (_, shifts) = try await SocietyFixture.activity(service, shifts: [(start, start + 7200, 2)])
            let shift = shifts[0].id
            var signups: [Signup] = []
            for n in 1...4 { signups.append(try await service.signUp(SocietyFixture.resident(n), shift: shift)) }
            #expect(signups.map(\.status) == [.confirmed, .confirmed, .waitlisted, .waitlisted])
            #expect(signups.map(\.position) == [1, 2, 3, 4])
            #expect(
                await problemCode { _ = try await service.signUp(SocietyFixture.resident(1), shift: shift) }
                    == "already_signed_up")
            // Not a volunteer.
            #expect(
                await problemCode { _ = try await service.signUp(SocietyFixture.resident(9), shift: shift) }
                    == "volunteer_required")
            // Another resident cannot cancel someone's sign-up.
            #expect(
                await problemCode { _ = try await service.cancel(SocietyFixture.resident(3), signup: signups[0].id) }
                    == "signup_not_found")
            _ = try await service.cancel(SocietyFixture.resident(1), signup: signups[0].id)
            let roster = try await service.signups.roster(shift)
            #expect(roster.map(\.status) == [.cancelled, .confirmed, .confirmed, .waitlisted])
            #expect(roster[2].promotedAt != nil)
            #expect(try await service.activities.shift(shift)?.confirmed == 2)
            let notices = try await database.withConnection { sql in
                try await sql.select().column("account_id").from("notifications")
                    .where("topic", .equal, "society.signup.promoted").all()
                    .map { try $0.decode(column: "account_id", as: String.self) }
            }
            #expect(notices == ["resident-3"])
            // Cancelling a waitlisted place promotes nobody; re-joining goes to the end of the line.
            _ = try await service.cancel(SocietyFixture.resident(4), signup: signups[3].id)
            let again = try await service.signUp(SocietyFixture.resident(1), shift: shift)
            #expect(again.status == .waitlisted)
            #expect(again.position == 5)
        }
    }

    @Test(arguments: TestBackend.available)
    func overlappingFixedShiftsAreRefused(_ backend: TestBackend) async throws {
        try await SocietyFixture.with(backend) { service, _, clock in
            try await SocietyFixture.volunteers(1, service)
            let start = clock.now + 86_400
            let times: [(Int64, Int64, Int)] = [
                (start, start + 7200, 5), (start + 3600, start + 10_800, 5), (start + 7200, start + 9000, 5),
            ]
            let (_, shifts) = try await SocietyFixture.activity(service, shifts: times)
            let volunteer = SocietyFixture.resident(1)
            _ = try await service.signUp(volunteer, shift: shifts[0].id)
            #expect(
                await problemCode { _ = try await service.signUp(volunteer, shift: shifts[1].id) } == "shift_overlap")
            // Back to back is not an overlap.
            #expect(try await service.signUp(volunteer, shift: shifts[2].id).status == .confirmed)
            // Window shifts do not block: any time in the window.
            let (_, window) = try await SocietyFixture.activity(
                service, shifts: [(start, start + 86_400, 5)], kind: .window, maxMinutes: 120)
            #expect(try await service.signUp(volunteer, shift: window[0].id).status == .confirmed)
            #expect(
                await problemCode { _ = try await service.signUp(volunteer, shift: shifts[0].id) }
                    == "already_signed_up")
            clock.set(start + 20_000)
            let (_, later) = try await SocietyFixture.activity(service, shifts: [(start + 20_100, start + 21_000, 1)])
            clock.set(start + 21_001)
            #expect(await problemCode { _ = try await service.signUp(volunteer, shift: later[0].id) } == "shift_over")
        }
    }

    /// 300 volunteers sign up for 25 places at once, then 10 confirmed cancel at once: places never exceed the
    /// capacity, the confirmed are the first 25 arrivals, and promotions follow the waitlist's order.
    @Test(arguments: TestBackend.available)
    func floodKeepsCapacityAndOrder(_ backend: TestBackend) async throws {
        try await SocietyFixture.with(backend) { service, _, clock in
            let count = 300
            try await SocietyFixture.volunteers(count, service)
            let start = clock.now + 86_400
            let (_, shifts) = try await SocietyFixture.activity(service, shifts: [(start, start + 7200, 25)])
            let shift = shifts[0].id
            let signups = try await withThrowingTaskGroup(of: Signup.self) { group in
                for n in 1...count {
                    group.addTask { try await service.signUp(SocietyFixture.resident(n), shift: shift) }
                }
                return try await group.reduce(into: [Signup]()) { $0.append($1) }
            }
            #expect(signups.filter { $0.status == .confirmed }.count == 25)
            #expect(Set(signups.map(\.position)) == Set(1...count))
            #expect(
                signups.filter { $0.status == .confirmed }.map(\.position).sorted() == Array(1...25))
            let leaving = signups.filter { $0.status == .confirmed }.prefix(10)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for signup in leaving {
                    group.addTask {
                        _ = try await service.cancel(
                            Principal(subject: signup.accountID, role: .resident, scope: nil, level: 2),
                            signup: signup.id)
                    }
                }
                try await group.waitForAll()
            }
            let roster = try await service.signups.roster(shift)
            let confirmed = roster.filter { $0.status == .confirmed }
            #expect(confirmed.count == 25)
            #expect(try await service.activities.shift(shift)?.confirmed == 25)
            // The promoted are exactly the 10 earliest on the waitlist.
            #expect(Set(confirmed.map(\.position)) == Set(1...35).subtracting(leaving.map(\.position)))
        }
    }
}
