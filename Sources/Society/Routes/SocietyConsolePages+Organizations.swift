import Foundation
import Hummingbird
import Platform

extension SocietyConsolePages {
    /// `/console/society/organizations`.
    struct OrganizationsModel {
        let items: [Item]
        let empty: Bool
        let error: String?
    }

    /// One organization with its status.
    struct Item {
        let id: String
        let name: String
        let kind: String
        let creditCode: String
        let status: String
        let canVerify: Bool
        let canSuspend: Bool
    }

    /// The organizations of the scope, pending first, with verify and suspend forms.
    func registerOrganizations(on router: Router<AppRequestContext>) {
        router.get("/console/society/organizations") { request, context in
            let query = try QueryParameters(request, allowed: ["error"])
            guard let principal = context.principal else { return WebForm.redirect("/console") }
            let official = try Authorization.requireRole(principal, .superviseOrganizations)
            var filter = OrganizationFilter()
            filter.statuses = [.pending, .verified, .suspended]
            filter.divisionPrefix = Authorization.scopePrefix(official.scope ?? "-")
            let (items, _) = try await self.organizations.organizations.search(filter, after: nil, limit: 100)
            let sorted = items.sorted { ($0.status == .pending ? 0 : 1) < ($1.status == .pending ? 0 : 1) }
            let model = OrganizationsModel(
                items: sorted.map {
                    Item(
                        id: $0.id, name: $0.name,
                        kind: SocietyStrings.label("kind_\($0.kind.rawValue)", context.locale),
                        creditCode: $0.creditCode ?? "—",
                        status: SocietyStrings.label($0.status.rawValue, context.locale),
                        canVerify: $0.status != .verified, canSuspend: $0.status == .verified)
                }, empty: items.isEmpty, error: query.string("error"))
            return self.render("society-console-organizations", "orgs_to_verify", model, request, context)
        }
        router.post("/console/society/organizations/{id}") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            return try await self.attempt("/console/society/organizations") {
                _ = try await self.organizations.decide(
                    id, verify: fields["decision"] == "verify", reason: fields["reason"], by: principal)
                return "/console/society/organizations"
            }
        }
    }
}
