import Hummingbird
import Platform

/// `GET /api/v1/divisions` and `GET /api/v1/divisions/{code}`.
public struct DivisionAPI: Sendable {
    private let repository: DivisionRepository

    public init(repository: DivisionRepository) {
        self.repository = repository
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/divisions") { request, _ in try await self.list(request) }
        api.on(.get, "/api/v1/divisions/{code}") { _, context in try await self.detail(context) }
    }

    func list(_ request: Request) async throws -> Page<Division> {
        let query = try QueryParameters(request, allowed: ["level", "parent", "q", "cursor", "limit"])
        let level = try query.choice("level", as: DivisionLevel.self)
        let parent = query.string("parent")
        if let parent, !DivisionCode.isWellFormed(parent) {
            throw Problem.invalidParameter(
                "parent", zh: "参数“parent”必须是 6、9 或 12 位数字的区划代码。",
                en: "Parameter 'parent' must be a division code of 6, 9 or 12 digits."
            )
        }
        let text = query.string("q")
        if let text, text.count > 50 {
            throw Problem.invalidParameter(
                "q", zh: "搜索词不能超过 50 个字。", en: "The search text is limited to 50 characters.")
        }
        let limit = try query.int("limit", in: 1...200, default: 50)
        let after = try query.string("cursor").map { try Cursor(token: $0).after }
        let filter = DivisionRepository.Filter(level: level, parentCode: parent, text: text)
        let (items, more) = try await self.repository.list(filter, after: after, limit: limit)
        let next = more ? items.last.map { Cursor(after: $0.code).token } : nil
        return Page(items: items, nextCursor: next)
    }

    func detail(_ context: AppRequestContext) async throws -> DivisionDetail {
        let code = try context.parameters.require("code")
        guard DivisionCode.isWellFormed(code), let division = try await self.repository.find(code) else {
            throw DivisionNotFound(code: code)
        }
        let ancestors = try await self.repository.ancestors(of: division)
        let counts = try await self.repository.counts(inside: division)
        return DivisionDetail(
            division: division, ancestors: ancestors,
            childCounts: DivisionDetail.Counts(
                children: counts.direct,
                districts: counts.byLevel[.district] ?? 0,
                streets: counts.byLevel[.street] ?? 0,
                communities: counts.byLevel[.community] ?? 0
            )
        )
    }
}

/// A division with its path to the city and the size of its subtree.
public struct DivisionDetail: ResponseEncodable, Sendable {
    /// Direct children and all descendants per level.
    public struct Counts: Codable, Sendable {
        public let children: Int
        public let districts: Int
        public let streets: Int
        public let communities: Int
    }

    public let division: Division
    /// From the city down to the parent.
    public let ancestors: [Division]
    public let childCounts: Counts
}

/// 404 for a division code that does not exist.
public struct DivisionNotFound: AppError {
    public let code: String
    public var status: HTTPResponse.Status { .notFound }
    public var detailZH: String { "找不到区划代码“\(self.divisionCode)”。" }
    public var detailEN: String { "No division has the code '\(self.divisionCode)'." }
    public var extensions: [String: String] { ["divisionCode": self.divisionCode] }
    private let divisionCode: String

    public init(code: String) {
        self.divisionCode = String(code.prefix(40))
        self.code = "division_not_found"
    }
}
