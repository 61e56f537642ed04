/// One consistent view of the network and the facilities on it, as requests read it.
public struct LivabilitySnapshot: Sendable {
    public let network: NetworkSnapshot
    public let access: AccessSnapshot
}
