import Foundation
import Hummingbird
import NIOCore
import Platform

/// A volunteer as the API shows it to the volunteer.
struct VolunteerView: ResponseEncodable {
    let accountId: String
    let communityCode: String
    let skills: [String]
    let availability: String
    let joinedAt: String
    let verifiedHours: Double

    init(_ volunteer: Volunteer) {
        self.accountId = volunteer.accountID
        self.communityCode = volunteer.communityCode
        self.skills = volunteer.skills
        self.availability = volunteer.availability
        self.joinedAt = CityClock.rfc3339(volunteer.joinedAt)
        self.verifiedHours = Double(volunteer.verifiedMinutes) / 60
    }
}

/// A shift as the API shows it; the check-in code only to the activity's organizers.
struct ShiftView: Encodable, Sendable {
    let id: String
    let kind: String
    let startsAt: String
    let endsAt: String
    let maxMinutes: Int
    let capacity: Int
    let confirmed: Int
    let checkinCode: String?
    let checkinUrl: String?

    init(_ shift: Shift, organizer: Bool) {
        self.id = shift.id
        self.kind = shift.kind.rawValue
        self.startsAt = CityClock.rfc3339(shift.startsAt)
        self.endsAt = CityClock.rfc3339(shift.endsAt)
        self.maxMinutes = shift.maxMinutes
        self.capacity = shift.capacity
        self.confirmed = shift.confirmed
        self.checkinCode = organizer ? shift.checkinCode : nil
        self.checkinUrl = organizer ? SocietyLinks.checkin(shift) : nil
    }
}

/// An activity with its shifts.
struct ActivityView: ResponseEncodable {
    let id: String
    let communityCode: String
    let organizationId: String?
    let title: String
    let description: String
    let place: String
    let lat: Double
    let lon: Double
    let skills: [String]
    let createdAt: String
    let shifts: [ShiftView]?

    init(_ activity: VolunteerActivity, shifts: [Shift]?, organizer: Bool) {
        self.id = activity.id
        self.communityCode = activity.communityCode
        self.organizationId = activity.organizationID
        self.title = activity.title
        self.description = activity.description
        self.place = activity.place
        self.lat = activity.lat
        self.lon = activity.lon
        self.skills = activity.skills
        self.createdAt = CityClock.rfc3339(activity.createdAt)
        self.shifts = shifts?.map { ShiftView($0, organizer: organizer) }
    }
}

/// A sign-up.
struct SignupView: ResponseEncodable {
    let id: String
    let shiftId: String
    let status: String
    let position: Int
    let createdAt: String
    let promotedAt: String?
    let checkedInAt: String?
    let checkedOutAt: String?

    init(_ signup: Signup) {
        self.id = signup.id
        self.shiftId = signup.shiftID
        self.status = signup.status.rawValue
        self.position = signup.position
        self.createdAt = CityClock.rfc3339(signup.createdAt)
        self.promotedAt = signup.promotedAt.map(CityClock.rfc3339)
        self.checkedInAt = signup.checkedInAt.map(CityClock.rfc3339)
        self.checkedOutAt = signup.checkedOutAt.map(CityClock.rfc3339)
    }
}

/// Reported hours with their review.
struct HoursView: ResponseEncodable {
    let id: String
    let signupId: String
    let activityId: String
    let activityTitle: String?
    let minutes: Int
    let status: String
    let note: String
    let reportedAt: String
    let reviewedAt: String?
    let reviewNote: String?

    init(_ record: HourRecord, title: String? = nil) {
        self.id = record.id
        self.signupId = record.signupID
        self.activityId = record.activityID
        self.activityTitle = title
        self.minutes = record.minutes
        self.status = record.status.rawValue
        self.note = record.note
        self.reportedAt = CityClock.rfc3339(record.reportedAt)
        self.reviewedAt = record.reviewedAt.map(CityClock.rfc3339)
        self.reviewNote = record.reviewNote
    }
}

/// An organization as the directory shows it (no personal data beyond the published legal representative).
struct OrganizationView: ResponseEncodable {
    let id: String
    let kind: String
    let name: String
    let creditCode: String?
    let legalRepresentative: String
    let serviceAreas: [String]
    let communityCode: String
    let communitiesServed: [String]
    let status: String
    let statusReason: String?
    let createdAt: String

    init(_ organization: Organization) {
        self.id = organization.id
        self.kind = organization.kind.rawValue
        self.name = organization.name
        self.creditCode = organization.creditCode
        self.legalRepresentative = organization.legalRepresentative
        self.serviceAreas = organization.serviceAreas
        self.communityCode = organization.communityCode
        self.communitiesServed = organization.communitiesServed
        self.status = organization.status.rawValue
        self.statusReason = organization.statusReason
        self.createdAt = CityClock.rfc3339(organization.createdAt)
    }
}

/// Links into the society pages.
enum SocietyLinks {
    /// The page the place's QR code opens: the shift and its check-in code.
    static func checkin(_ shift: Shift) -> String { "/society/checkin/\(shift.id)?code=\(shift.checkinCode)" }
}

/// Encodes a value as a JSON response with `status`.
enum SocietyJSON {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, location: String? = nil) throws
        -> Response
    {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let location { headers[.location] = location }
        return Response(
            status: status, headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(value))))
    }
}
