import Foundation
import Notifications
import Platform
import SQLKit

extension VolunteerService {
    /// The organizer verifies or disputes reported hours. Verifying adds the minutes to the volunteer's total and
    /// the statistics rollups, awards the milestones crossed and notifies the volunteer, all in one transaction; a
    /// second review of the same report is refused.
    public func review(_ principal: Principal, hours id: String, verify: Bool, note: String) async throws
        -> HourRecord
    {
        guard let record = try await self.hours.record(id),
            let activity = try await self.activities.activity(record.activityID)
        else { throw SocietyProblem.notFound("hours", id) }
        guard try await self.organizes(principal, activity) else {
            if principal.role == .resident { throw SocietyProblem.notFound("hours", id) }
            throw AuthorizationProblem.forbidden
        }
        guard principal.subject != record.accountID else { throw AuthorizationProblem.forbidden }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 500 else {
            throw SocietyProblem.invalid("note", zh: "说明不超过500字。", en: "The note has at most 500 characters.")
        }
        guard verify || !note.isEmpty else {
            throw SocietyProblem.invalid("note", zh: "有异议时请说明原因。", en: "Give the reason for a dispute.")
        }
        let now = self.clock()
        return try await self.database.transaction { sql in
            guard
                try await self.hours.review(
                    id, verify ? .verified : .disputed, by: principal.subject, note: note, at: now, on: sql)
            else { throw SocietyProblem.alreadyReviewed }
            try await Notifier().enqueue(
                SocietyNotice.reviewed(record, title: activity.title, verified: verify, note: note), on: sql)
            if verify {
                let (before, after) = try await self.volunteers.addVerified(
                    record.accountID, minutes: record.minutes, on: sql)
                try await self.statistics.addVerified(
                    account: record.accountID, community: record.communityCode, month: SocietyText.month(now),
                    minutes: record.minutes, on: sql)
                for hours in Milestones.crossed(from: before, to: after)
                where try await self.volunteers.recognize(record.accountID, hours: hours, at: now, on: sql) {
                    try await Notifier().enqueue(SocietyNotice.milestone(record.accountID, hours: hours), on: sql)
                }
            }
            return try await self.hours.record(id, on: sql) ?? record
        }
    }

    /// One round of reminders: confirmed volunteers of fixed and window shifts starting within a day get one
    /// notification each. Returns how many were sent.
    @discardableResult
    public func remindUpcoming(limit: Int = 500) async throws -> Int {
        let now = self.clock()
        return try await self.database.transaction { sql in
            let due = try await self.signups.claimReminders(
                from: now, until: now + 86_400, at: now, limit: limit, on: sql)
            for (signup, startsAt, title) in due {
                try await Notifier().enqueue(SocietyNotice.reminder(signup, title: title, startsAt: startsAt), on: sql)
            }
            return due.count
        }
    }
}
