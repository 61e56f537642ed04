import Foundation
import HTTPTypes
import Hummingbird
import Platform
import ServiceHall

/// The residents' pages: the permitted list (`/certificates`), a request form, my certificates, a request with its
/// timeline, and an issued certificate (printable). No JavaScript.
struct CertificatePages: Sendable {
    let service: CertificateService
    let renderer: PageRenderer

    /// The directory holding this context's templates.
    static var templateDirectory: String {
        Bundle.module.resourcePath.map { $0 + "/templates" } ?? "Sources/CommunityAffairs/Resources/templates"
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/certificates") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let model = CatalogView(
                self.service.catalog, services: try await self.service.services?.snapshot(), locale: context.locale)
            return self.render("certificates-catalog", "catalog_title", model, request, context)
        }
        router.get("/certificates/new") { request, context in
            guard context.principal != nil else {
                return WebForm.signInRedirect(returningTo: request.uri.description)
            }
            return try await self.form(request.uri.queryParameters.get("kind") ?? "", [:], nil, request, context)
        }
        router.post("/certificates/requests") { request, context in
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            let kind = fields["kind"] ?? ""
            var inputs: [String: String] = [:]
            for (key, value) in fields where key.hasPrefix("input.") { inputs[String(key.dropFirst(6))] = value }
            do {
                let created = try await self.service.request(kind: kind, inputs: inputs, by: principal)
                return WebForm.redirect("/certificates/requests/\(created.id)")
            } catch let error as any AppError where [.unprocessableContent, .forbidden].contains(error.status) {
                return try await self.form(
                    kind, inputs, error.text(context.locale), request, context, status: error.status)
            }
        }
        router.get("/certificates/mine") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else {
                return WebForm.signInRedirect(returningTo: "/certificates/mine")
            }
            try Authorization.requireResident(principal)
            let requests = try await self.service.requests.list(.init(accountID: principal.subject))
            let documents = try await self.service.certificates.list(accountID: principal.subject)
            let model = MineModel(
                requests: requests.map {
                    MineModel.Row(
                        id: $0.id,
                        kindName: self.service.catalog.kind($0.kindID)?.name.pick(context.locale) ?? $0.kindID,
                        status: $0.status.rawValue, statusLabel: $0.status.label.pick(context.locale),
                        created: CityClock.localDateTime($0.createdAt))
                },
                documents: documents.map {
                    MineModel.Document(
                        number: $0.number, title: $0.content.title.pick(context.locale), revoked: $0.revokedAt != nil)
                })
            return self.render("certificates-mine", "my_certificates", model, request, context)
        }
        self.registerDetails(on: router)
    }

    func registerDetails(on router: Router<AppRequestContext>) {
        router.get("/certificates/requests/{id}") { request, context in
            let id = try context.parameters.require("id")
            guard context.principal != nil else {
                return WebForm.signInRedirect(returningTo: "/certificates/requests/\(id)")
            }
            let found = try await self.service.visible(id, to: context.principal)
            return try await RequestPage(service: self.service, renderer: self.renderer)
                .render(found, documentBase: "/certificates/documents", request, context)
        }
        router.post("/certificates/requests/{id}/supplement") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            do {
                _ = try await self.service.supplement(id, note: fields["note"], by: principal)
            } catch let problem as Problem where [.conflict, .unprocessableContent].contains(problem.status) {
                return RequestPage.redirect("/certificates/requests/\(id)", error: problem.text(context.locale))
            }
            return WebForm.redirect("/certificates/requests/\(id)")
        }
        for base in ["/certificates/documents", "/console/certificates/documents"] {
            router.get("\(base)/{number}") { request, context in
                let number = try context.parameters.require("number")
                guard context.principal != nil else {
                    return base.hasPrefix("/console")
                        ? WebForm.redirect("/console") : WebForm.signInRedirect(returningTo: "\(base)/\(number)")
                }
                let certificate = try await self.service.reveal(
                    number, to: context.principal, address: context.clientAddress)
                return DocumentPage.render(certificate, renderer: self.renderer, request, context)
            }
        }
    }

    func form(
        _ kindID: String, _ values: [String: String], _ error: String?, _ request: Request,
        _ context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let kind = self.service.catalog.kind(kindID) else {
            _ = try await self.service.permittedKind(kindID)
            throw CommunityAffairsProblem.unknownKind(kindID)
        }
        let locale = context.locale
        let model = FormModel(
            kind: FormModel.Kind(
                id: kind.id, name: kind.name.pick(locale), summary: kind.summary.pick(locale),
                checks: kind.checks.map { $0.pick(locale) }),
            fields: kind.inputs.map {
                FormModel.Field(
                    name: $0.name, label: $0.label.pick(locale), maxLength: $0.maxLength ?? 0,
                    value: values[$0.name] ?? "")
            }, error: error)
        return self.render("certificates-new", "new_title", model, request, context, status: status)
    }

    func render(
        _ template: String, _ title: String, _ model: Any, _ request: Request, _ context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let strings = CommunityAffairsStrings.table(for: context.locale)
        return self.renderer.render(
            template, title: strings[title] ?? "", model: model, request: request, context: context, strings: strings,
            status: status)
    }
}

/// The request form's model.
struct FormModel {
    /// The kind requested.
    struct Kind {
        let id: String
        let name: String
        let summary: String
        let checks: [String]
    }

    /// An input field.
    struct Field {
        let name: String
        let label: String
        let maxLength: Int
        let value: String
    }

    let kind: Kind
    let fields: [Field]
    let error: String?
}

/// "My certificates".
struct MineModel {
    /// A request.
    struct Row {
        let id: String
        let kindName: String
        let status: String
        let statusLabel: String
        let created: String
    }

    /// An issued certificate.
    struct Document {
        let number: String
        let title: String
        let revoked: Bool
    }

    let requests: [Row]
    let documents: [Document]
}
