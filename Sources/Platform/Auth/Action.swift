/// Something an official may ask the platform to do, declared by the context that owns it together with the roles
/// that may do it (the context's rows of the role table).
///
/// Platform knows no action by name: each context declares its own as static members, for example
/// `extension Action { public static let manageBills = Action("bills.manage", roles: [.departmentStaff]) }`, and
/// lists them in its module's ``ContextModule/actions`` so the console and the authorization matrix see them all.
public struct Action: Hashable, Sendable, CustomStringConvertible {
    /// Stable dotted name (`bills.manage`), shown in audit entries and tests.
    public let name: String
    /// The roles allowed to perform it.
    public let roles: Set<Role>

    public init(_ name: String, roles: Set<Role>) {
        self.name = name
        self.roles = roles
    }

    public var description: String { self.name }
}
