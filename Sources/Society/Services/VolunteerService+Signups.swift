import Foundation
import Notifications
import Platform
import SQLKit

extension VolunteerService {
    /// Signs the volunteer up for a shift: a confirmed place while one is free, else the end of the waitlist.
    ///
    /// One transaction: the volunteer's row is locked first (one volunteer's sign-ups run one at a time, so two
    /// overlapping fixed shifts cannot both be taken), then the shift's row (its places and arrival counter), so
    /// places never exceed capacity and arrival order is the waitlist's order however many sign up at once.
    public func signUp(_ principal: Principal, shift shiftID: String) async throws -> Signup {
        try Authorization.requireResident(principal)
        let now = self.clock()
        return try await self.database.transaction { sql in
            guard try await self.volunteers.lock(principal.subject, at: now, on: sql) else {
                throw SocietyProblem.notAVolunteer
            }
            guard let shift = try await self.activities.shift(shiftID, on: sql) else {
                throw SocietyProblem.notFound("shift", shiftID)
            }
            guard now < shift.endsAt else { throw SocietyProblem.shiftOver }
            let existing = try await self.signups.signup(shift: shiftID, account: principal.subject, on: sql)
            if let existing, existing.status != .cancelled { throw SocietyProblem.alreadySignedUp }
            if shift.kind == .fixed,
                let other = try await self.signups.overlapping(
                    account: principal.subject, start: shift.startsAt, end: shift.endsAt, except: shiftID, on: sql)
            {
                throw SocietyProblem.overlap(other)
            }
            guard let position = try await self.signups.nextPosition(shiftID, on: sql) else {
                throw SocietyProblem.notFound("shift", shiftID)
            }
            // A place is free only when nobody waits: the waitlist is promoted the moment a place frees up.
            let status: Signup.Status = try await self.signups.takePlace(shiftID, on: sql) ? .confirmed : .waitlisted
            if let existing {
                try await self.signups.setStatus(existing.id, status, position: position, on: sql)
                return Signup(
                    id: existing.id, shiftID: shiftID, accountID: principal.subject, status: status, position: position,
                    createdAt: existing.createdAt, promotedAt: nil, checkedInAt: existing.checkedInAt,
                    checkedOutAt: existing.checkedOutAt)
            }
            let signup = Signup(
                id: SortableID.make(), shiftID: shiftID, accountID: principal.subject, status: status,
                position: position, createdAt: now, promotedAt: nil, checkedInAt: nil, checkedOutAt: nil)
            try await self.signups.insert(signup, on: sql)
            return signup
        }
    }

    /// Cancels the volunteer's sign-up; a freed place goes to the first on the waitlist, who is notified.
    public func cancel(_ principal: Principal, signup id: String) async throws -> Signup {
        let now = self.clock()
        return try await self.database.transaction { sql in
            guard let signup = try await self.signups.signup(id, on: sql), signup.accountID == principal.subject else {
                throw SocietyProblem.notFound("signup", id)
            }
            guard signup.status != .cancelled else {
                throw SocietyProblem.wrongState(zh: "该报名已取消。", en: "The sign-up is cancelled already.")
            }
            guard signup.checkedInAt == nil else {
                throw SocietyProblem.wrongState(zh: "已签到，不能取消。", en: "You have checked in; it cannot be cancelled.")
            }
            // Lock the shift's row before touching its places.
            try await self.signups.lockShift(signup.shiftID, on: sql)
            try await self.signups.setStatus(id, .cancelled, on: sql)
            if signup.status == .confirmed {
                try await self.signups.releasePlace(signup.shiftID, on: sql)
                if let promoted = try await self.signups.promoteFirst(signup.shiftID, at: now, on: sql),
                    let shift = try await self.activities.shift(signup.shiftID, on: sql)
                {
                    let title = try await self.activities.activity(shift.activityID, on: sql)?.title ?? ""
                    try await Notifier().enqueue(
                        SocietyNotice.promoted(promoted, title: title, startsAt: shift.startsAt), on: sql)
                }
            }
            return Signup(
                id: signup.id, shiftID: signup.shiftID, accountID: signup.accountID, status: .cancelled,
                position: signup.position, createdAt: signup.createdAt, promotedAt: signup.promotedAt,
                checkedInAt: nil, checkedOutAt: nil)
        }
    }

    /// The caller's own sign-up, or 404.
    public func ownSignup(_ principal: Principal, _ id: String) async throws -> Signup {
        guard let signup = try await self.signups.signup(id), signup.accountID == principal.subject else {
            throw SocietyProblem.notFound("signup", id)
        }
        return signup
    }
}
