import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Platform
import ServiceHall

/// The certificates API: the permitted list, requests and their review, issued documents and revocation, and the
/// signing keys.
struct CertificateAPI: Sendable {
    let service: CertificateService

    /// The body of `POST /api/v1/certificates/requests`.
    struct RequestBody: Decodable {
        let kind: String
        let inputs: [String: String]?
    }

    /// The body of a review.
    struct ReviewBody: Decodable {
        let decision: String
        let note: String?
    }

    /// The body of a supplement or revocation.
    struct NoteBody: Decodable {
        let note: String?
        let reason: String?
    }

    func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/certificates/catalog") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return CatalogView(
                self.service.catalog, services: try await self.service.services?.snapshot(), locale: context.locale)
        }
        api.on(.post, "/api/v1/certificates/requests") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let principal = try Authorization.requireResident(context.principal)
            let body = try await request.decode(as: RequestBody.self, context: context)
            let created = try await self.service.request(kind: body.kind, inputs: body.inputs ?? [:], by: principal)
            return try self.json(
                self.view(created, context.locale, events: []), status: .created,
                location: "/api/v1/certificates/requests/\(created.id)")
        }
        api.on(.get, "/api/v1/certificates/requests") { request, context in
            let query = try QueryParameters(request, allowed: ["status"])
            guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
            let status = try query.choice("status", as: CertificateRequest.Status.self)
            let filter: RequestRepository.Filter
            if principal.role == .resident {
                filter = .init(accountID: principal.subject, statuses: status.map { [$0] } ?? [])
            } else {
                filter = try CertificateConsolePages.queue(principal, statuses: status.map { [$0] } ?? [])
            }
            let items = try await self.service.requests.list(filter, byDue: principal.role != .resident)
            return ListView(items: items.map { self.view($0, context.locale) }, nextCursor: nil)
        }
        api.on(.get, "/api/v1/certificates/requests/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let found = try await self.service.visible(try context.parameters.require("id"), to: context.principal)
            return self.view(found, context.locale, events: try await self.service.requests.events(found.id))
        }
        api.on(.post, "/api/v1/certificates/requests/{id}/review") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
            let body = try await request.decode(as: ReviewBody.self, context: context)
            guard let decision = ReviewDecision(rawValue: body.decision) else {
                throw CommunityAffairsProblem.invalid(
                    "decision", zh: "决定须为 approve、reject 或 more。", en: "The decision is one of approve, reject, more.")
            }
            let id = try context.parameters.require("id")
            let reviewed = try await self.service.review(id, decision: decision, note: body.note, by: principal)
            return self.view(reviewed, context.locale, events: try await self.service.requests.events(id))
        }
        api.on(.post, "/api/v1/certificates/requests/{id}/supplement") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let principal = try Authorization.requireResident(context.principal)
            let body = try await request.decode(as: NoteBody.self, context: context)
            let id = try context.parameters.require("id")
            let updated = try await self.service.supplement(id, note: body.note, by: principal)
            return self.view(updated, context.locale, events: try await self.service.requests.events(id))
        }
        self.registerDocuments(on: api)
    }

    func registerDocuments(on api: APIRoutes) {
        api.on(.get, "/api/v1/certificates/documents") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
            let items: [Certificate]
            if principal.role == .resident {
                items = try await self.service.certificates.list(accountID: principal.subject)
            } else {
                let official = try Authorization.requireRole(principal, .revokeCertificates)
                items = try await self.service.certificates.list(
                    divisionPrefix: Authorization.scopePrefix(official.scope ?? "-"))
            }
            return ListView(items: items.map(CertificateView.init), nextCursor: nil)
        }
        api.on(.get, "/api/v1/certificates/documents/{number}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return CertificateView(
                try await self.service.reveal(
                    try context.parameters.require("number"), to: context.principal, address: context.clientAddress))
        }
        api.on(.post, "/api/v1/certificates/documents/{number}/revocation") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let principal = try Authorization.requireRole(context.principal, .revokeCertificates)
            let body = try await request.decode(as: NoteBody.self, context: context)
            return CertificateView(
                try await self.service.revoke(
                    try context.parameters.require("number"), reason: body.reason ?? body.note, by: principal))
        }
        api.on(.get, "/api/v1/certificates/keys") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            return ListView(
                items: try await self.service.signer.publicKeys().map {
                    KeyView(kid: $0.kid, algorithm: "Ed25519", publicKey: $0.publicKey, createdAt: $0.createdAt)
                }, nextCursor: nil)
        }
        api.on(.post, "/api/v1/certificates/keys") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let principal = try Authorization.requireRole(context.principal, .rotateCertificateKeys)
            let kid = try await self.service.rotateKey(by: principal)
            let key = try await self.service.signer.publicKeys().first { $0.kid == kid }
            return try self.json(
                KeyView(
                    kid: kid, algorithm: "Ed25519", publicKey: key?.publicKey ?? "", createdAt: key?.createdAt ?? 0),
                status: .created, location: "/api/v1/certificates/keys")
        }
    }

    func view(_ request: CertificateRequest, _ locale: AppLocale, events: [RequestEvent]? = nil) -> RequestView {
        RequestView(request, catalog: self.service.catalog, locale: locale, events: events)
    }

    func json(_ value: some Encodable, status: HTTPResponse.Status, location: String) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .location: location],
            body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(value))))
    }
}

/// A signing key as verifiers fetch it.
struct KeyView: Codable, ResponseEncodable {
    let kid: String
    let algorithm: String
    /// The raw 32-byte Ed25519 public key, base64.
    let publicKey: String
    let createdAt: Int64
}
