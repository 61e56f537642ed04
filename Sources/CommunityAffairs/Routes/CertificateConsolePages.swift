import Foundation
import HTTPTypes
import Hummingbird
import Platform

/// The community workers' pages: the review queue (`/console/certificates`, views to review / waiting for residents
/// / done), a request with its review forms, the issued list with revocation. No JavaScript.
struct CertificateConsolePages: Sendable {
    let service: CertificateService
    let renderer: PageRenderer

    /// A view of the queue.
    enum View: String, CaseIterable {
        case submitted
        case needsMore = "needs_more"
        case done

        var statuses: [CertificateRequest.Status] {
            switch self {
            case .submitted: [.submitted]
            case .needsMore: [.needsMore]
            case .done: [.issued, .rejected]
            }
        }
    }

    /// A tab.
    struct Tab {
        let href: String
        let label: String
        let current: Bool
    }

    /// A row.
    struct Item {
        let href: String
        let title: String
        let status: String
        let overdue: Bool
        let detail: String
    }

    /// The page's model.
    struct Model {
        let heading: String
        let tabs: [Tab]
        let items: [Item]
    }

    /// The requests of the official's scope with these statuses (403 for roles that neither review nor revoke).
    static func queue(_ principal: Principal?, statuses: [CertificateRequest.Status]) throws -> RequestRepository.Filter
    {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        let allowed =
            Authorization.roles(for: .reviewCertificates).contains(principal.role)
            || Authorization.roles(for: .revokeCertificates).contains(principal.role)
        guard allowed, !principal.role.isDepartmentScoped, let scope = principal.scope else {
            throw AuthorizationProblem.forbidden
        }
        return .init(divisionPrefix: Authorization.scopePrefix(scope), statuses: statuses)
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/console/certificates") { request, context in
            let query = try QueryParameters(request, allowed: ["view"])
            guard context.principal != nil else { return WebForm.redirect("/console") }
            let view = try query.choice("view", as: View.self) ?? .submitted
            let items = try await self.service.requests.list(
                try Self.queue(context.principal, statuses: view.statuses), byDue: view != .done)
            let strings = CommunityAffairsStrings.table(for: context.locale)
            let now = CityClock.now()
            let model = Model(
                heading: strings["queue"] ?? "",
                tabs: View.allCases.map {
                    Tab(
                        href: "/console/certificates?view=\($0.rawValue)", label: strings["view_\($0.rawValue)"] ?? "",
                        current: $0 == view)
                },
                items: items.map {
                    Item(
                        href: "/console/certificates/requests/\($0.id)",
                        title: self.service.catalog.kind($0.kindID)?.name.pick(context.locale) ?? $0.kindID,
                        status: $0.status.label.pick(context.locale),
                        overdue: $0.status == .submitted && $0.dueAt < now,
                        detail: "\($0.communityCode) · \(CityClock.localDateTime($0.dueAt))")
                })
            return self.renderer.render(
                "certificates-console", title: model.heading, model: model, request: request, context: context,
                strings: strings)
        }
        router.get("/console/certificates/issued") { request, context in
            _ = try QueryParameters(request, allowed: [])
            guard let principal = context.principal else { return WebForm.redirect("/console") }
            let official = try Authorization.requireRole(principal, .revokeCertificates)
            let items = try await self.service.certificates.list(
                divisionPrefix: Authorization.scopePrefix(official.scope ?? "-"))
            let strings = CommunityAffairsStrings.table(for: context.locale)
            let model = Model(
                heading: strings["issued"] ?? "", tabs: [],
                items: items.map {
                    Item(
                        href: "/console/certificates/documents/\($0.number)",
                        title: $0.content.title.pick(context.locale),
                        status: $0.revokedAt == nil ? $0.content.issuedOn : strings["revoked"] ?? "", overdue: false,
                        detail: $0.number)
                })
            return self.renderer.render(
                "certificates-console", title: model.heading, model: model, request: request, context: context,
                strings: strings)
        }
        self.registerForms(on: router)
    }

    func registerForms(on router: Router<AppRequestContext>) {
        router.get("/console/certificates/requests/{id}") { request, context in
            let id = try context.parameters.require("id")
            guard context.principal != nil else { return WebForm.redirect("/console") }
            let found = try await self.service.visible(id, to: context.principal)
            return try await RequestPage(service: self.service, renderer: self.renderer)
                .render(found, documentBase: "/console/certificates/documents", request, context)
        }
        router.post("/console/certificates/requests/{id}/review") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            guard let decision = ReviewDecision(rawValue: fields["decision"] ?? "") else { throw WebForm.malformed }
            let page = "/console/certificates/requests/\(id)"
            do {
                _ = try await self.service.review(id, decision: decision, note: fields["note"], by: principal)
            } catch let problem as Problem where [.conflict, .unprocessableContent].contains(problem.status) {
                return RequestPage.redirect(page, error: problem.text(context.locale))
            }
            return WebForm.redirect(page)
        }
        router.post("/console/certificates/documents/{number}/revoke") { request, context in
            let number = try context.parameters.require("number")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            do {
                _ = try await self.service.revoke(number, reason: fields["reason"], by: principal)
            } catch let problem as Problem where [.conflict, .unprocessableContent].contains(problem.status) {
                return RequestPage.redirect(
                    "/console/certificates/documents/\(number)", error: problem.text(context.locale))
            }
            return WebForm.redirect("/console/certificates/documents/\(number)")
        }
    }
}
