import Foundation

/// A volunteer activity posted by a community or an organization, at a place.
public struct VolunteerActivity: Sendable, Equatable {
    public let id: String
    public let communityCode: String
    public let organizationID: String?
    public let title: String
    public let description: String
    public let place: String
    public let lat: Double
    public let lon: Double
    public let skills: [String]
    public let createdBy: String
    public let createdAt: Int64

    /// The distance in metres from this activity's place to a point (haversine on a 6,371 km sphere).
    public func distance(lat: Double, lon: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat - self.lat) * radians
        let dLon = (lon - self.lon) * radians
        let a =
            sin(dLat / 2) * sin(dLat / 2) + cos(self.lat * radians) * cos(lat * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 6_371_000 * 2 * atan2(sqrt(a), sqrt(1 - a))
    }
}

/// One shift of an activity.
///
/// - `fixed`: everyone comes from `startsAt` to `endsAt`; credit at most that long; fixed shifts of one volunteer
///   may not overlap.
/// - `window`: come any time between `startsAt` and `endsAt` for up to `maxMinutes`.
/// - `ongoing`: a standing task over a long period (weeks); each sign-up credits up to `maxMinutes`.
public struct Shift: Sendable, Equatable {
    /// How the shift's time works.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case fixed, window, ongoing
    }

    public let id: String
    public let activityID: String
    public let kind: Kind
    public let startsAt: Int64
    public let endsAt: Int64
    public let maxMinutes: Int
    public let capacity: Int
    public let confirmed: Int
    /// The secret the place's QR code carries; shown only to the activity's organizers.
    public let checkinCode: String

    /// Check-in opens this long before the start.
    public static let earlyCheckin: Int64 = 30 * 60
}

/// A volunteer's place on a shift.
public struct Signup: Sendable, Equatable {
    /// Where the sign-up stands.
    public enum Status: String, Sendable, Codable {
        case confirmed, waitlisted, cancelled
    }

    public let id: String
    public let shiftID: String
    public let accountID: String
    public let status: Status
    /// The order of arrival on the shift (waitlist order).
    public let position: Int
    public let createdAt: Int64
    public let promotedAt: Int64?
    public let checkedInAt: Int64?
    public let checkedOutAt: Int64?
}

/// Hours a volunteer reported for one sign-up, and the organizer's review.
public struct HourRecord: Sendable, Equatable {
    /// Where the report stands.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case reported, verified, disputed
    }

    public let id: String
    public let signupID: String
    public let accountID: String
    public let activityID: String
    public let communityCode: String
    public let minutes: Int
    public let status: Status
    public let note: String
    public let reportedAt: Int64
    public let reviewedBy: String?
    public let reviewedAt: Int64?
    public let reviewNote: String?
}
