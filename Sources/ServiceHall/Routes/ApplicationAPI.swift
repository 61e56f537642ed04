import Foundation
import HTTPTypes
import Hummingbird
import Platform

/// The resident's side of applications: submit (with `Idempotency-Key`), list and read my applications, rate a
/// finished one; favourites and recently used services.
public struct ApplicationAPI: Sendable {
    let service: ApplicationService
    let catalog: CatalogStore
    let usage: UsageFigures
    let clock: @Sendable () -> Int64

    public init(
        service: ApplicationService, catalog: CatalogStore, usage: UsageFigures,
        clock: @escaping @Sendable () -> Int64 = { CityClock.now() }
    ) {
        self.service = service
        self.catalog = catalog
        self.usage = usage
        self.clock = clock
    }

    /// A form value as JSON may carry it: a string, a number or a boolean.
    struct FormValue: Decodable, Sendable {
        let text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self.text = text
            } else if let bool = try? container.decode(Bool.self) {
                self.text = bool ? "true" : "false"
            } else if let number = try? container.decode(Double.self) {
                self.text = FormValidator.format(number)
            } else if container.decodeNil() {
                self.text = ""
            } else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "a form value is a string, a number or a boolean")
            }
        }
    }

    struct SubmissionBody: Decodable, Sendable {
        let form: [String: FormValue]
    }

    struct RatingBody: Decodable, Sendable {
        let stars: Int
        let comment: String?
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.post, "/api/v1/services/{id}/applications") { request, context in
            let key = request.headers[HTTPField.Name("Idempotency-Key")!] ?? ""
            let body = try await request.decode(as: SubmissionBody.self, context: context)
            let submission = try await self.service.submit(
                serviceID: try context.parameters.require("id"), values: body.form.mapValues(\.text),
                idempotencyKey: key, by: context.principal)
            self.usage.invalidate()
            var response = try ApplicationView(submission.application, now: self.clock()).response(
                from: request, context: context)
            response.status = submission.replayed ? .ok : .created
            response.headers[.location] = "/api/v1/me/applications/\(submission.application.id)"
            if submission.replayed { response.headers[HTTPField.Name("Idempotent-Replayed")!] = "true" }
            return response
        }
        api.on(.get, "/api/v1/me/applications") { request, context in
            let parameters = try QueryParameters(request, allowed: ["cursor", "limit"])
            let principal = try Self.resident(context)
            let limit = try parameters.int("limit", in: 1...100, default: 20)
            let before = try parameters.string("cursor").map { try ApplicationRepository.Position(Cursor(token: $0)) }
            let (items, more) = try await self.service.applications.mine(
                accountID: principal.subject, before: before, limit: limit)
            let now = self.clock()
            let next =
                more
                ? items.last.map { ApplicationRepository.Position(time: $0.submittedAt, id: $0.id).cursor.token } : nil
            return Page(items: items.map { ApplicationView($0, now: now) }, nextCursor: next)
        }
        api.on(.get, "/api/v1/me/applications/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let application = try await self.service.ownApplication(
                try context.parameters.require("id"), by: context.principal)
            return ApplicationView(application, now: self.clock())
        }
        api.on(.post, "/api/v1/me/applications/{id}/rating") { request, context in
            let body = try await request.decode(as: RatingBody.self, context: context)
            let application = try await self.service.rate(
                try context.parameters.require("id"), stars: body.stars, comment: body.comment ?? "",
                by: context.principal)
            var response = try ApplicationView(application, now: self.clock()).response(from: request, context: context)
            response.status = .created
            return response
        }
        self.registerFavourites(on: api)
    }

    private func registerFavourites(on api: APIRoutes) {
        api.on(.get, "/api/v1/me/favourites") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let principal = try Self.resident(context)
            let snapshot = try await self.catalog.snapshot()
            let ids = try await self.usage.repository.favourites(accountID: principal.subject)
            return Page(
                items: ids.compactMap(snapshot.service).map { ServiceSummaryView($0, snapshot: snapshot) },
                nextCursor: nil)
        }
        api.on(.put, "/api/v1/me/favourites/{id}") { _, context in
            let principal = try Self.resident(context)
            let id = try context.parameters.require("id")
            guard try await self.catalog.snapshot().service(id) != nil else {
                throw ServiceHallProblem.serviceNotFound(id)
            }
            try await self.usage.repository.addFavourite(accountID: principal.subject, serviceID: id, at: self.clock())
            return Response(status: .noContent)
        }
        api.on(.delete, "/api/v1/me/favourites/{id}") { _, context in
            let principal = try Self.resident(context)
            try await self.usage.repository.removeFavourite(
                accountID: principal.subject, serviceID: try context.parameters.require("id"))
            return Response(status: .noContent)
        }
        api.on(.get, "/api/v1/me/recent-services") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let principal = try Self.resident(context)
            let snapshot = try await self.catalog.snapshot()
            let ids = try await self.usage.repository.recent(accountID: principal.subject, limit: 10)
            return Page(
                items: ids.compactMap(snapshot.service).map { ServiceSummaryView($0, snapshot: snapshot) },
                nextCursor: nil)
        }
    }

    /// The signed-in resident, or 401/403.
    static func resident(_ context: AppRequestContext) throws -> Principal {
        guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
        guard principal.role == .resident else { throw ServiceHallProblem.residentsOnly }
        return principal
    }
}
