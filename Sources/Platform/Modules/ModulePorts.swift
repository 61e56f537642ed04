/// The public services modules offer each other while the application is built, keyed by their type.
///
/// A module publishes the small public API of its context (a service, or a protocol the context defines)
/// and later modules require it. This is the only way one context reaches another while wiring, so the
/// dependencies between contexts stay visible: each `require` names what the module needs.
public struct ModulePorts: Sendable {
    private var ports: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    /// Offers `port` to the modules built after this one, under its static type `Port`.
    public mutating func publish<Port>(_ port: Port, as type: Port.Type = Port.self) where Port: Sendable {
        self.ports[ObjectIdentifier(type)] = port
    }

    /// The port of this type published by an earlier module; throws when none was (a wiring mistake: the provider
    /// is missing from App's list or listed after its consumer).
    public func require<Port>(_ type: Port.Type, by module: String = #fileID) throws -> Port {
        guard let port = self.ports[ObjectIdentifier(type)] as? Port else {
            throw ModuleWiringError(missing: "\(type)", requiredBy: module)
        }
        return port
    }

    /// The port of this type when one was published.
    public func optional<Port>(_ type: Port.Type) -> Port? {
        self.ports[ObjectIdentifier(type)] as? Port
    }
}

/// A module needs a port no earlier module published.
public struct ModuleWiringError: Error, CustomStringConvertible {
    public let missing: String
    public let requiredBy: String
    public var description: String {
        "module wiring: \(self.requiredBy) requires \(self.missing), which no earlier module publishes"
    }
}
