import Identity
import Platform
import Population

/// Decides whether a signed-in resident meets an ``EligibilityRule`` in a community, asking the identity context
/// (``ResidentRegistration``: the account's register entry) and the register (``RegisterRepository``: household
/// head, building). Each refusal names what is missing.
public struct EligibilityChecker: Sendable {
    let registration: ResidentRegistration
    let register: RegisterRepository
    let bodies: BodyRepository

    public init(registration: ResidentRegistration, register: RegisterRepository, bodies: BodyRepository) {
        self.registration = registration
        self.register = register
        self.bodies = bodies
    }

    /// The participant when `principal` meets `rule` in `community`; otherwise throws the first unmet condition
    /// (401 `unauthenticated`, 403 `residents_only`, `level_required`, `register_match_required`,
    /// `not_resident_of_community`, `household_head_required`, `building_required`, `council_member_required`).
    public func check(_ rule: EligibilityRule, community: String, principal: Principal?) async throws -> Participant {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        guard principal.role == .resident else { throw ParticipationProblem.residentsOnly }
        guard principal.level >= rule.minimumLevel else { throw ParticipationProblem.levelRequired(rule.minimumLevel) }
        let membership = try await self.registration.membership(of: principal)
        let needsRegister = rule.residentOfCommunity || rule.householdHead || !rule.buildings.isEmpty
        if needsRegister {
            guard let membership else {
                throw principal.level < 2
                    ? ParticipationProblem.levelRequired(2) : ParticipationProblem.notInRegister
            }
            guard membership.communityCode == community else { throw ParticipationProblem.otherCommunity }
            if rule.householdHead || !rule.buildings.isEmpty {
                guard let standing = try await self.register.standing(residentID: membership.residentID) else {
                    throw ParticipationProblem.notInRegister
                }
                if rule.householdHead && !standing.isHead { throw ParticipationProblem.householdHeadRequired }
                if !rule.buildings.isEmpty && !(standing.building.map(rule.buildings.contains) ?? false) {
                    throw ParticipationProblem.buildingRequired
                }
            }
        }
        if rule.councilMember {
            let member = try await self.bodies.isCouncilMember(
                accountID: principal.subject, community: community, today: CityClock.localDate(CityClock.now()))
            guard member else { throw ParticipationProblem.councilMemberRequired }
        }
        return Participant(
            accountID: principal.subject, residentID: membership?.residentID, householdID: membership?.householdID,
            communityCode: membership?.communityCode)
    }

    /// Like ``check(_:community:principal:)``, but answers with the refusal instead of throwing it (pages).
    public func evaluate(_ rule: EligibilityRule, community: String, principal: Principal?) async throws -> Result<
        Participant, Problem
    > {
        do {
            return .success(try await self.check(rule, community: community, principal: principal))
        } catch let problem as Problem {
            return .failure(problem)
        }
    }
}
