import Crypto
import Foundation
import Platform
import SQLKit

/// What an organizer gives to post an activity.
public struct ActivityPlan: Sendable {
    public var communityCode: String
    public var organizationID: String?
    public var title: String
    public var description: String
    public var place: String
    public var lat: Double
    public var lon: Double
    public var skills: [String]
    public var shifts: [ShiftPlan]

    public init(
        communityCode: String, organizationID: String? = nil, title: String, description: String, place: String,
        lat: Double, lon: Double, skills: [String] = [], shifts: [ShiftPlan]
    ) {
        self.communityCode = communityCode
        self.organizationID = organizationID
        self.title = title
        self.description = description
        self.place = place
        self.lat = lat
        self.lon = lon
        self.skills = skills
        self.shifts = shifts
    }
}

/// One shift of an ``ActivityPlan``; `maxMinutes` is ignored for fixed shifts (their length).
public struct ShiftPlan: Sendable {
    public var kind: Shift.Kind
    public var startsAt: Int64
    public var endsAt: Int64
    public var capacity: Int
    public var maxMinutes: Int?

    public init(kind: Shift.Kind, startsAt: Int64, endsAt: Int64, capacity: Int, maxMinutes: Int? = nil) {
        self.kind = kind
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.capacity = capacity
        self.maxMinutes = maxMinutes
    }
}

extension VolunteerService {
    /// The city's bounding box (as the cases context uses it).
    static let latitudes = 30.1...31.5
    static let longitudes = 102.9...104.9

    /// Posts an activity with its shifts: by an official of the community's scope, or by a manager of a verified
    /// organization that serves the community.
    public func post(_ plan: ActivityPlan, by principal: Principal) async throws -> (VolunteerActivity, [Shift]) {
        try await self.requireCommunity(plan.communityCode, field: "communityCode")
        if let organizationID = plan.organizationID {
            guard let organization = try await self.organizations.organization(organizationID) else {
                throw SocietyProblem.invalid("organizationId", zh: "没有该组织。", en: "No such organization.")
            }
            let manages = try await self.organizations.managed(by: principal.subject).contains(organizationID)
            guard manages || Authorization.permits(principal, .organizeVolunteering, divisionCode: plan.communityCode)
            else { throw AuthorizationProblem.forbidden }
            guard organization.status == .verified else { throw SocietyProblem.organizationNotActive }
        } else {
            try Authorization.require(principal, .organizeVolunteering, divisionCode: plan.communityCode)
        }
        let title = plan.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let place = plan.place.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(title.count) else {
            throw SocietyProblem.invalid("title", zh: "请填写活动名称（不超过200字）。", en: "Give a title of up to 200 characters.")
        }
        guard (1...200).contains(place.count) else {
            throw SocietyProblem.invalid("place", zh: "请填写活动地点（不超过200字）。", en: "Give the place, up to 200 characters.")
        }
        guard plan.description.count <= 4000 else {
            throw SocietyProblem.invalid("description", zh: "说明不超过4000字。", en: "At most 4,000 characters.")
        }
        guard Self.latitudes.contains(plan.lat), Self.longitudes.contains(plan.lon) else {
            throw SocietyProblem.invalid(
                "lat", zh: "地点不在成都市范围内。", en: "The place is outside Chengdu (102.9–104.9° E, 30.1–31.5° N).")
        }
        guard (1...50).contains(plan.shifts.count) else {
            throw SocietyProblem.invalid("shifts", zh: "须有1至50个班次。", en: "Give 1 to 50 shifts.")
        }
        let now = self.clock()
        let activity = VolunteerActivity(
            id: SortableID.make(), communityCode: plan.communityCode, organizationID: plan.organizationID, title: title,
            description: plan.description, place: place, lat: plan.lat, lon: plan.lon,
            skills: plan.skills.filter { !$0.isEmpty && !$0.contains(",") }.prefix(20).map { String($0.prefix(40)) },
            createdBy: principal.subject, createdAt: now)
        let shifts = try plan.shifts.enumerated().map { index, plan in
            try Self.shift(plan, index: index, activity: activity.id, now: now)
        }
        try await self.database.transaction { sql in
            try await self.activities.insert(activity, shifts: shifts, on: sql)
        }
        return (activity, shifts)
    }

    /// Validates one planned shift and makes it, with a fresh check-in code.
    static func shift(_ plan: ShiftPlan, index: Int, activity: String, now: Int64) throws -> Shift {
        let field = "shifts[\(index)]"
        guard plan.endsAt > plan.startsAt, plan.endsAt > now else {
            throw SocietyProblem.invalid(
                field, zh: "班次结束时间须晚于开始时间且在将来。", en: "A shift must end after it starts, in the future.")
        }
        let length = Int((plan.endsAt - plan.startsAt) / 60)
        let limit: Int
        switch plan.kind {
        case .fixed:
            guard length <= 24 * 60 else {
                throw SocietyProblem.invalid(field, zh: "固定班次不超过24小时。", en: "A fixed shift lasts at most 24 hours.")
            }
            limit = length
        case .window, .ongoing:
            guard plan.endsAt - plan.startsAt <= 366 * 86_400 else {
                throw SocietyProblem.invalid(field, zh: "时段不超过一年。", en: "A window lasts at most a year.")
            }
            limit = min(length, 12 * 60)
        }
        let maxMinutes = plan.kind == .fixed ? limit : (plan.maxMinutes ?? limit)
        guard (1...limit).contains(maxMinutes) else {
            throw SocietyProblem.invalid(
                field, zh: "单次服务时长须在1至\(limit)分钟之间。", en: "maxMinutes must be between 1 and \(limit).")
        }
        guard (1...10_000).contains(plan.capacity) else {
            throw SocietyProblem.invalid(field, zh: "名额须在1至10000之间。", en: "Capacity must be between 1 and 10,000.")
        }
        return Shift(
            id: SortableID.make(), activityID: activity, kind: plan.kind, startsAt: plan.startsAt, endsAt: plan.endsAt,
            maxMinutes: maxMinutes, capacity: plan.capacity, confirmed: 0, checkinCode: Self.newCode())
    }

    /// A random check-in code: 16 characters of a 32-letter alphabet (80 bits) from the system's generator.
    static func newCode() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var bytes = SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) }
        var out = ""
        while !bytes.isEmpty {
            let byte = bytes.removeLast()
            out.append(alphabet[Int(byte) % 32])
        }
        return out
    }
}
