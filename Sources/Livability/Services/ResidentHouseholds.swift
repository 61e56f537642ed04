import Platform

/// Finds the register household of a signed-in resident (the composition root implements it with the identity
/// and population contexts' public APIs, so this context never reads their tables).
public protocol ResidentHouseholds: Sendable {
    /// The household id, or nil when the resident is not matched with the register.
    func household(of principal: Principal) async throws -> Int64?
}
