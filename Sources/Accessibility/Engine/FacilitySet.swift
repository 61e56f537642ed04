/// Facilities grouped by category, each already snapped to a graph node.
///
/// Categories keep their order of first appearance (that order is the output order). Within a category a
/// facility is addressed by its index in `ids`/`nodes`; engine results refer to facilities by that index.
public struct FacilitySet: Sendable, Equatable {
    /// Category names in order of first appearance.
    public private(set) var categories: [String] = []
    /// External facility ids, per category.
    public private(set) var ids: [[String]] = []
    /// Graph node index of each facility, per category (parallel to `ids`).
    public private(set) var nodes: [[Int32]] = []
    private var categoryIndex: [String: Int] = [:]

    /// Creates an empty set.
    public init() {}

    /// Total number of facilities over all categories.
    public var count: Int { nodes.reduce(0) { $0 + $1.count } }

    /// Index of `category`, if present.
    public func index(of category: String) -> Int? { categoryIndex[category] }

    /// Adds a category (if new) and returns its index; lets callers fix the category order up front.
    @discardableResult
    public mutating func addCategory(_ category: String) -> Int {
        if let existing = categoryIndex[category] { return existing }
        categoryIndex[category] = categories.count
        categories.append(category)
        ids.append([])
        nodes.append([])
        return categories.count - 1
    }

    /// Removes the most recently added facility of `category` (used to undo a what-if addition).
    mutating func removeLast(category: Int) {
        ids[category].removeLast()
        nodes[category].removeLast()
    }

    /// Appends a facility and returns `(category index, facility index)`.
    @discardableResult
    public mutating func add(id: String, category: String, node: Int32) -> (category: Int, facility: Int) {
        let c = addCategory(category)
        ids[c].append(id)
        nodes[c].append(node)
        return (c, nodes[c].count - 1)
    }
}
