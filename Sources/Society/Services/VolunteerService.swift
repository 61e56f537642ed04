import Foundation
import Identity
import Platform
import SQLKit
import Territory

/// The volunteering use cases: opt in, post activities with shifts, sign up with a waitlist, check in and out at
/// the place, report hours, and the organizer's verification with milestones. Every change is one transaction,
/// with its notifications and events inside it.
public struct VolunteerService: Sendable {
    let database: Database
    public let volunteers: VolunteerRepository
    public let activities: ActivityRepository
    public let signups: SignupRepository
    public let hours: HourRepository
    public let organizations: OrganizationRepository
    public let statistics: SocietyStatisticsRepository
    let divisions: DivisionRepository
    let accounts: AccountRepository?
    let outbox: EventOutbox
    let clock: @Sendable () -> Int64

    public init(
        database: Database, divisions: DivisionRepository, accounts: AccountRepository?,
        clock: @escaping @Sendable () -> Int64 = { CityClock.now() }
    ) {
        self.database = database
        self.volunteers = VolunteerRepository(database: database)
        self.activities = ActivityRepository(database: database)
        self.signups = SignupRepository(database: database)
        self.hours = HourRepository(database: database)
        self.organizations = OrganizationRepository(database: database)
        self.statistics = SocietyStatisticsRepository(database: database)
        self.divisions = divisions
        self.accounts = accounts
        self.outbox = EventOutbox(database: database)
        self.clock = clock
    }

    /// What a resident gives to opt in (or to update the profile).
    public struct OptIn: Sendable, Decodable {
        public var communityCode: String?
        public var skills: [String]?
        public var availability: String?

        public init(communityCode: String? = nil, skills: [String]? = nil, availability: String? = nil) {
            self.communityCode = communityCode
            self.skills = skills
            self.availability = availability
        }
    }

    /// Registers the resident as a volunteer (or updates the profile); the community defaults to the account's.
    public func optIn(_ principal: Principal, _ input: OptIn) async throws -> Volunteer {
        try Authorization.requireResident(principal)
        let account = try await self.accounts?.find(id: principal.subject)
        guard let community = input.communityCode ?? account?.communityCode else {
            throw SocietyProblem.invalid(
                "communityCode", zh: "请填写您服务的社区。", en: "Give the community you volunteer in.")
        }
        try await self.requireCommunity(community, field: "communityCode")
        let skills = (input.skills ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard skills.count <= 20, skills.allSatisfy({ $0.count <= 40 && !$0.contains(",") }) else {
            throw SocietyProblem.invalid(
                "skills", zh: "技能最多20项，每项不超过40字，不含逗号。",
                en: "At most 20 skills of up to 40 characters each, without commas.")
        }
        let availability = (input.availability ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard availability.count <= 200 else {
            throw SocietyProblem.invalid(
                "availability", zh: "可服务时间不超过200字。", en: "Availability: at most 200 characters.")
        }
        let now = self.clock()
        let volunteer = Volunteer(
            accountID: principal.subject, displayName: account?.name ?? principal.subject, communityCode: community,
            skills: skills, availability: availability, joinedAt: now, verifiedMinutes: 0)
        try await self.database.transaction { sql in
            if try await self.volunteers.save(volunteer, on: sql) {
                try await self.statistics.add(community: community, volunteers: 1, on: sql)
            }
        }
        return try await self.volunteers.volunteer(principal.subject) ?? volunteer
    }

    /// Throws 422 unless `code` names a community of the city.
    func requireCommunity(_ code: String, field: String) async throws {
        guard code.count <= 12, let division = try await self.divisions.find(code), division.level == .community
        else {
            throw SocietyProblem.invalid(
                field, zh: "代码“\(code.prefix(20))”不是本市的社区。", en: "'\(code.prefix(20))' is not a community of this city."
            )
        }
    }

    /// Whether `principal` organizes `activity`: an official whose scope holds its community, or a manager of the
    /// organization that posted it.
    public func organizes(_ principal: Principal, _ activity: VolunteerActivity) async throws -> Bool {
        if Authorization.permits(principal, .organizeVolunteering, divisionCode: activity.communityCode) { return true }
        guard principal.role == .resident, let organization = activity.organizationID else { return false }
        return try await self.organizations.managed(by: principal.subject).contains(organization)
    }

    /// The activity, or 404.
    public func activity(_ id: String) async throws -> VolunteerActivity {
        guard let activity = try await self.activities.activity(id) else {
            throw SocietyProblem.notFound("activity", id)
        }
        return activity
    }

    /// The shift with its activity, or 404.
    public func shift(_ id: String) async throws -> (Shift, VolunteerActivity) {
        guard let shift = try await self.activities.shift(id),
            let activity = try await self.activities.activity(shift.activityID)
        else { throw SocietyProblem.notFound("shift", id) }
        return (shift, activity)
    }
}

extension VolunteerService {
    /// The same service reading the time from a fixed clock (demo data of the past, tests).
    public func at(_ time: Int64) -> VolunteerService {
        VolunteerService(database: self.database, divisions: self.divisions, accounts: self.accounts, clock: { time })
    }
}
