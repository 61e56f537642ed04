import SQLKit

/// Where a listing in order of last activity (newest first, then by id) continues.
///
/// A page that merges several listings (kinds of item) orders them by time, then kind, then id. For one listing,
/// what comes after the previous page's last item depends on how its kind compares with that item's kind at the
/// same time: all its items at that time, none of them, or those with a smaller id (the same kind).
public struct ActivityBound: Sendable, Equatable {
    /// Which of the listing's items at exactly ``time`` come after the bound.
    public enum Tie: Sendable, Equatable {
        /// All of them: the listing's kind sorts after the last item's kind.
        case all
        /// None of them: the listing's kind sorts before the last item's kind.
        case none
        /// Those whose id sorts below this one: the last item was of the listing's own kind.
        case idBelow(String)
    }

    /// Unix seconds of the previous page's last item.
    public let time: Int64
    public let tie: Tie

    public init(time: Int64, tie: Tie) {
        self.time = time
        self.tie = tie
    }

    /// The condition on the listing's time and id columns for the rows after the bound.
    public func condition(time column: String, id idColumn: String) -> SQLQueryString {
        switch self.tie {
        case .all:
            "\(ident: column) <= \(bind: self.time)"
        case .none:
            "\(ident: column) < \(bind: self.time)"
        case .idBelow(let id):
            "(\(ident: column) < \(bind: self.time) OR (\(ident: column) = \(bind: self.time) AND \(ident: idColumn) < \(bind: id)))"
        }
    }
}

/// An item with the time of its last activity (Unix seconds), as listings in order of activity return it.
public struct Activity<Item: Sendable>: Sendable {
    public let item: Item
    public let at: Int64

    public init(item: Item, at: Int64) {
        self.item = item
        self.at = at
    }
}

extension Activity: Equatable where Item: Equatable {}
