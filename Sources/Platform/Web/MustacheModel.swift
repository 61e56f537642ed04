import Mustache

/// Presents any view model to Mustache as a dictionary built once by reflection.
///
/// Mustache otherwise reflects on a model for every name it looks up, and a name missing at one level of the
/// context stack is looked up again on each level below: that was most of a page's rendering time. Nested structs
/// and arrays of structs are wrapped too; `nil` optionals are left out, so sections on them render as empty.
public struct MustacheModel: MustacheParent {
    private let fields: [String: Any]

    public init(_ value: Any) {
        var fields: [String: Any] = [:]
        for child in Mirror(reflecting: value).children {
            guard let label = child.label, let wrapped = Self.wrap(child.value) else { continue }
            fields[label] = wrapped
        }
        self.fields = fields
    }

    public func child(named name: String) -> Any? {
        self.fields[name]
    }

    /// The value as Mustache should see it, or nil for an empty optional.
    static func wrap(_ value: Any) -> Any? {
        switch value {
        case is String, is Int, is Bool, is Double, is any MustacheParent:
            return value
        case let array as [Any]:
            return array.compactMap(Self.wrap)
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                return mirror.children.first.flatMap { Self.wrap($0.value) }
            case .struct, .class:
                return MustacheModel(value)
            default:
                return value
            }
        }
    }
}
