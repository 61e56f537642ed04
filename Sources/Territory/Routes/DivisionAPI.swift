import Foundation
import Hummingbird
import NIOCore
import Platform

/// `GET /api/v1/divisions` and `GET /api/v1/divisions/{code}`.
public struct DivisionAPI: Sendable {
    private let repository: DivisionRepository
    private let cache: DivisionDetailCache

    public init(repository: DivisionRepository, cache: DivisionDetailCache = DivisionDetailCache()) {
        self.repository = repository
        self.cache = cache
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

    func detail(_ context: AppRequestContext) async throws -> Response {
        let code = try context.parameters.require("code")
        guard DivisionCode.isWellFormed(code) else { throw DivisionNotFound(code: code) }
        if let cached = self.cache.value(for: code) { return Self.json(cached) }
        guard let detail = try await self.repository.detail(code) else { throw DivisionNotFound(code: code) }
        let body = try ByteBuffer(bytes: Self.encoder.encode(detail))
        self.cache.store(body, for: code)
        return Self.json(body)
    }

    private static let encoder = JSONEncoder()

    private static func json(_ body: ByteBuffer) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }
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
