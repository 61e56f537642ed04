import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Platform

/// Open311 GeoReport v2 at `/open311/v2` (discovery, services, service definitions, requests, tokens and the
/// FixMyStreet `servicerequestupdates` extension), in JSON and XML, so existing Open311 clients work unchanged.
/// Service codes are the case categories; `address_id` is the community code (or `attribute[community]`).
public struct Open311Routes: Sendable {
    let service: CaseService
    let keys: Open311Keys
    static let base = "/open311/v2"

    public init(service: CaseService, keys: Open311Keys) {
        self.service = service
        self.keys = keys
    }

    /// Registers every endpoint in both formats.
    public func register(on api: APIRoutes) {
        for format in ["json", "xml"] {
            self.on(api, .get, "/discovery.\(format)", root: "discovery") { _, _ in self.discovery() }
            self.on(api, .get, "/services.\(format)", root: "services") { _, context in
                try await self.services(context.locale)
            }
            self.on(api, .get, "/services/{code}.\(format)", root: "service_definition") { _, context in
                try await self.definition(try context.parameters.require("code"))
            }
            self.on(api, .get, "/requests.\(format)", root: "service_requests") { request, context in
                try await self.requests(Open311Form.parse(request.uri.query ?? ""), context.locale)
            }
            self.on(api, .post, "/requests.\(format)", root: "service_requests", status: .created) {
                request, context in
                let body = try await request.body.collect(upTo: 1 << 20)
                var fields = Open311Form.parse(request.uri.query ?? "")
                fields.merge(Open311Form.parse(String(buffer: body))) { $1 }
                return try await self.submit(fields, context.locale)
            }
            self.on(api, .get, "/requests/{id}.\(format)", root: "service_requests") { _, context in
                try await self.request(try context.parameters.require("id"), context.locale)
            }
            self.on(api, .get, "/tokens/{id}.\(format)", root: "service_requests") { _, context in
                let id = try context.parameters.require("id")
                guard try await self.service.cases.find(id) != nil else {
                    throw Open311Error(status: 404, description: "token \(id.prefix(40)) not found")
                }
                return .list(item: "request", [.object([("service_request_id", .text(id)), ("token", .text(id))])])
            }
            self.on(api, .get, "/servicerequestupdates.\(format)", root: "service_request_updates") { request, _ in
                try await self.updates(Open311Form.parse(request.uri.query ?? ""), json: format == "json")
            }
            self.on(api, .post, "/servicerequestupdates.\(format)", root: "service_request_updates") {
                request, _ in
                let body = try await request.body.collect(upTo: 1 << 20)
                return try await self.postUpdate(Open311Form.parse(String(buffer: body)), json: format == "json")
            }
        }
    }

    /// Registers one endpoint; answers in the path's format, errors as the standard's error list.
    private func on(
        _ api: APIRoutes, _ method: HTTPRequest.Method, _ path: String, root: String,
        status: HTTPResponse.Status = .ok,
        _ handler: @Sendable @escaping (Request, AppRequestContext) async throws -> Open311Document
    ) {
        let xml = path.hasSuffix(".xml")
        api.on(method, Self.base + path) { request, context in
            do {
                return Self.response(try await handler(request, context), root: root, xml: xml, status: status)
            } catch let error as Open311Error {
                return Self.response(
                    error.document, root: "errors", xml: xml, status: HTTPResponse.Status(code: error.status))
            } catch let problem as any AppError {
                let code = problem.status.code == 422 ? 400 : problem.status.code
                let description = context.locale.pick(zh: problem.detailZH, en: problem.detailEN)
                return Self.response(
                    Open311Error(status: code, description: description).document, root: "errors", xml: xml,
                    status: HTTPResponse.Status(code: code))
            }
        }
    }

    static func response(_ document: Open311Document, root: String, xml: Bool, status: HTTPResponse.Status)
        -> Response
    {
        let text = xml ? document.xml(root: root) : document.json
        return Response(
            status: status,
            headers: [.contentType: xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func discovery() -> Open311Document {
        let endpoint = Open311Document.object([
            ("specification", .text("http://wiki.open311.org/GeoReport_v2")),
            ("url", .text(self.service.publicBaseURL + Self.base)), ("changeset", .text("2026-12-01T00:00:00+08:00")),
            ("type", .text("production")),
            ("formats", .list(item: "format", [.text("application/json"), .text("text/xml")])),
        ])
        return .object([
            ("changeset", .text("2026-12-01T00:00:00+08:00")), ("contact", .text("12345 市民服务热线")),
            ("key_service", .text("API keys are issued by the city: citizen-cloud cases api-key create --name …")),
            ("endpoints", .list(item: "endpoint", [endpoint])),
        ])
    }

    func services(_ locale: AppLocale) async throws -> Open311Document {
        .list(
            item: "service",
            try await self.service.categories.categories().map { category in
                .object([
                    ("service_code", .text(category.code)), ("service_name", .text(category.name.pick(locale))),
                    ("description", .text(Self.notice(category, locale))), ("metadata", .bool(false)),
                    ("type", .text("realtime")), ("keywords", .text(category.kind)), ("group", .text(category.kind)),
                ])
            })
    }

    func definition(_ code: String) async throws -> Open311Document {
        guard try await self.service.categories.categories().contains(where: { $0.code == code }) else {
            throw Open311Error(status: 404, description: "service_code \(code.prefix(40)) not found")
        }
        return .object([("service_code", .text(code)), ("attributes", .list(item: "attribute", []))])
    }

    static func notice(_ category: CaseCategory, _ locale: AppLocale) -> String {
        category.deadlineDays == 0
            ? locale.pick(zh: "紧急诉求，当日处置。", en: "Urgent: handled the same day.")
            : locale.pick(
                zh: "承诺 \(category.deadlineDays) 个工作日内办结。",
                en: "Resolved within \(category.deadlineDays) working days.")
    }
}
