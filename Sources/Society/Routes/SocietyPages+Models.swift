import Foundation
import Platform

/// The view models of the volunteers' pages.
enum SocietyPageModels {
    /// `/society`: opt in, the activities around, my sign-ups.
    struct Home {
        let signedIn: Bool
        let isVolunteer: Bool
        let skills: String
        let availability: String
        let verifiedHours: String
        let activities: [ActivityRow]
        let empty: Bool
        let error: String?
    }

    /// An activity in a list.
    struct ActivityRow {
        let id: String
        let title: String
        let place: String
        let created: String
    }

    /// `/society/activities/{id}`.
    struct Detail {
        let id: String
        let title: String
        let description: String
        let place: String
        let skills: String?
        let shifts: [ShiftRow]
        let signedIn: Bool
        let error: String?
    }

    /// One shift on the activity page, with the viewer's sign-up.
    struct ShiftRow {
        let id: String
        let activityId: String
        let kind: String
        let when: String
        let places: String
        let full: Bool
        let signupId: String?
        let status: String?
        let canSignUp: Bool
        let canCancel: Bool
    }

    /// `/society/me`: sign-ups with the hours form.
    struct Mine {
        let items: [MineRow]
        let empty: Bool
        let error: String?
    }

    /// One of my sign-ups.
    struct MineRow {
        let id: String
        let activityId: String
        let title: String
        let when: String
        let status: String
        let position: Int
        let checkedIn: Bool
        let checkedOut: Bool
        let canReport: Bool
        let maxMinutes: Int
    }

    /// `/society/checkin/{shift}`.
    struct Checkin {
        let shiftId: String
        let code: String
        let title: String
        let place: String
        let when: String
        let signedUp: Bool
        let checkedIn: Bool
        let checkedOut: Bool
        let lat: String
        let lon: String
        let message: String?
        let error: String?
    }

    /// `/society/me/hours`.
    struct Hours {
        let verifiedHours: String
        let recognitions: [Int]
        let hasRecognitions: Bool
        let items: [HoursRow]
        let empty: Bool
    }

    /// One line of the record.
    struct HoursRow {
        let title: String
        let minutes: Int
        let status: String
        let statusCode: String
        let reported: String
        let reviewNote: String?
    }

    /// How a shift's time reads.
    static func when(_ shift: Shift) -> String {
        let start = CityClock.localDateTime(shift.startsAt)
        let endDay = CityClock.localDate(shift.endsAt)
        let end =
            endDay == CityClock.localDate(shift.startsAt)
            ? CityClock.localTime(shift.endsAt) : CityClock.localDateTime(shift.endsAt)
        return "\(start) – \(end)"
    }
}
