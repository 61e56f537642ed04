import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Platform

/// The cases API for residents and handlers: report, my cases, detail, transitions, rating, following, photos.
public struct CaseAPI: Sendable {
    let service: CaseService

    public init(service: CaseService) {
        self.service = service
    }

    /// The body of `POST /api/v1/cases/{id}/transitions`.
    struct TransitionBody: Decodable {
        let command: String?
        let note: String?
        let communityCode: String?
        let departmentId: String?
    }

    /// The body of `POST /api/v1/cases/{id}/rating`.
    struct RatingBody: Decodable {
        let stars: Int?
        let comment: String?
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/cases/categories") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return try await CategoryList(self.service.categories.categories(), locale: context.locale)
        }
        api.on(.post, "/api/v1/cases") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
            let reporter: CaseService.Reporter
            if principal.role == .resident {
                reporter = .resident(principal)
            } else {
                reporter = .official(try Authorization.requireRole(principal, .handleCases))
            }
            let body = try await Self.decode(CaseReport.self, request, context)
            let record = try await self.service.report(body, by: reporter)
            return try await self.view(record, context, status: .created)
        }
        api.on(.get, "/api/v1/me/cases") { request, context in
            let query = try QueryParameters(request, allowed: ["cursor", "limit"])
            let resident = try Authorization.requireResident(context.principal)
            var filter = CaseQuery()
            filter.reporterAccountID = resident.subject
            let limit = try query.int("limit", in: 1...100, default: 20)
            let after = try query.string("cursor").map { try Cursor(token: $0).after }
            let (items, more) = try await self.service.cases.newest(filter, after: after, limit: limit)
            let categories = try await self.service.categories.categories()
            let now = CityClock.now()
            return Page(
                items: items.map { CaseView($0, categories: categories, locale: context.locale, now: now) },
                nextCursor: more ? items.last.map { Cursor(after: "\($0.createdAt)|\($0.id)").token } : nil)
        }
        api.on(.get, "/api/v1/cases/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let record = try await self.service.visible(try context.parameters.require("id"), to: context.principal)
            return try await self.view(record, context, history: true)
        }
        api.on(.post, "/api/v1/cases/{id}/transitions") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
            let body = try await Self.decode(TransitionBody.self, request, context)
            guard let command = body.command.flatMap(CaseCommand.init(rawValue:)) else {
                throw CasesProblem.invalidReport(
                    "command", zh: "未知的操作。",
                    en: "Unknown command; one of \(CaseCommand.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let record = try await self.service.perform(
                command, on: try context.parameters.require("id"), by: principal,
                input: TransitionInput(
                    note: body.note, communityCode: body.communityCode, departmentId: body.departmentId))
            return try await self.view(record, context)
        }
        api.on(.post, "/api/v1/cases/{id}/rating") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let resident = try Authorization.requireResident(context.principal)
            let body = try await Self.decode(RatingBody.self, request, context)
            let record = try await self.service.rate(
                try context.parameters.require("id"), stars: body.stars ?? 0, comment: body.comment, by: resident)
            return try await self.view(record, context)
        }
        api.on(.put, "/api/v1/cases/{id}/follow") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let resident = try Authorization.requireResident(context.principal)
            let id = try context.parameters.require("id")
            guard try await self.service.cases.find(id) != nil else { throw CasesProblem.notFound(id) }
            try await self.service.cases.follow(id, account: resident.subject, at: CityClock.now())
            return Response(status: .noContent)
        }
        api.on(.delete, "/api/v1/cases/{id}/follow") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let resident = try Authorization.requireResident(context.principal)
            try await self.service.cases.unfollow(try context.parameters.require("id"), account: resident.subject)
            return Response(status: .noContent)
        }
        api.on(.get, "/api/v1/cases/{id}/photos/{position}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let record = try await self.service.visible(try context.parameters.require("id"), to: context.principal)
            guard let position = Int(try context.parameters.require("position")),
                let photo = try await self.service.cases.photo(record.id, position: position)
            else { throw Problem.notFound(code: "photo_not_found", zh: "没有这张照片。", en: "No such photo.") }
            return Self.photoResponse(photo)
        }
    }

    /// A stored photo as an image answer, cached only by the viewer's own browser.
    static func photoResponse(_ photo: ValidReport.Photo) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: photo.contentType, .cacheControl: "private, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(bytes: photo.bytes)))
    }

    /// The full view of a case, as JSON with `status`.
    func view(
        _ record: CaseRecord, _ context: AppRequestContext, history: Bool = false, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let categories = try await self.service.categories.categories()
        let events = history ? try await self.service.cases.events(record.id) : nil
        let view = CaseView(
            record, categories: categories, locale: context.locale, now: CityClock.now(), history: events)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if status == .created { headers[.location] = "/api/v1/cases/\(record.id)" }
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(view)))
        )
    }

    /// Decodes a JSON body; the platform's decoder answers a body that does not fit with 400 `invalid_body`.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: AppRequestContext) async throws -> T
    {
        try await request.decode(as: T.self, context: context)
    }
}

/// The categories as the API lists them.
struct CategoryList: ResponseEncodable {
    /// One category.
    struct Item: Encodable {
        let code: String
        let name: String
        let kind: String
        let deadlineDays: Int
        let departmentId: String
    }

    let items: [Item]

    init(_ categories: [CaseCategory], locale: AppLocale) {
        self.items = categories.map {
            Item(
                code: $0.code, name: $0.name.pick(locale), kind: $0.kind, deadlineDays: $0.deadlineDays,
                departmentId: $0.departmentID)
        }
    }
}
