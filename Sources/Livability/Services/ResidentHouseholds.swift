import Platform

/// Finds the register household of a signed-in resident (the module implements it with the identity context's
/// ``ResidentRegistration``, so this context never reads other contexts' tables; tests may pass their own).
public protocol ResidentHouseholds: Sendable {
    /// The household id, or nil when the resident is not matched with the register.
    func household(of principal: Principal) async throws -> Int64?
}
