import Identity
import Platform
import Population

/// Who a signed-in resident pays for: their own register entry and their household.
public struct Payer: Sendable, Equatable {
    public let accountID: String
    public let residentID: Int64
    public let householdID: Int64
    public let communityCode: String

    public init(accountID: String, residentID: Int64, householdID: Int64, communityCode: String) {
        self.accountID = accountID
        self.residentID = residentID
        self.householdID = householdID
        self.communityCode = communityCode
    }
}

/// Finds a resident account's place in the household register through the identity context's one answer to
/// that question (``ResidentRegistration``).
public struct PayerDirectory: Sendable {
    let registration: ResidentRegistration

    public init(registration: ResidentRegistration) {
        self.registration = registration
    }

    /// The payer of a resident principal; `register_match_required` (403) below level 2 or without a register entry.
    public func payer(_ principal: Principal?) async throws -> Payer {
        let resident = try Authorization.requireResident(principal)
        guard let membership = try await self.registration.membership(of: resident) else {
            throw BillingProblem.notInRegister
        }
        return Payer(
            accountID: resident.subject, residentID: membership.residentID, householdID: membership.householdID,
            communityCode: membership.communityCode)
    }
}
