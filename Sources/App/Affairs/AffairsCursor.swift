import HTTPTypes
import Platform

/// Where a page of "my affairs" continues: the last item's time of last activity, kind and id.
struct AffairsCursor: Sendable, Equatable {
    let time: Int64
    let kind: AffairKind
    let id: String

    init(time: Int64, kind: AffairKind, id: String) {
        self.time = time
        self.kind = kind
        self.id = id
    }

    /// Reads a cursor token a client sent back; `invalid_cursor` when it is not one of ours.
    init(token: String) throws {
        let parts = try Cursor(token: token).after.split(separator: "|", maxSplits: 2)
        guard parts.count == 3, let time = Int64(parts[0]), let kind = AffairKind(rawValue: String(parts[1])),
            !parts[2].isEmpty
        else {
            throw Problem(
                .badRequest, code: "invalid_cursor", zh: "分页游标无效，请从第一页重新开始。",
                en: "The page cursor is invalid; start again from the first page.", extensions: ["parameter": "cursor"])
        }
        self.init(time: time, kind: kind, id: String(parts[2]))
    }

    var token: String { Cursor(after: "\(self.time)|\(self.kind.rawValue)|\(self.id)").token }

    /// The bound for the listing of `kind`: items sort by time, then kind rank, then id, all descending.
    func bound(for kind: AffairKind) -> ActivityBound {
        if kind == self.kind { return ActivityBound(time: self.time, tie: .idBelow(self.id)) }
        return ActivityBound(time: self.time, tie: kind.rank < self.kind.rank ? .all : .none)
    }
}
