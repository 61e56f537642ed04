import Foundation
import Hummingbird
import Platform
import Territory

extension ConsolePages {
    /// A resident row of the console's tables, personal data masked.
    struct ResidentRow: Sendable {
        let id: String
        let name: String
        let idNumber: String
        let phone: String
        let level: String
        let community: String

        init(_ account: Account) {
            let profile = Profile(account, reveal: false)
            self.id = account.id
            self.name = account.name
            self.idNumber = profile.idNumber ?? ""
            self.phone = profile.phone ?? ""
            self.level = "L\(account.level)"
            self.community = account.communityCode ?? ""
        }
    }

    /// The model every signed-in console page shares, plus the page's own rows.
    struct ConsoleModel: Sendable {
        let csrf: String
        let name: String
        let role: String
        /// The role as people read it (`社区工作者`).
        var roleLabel = ""
        let scope: String
        var scopeName = ""
        /// The menu entries of the visitor's role (with counts on the home page).
        var menu: [MenuItem] = []
        // Stored, not computed: Mustache sees only stored properties.
        var residents: [ResidentRow] = [] {
            didSet { self.hasResidents = !self.residents.isEmpty }
        }
        var hasResidents = false
        var audit: [AuditRow] = []
        var nextCursor: String = "" {
            didSet { self.hasNext = !self.nextCursor.isEmpty }
        }
        var hasNext = false

        init(_ visitor: Visitor) {
            let principal = visitor.account.principal
            self.csrf = visitor.csrf
            self.name = visitor.account.name
            self.role = principal.role.rawValue
            self.scope = principal.scope ?? ""
        }
    }

    /// A console menu link as a page shows it.
    struct MenuItem: Sendable {
        let id: String
        let label: String
        let path: String
        let count: String
        let hasCount: Bool
    }

    /// The visitor's menu; with `counting`, each entry's count of what waits (a failing count shows none).
    func menuItems(for principal: Principal, locale: AppLocale, counting: Bool) async -> [MenuItem] {
        var items: [MenuItem] = []
        for entry in self.menu where entry.isShown(to: principal) {
            var count: Int?
            if counting, let counter = entry.count { count = try? await counter(principal) }
            items.append(
                MenuItem(
                    id: entry.id, label: entry.label.pick(locale), path: entry.path,
                    count: count.map(String.init) ?? "",
                    hasCount: count != nil))
        }
        return items
    }

    /// An audit line as the console shows it.
    struct AuditRow: Sendable {
        let time: String
        let actor: String
        let action: String
        let target: String
        let address: String
        let outcome: String

        init(_ entry: AuditEntry) {
            let formatter = ISO8601DateFormatter()
            self.time = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(entry.at)))
            self.actor = entry.actor ?? "—"
            self.action = entry.action + (entry.detail.map { " (\($0))" } ?? "")
            self.target = entry.target ?? ""
            self.address = entry.address ?? ""
            self.outcome = entry.outcome
        }
    }

    func registerViews(on router: Router<AppRequestContext>) {
        router.get("/console/home") { request, context in
            try await self.page("console-home", request, context) { visitor in
                var model = ConsoleModel(visitor)
                if let scope = visitor.account.scope, DivisionCode.isWellFormed(scope) {
                    model.scopeName = try await self.divisions.find(scope)?.name ?? ""
                }
                return model
            }
        }
        router.get("/console/residents") { request, context in
            let query = try QueryParameters(request, allowed: ["cursor"])
            return try await self.page("console-residents", request, context) { visitor in
                let official = try Authorization.requireRole(visitor.account.principal, .viewResidents)
                let after = try query.string("cursor").map { try Cursor(token: $0).after }
                let (items, more) = try await self.service.accounts.residents(
                    inside: official.scope!, after: after, limit: 50)
                var model = ConsoleModel(visitor)
                model.residents = items.map(ResidentRow.init)
                model.nextCursor = more ? items.last.map { Cursor(after: $0.id).token } ?? "" : ""
                return model
            }
        }
        router.get("/console/verifications") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return try await self.page("console-queue", request, context) { visitor in
                let worker = try Authorization.requireRole(visitor.account.principal, .verifyResidents)
                var model = ConsoleModel(visitor)
                model.residents = try await self.service.accounts.verificationQueue(inside: worker.scope!, limit: 100)
                    .map(ResidentRow.init)
                return model
            }
        }
        router.post("/console/residents/{id}/confirmation") { request, context in
            let form = try await Self.form(request, context: context)
            guard let visitor = try await self.visitor(request, context) else { return WebForm.redirect("/console") }
            guard form["csrf"] == visitor.csrf else { throw WebForm.csrfFailed }
            _ = try await self.service.confirmInPerson(
                residentID: try context.parameters.require("id"), by: visitor.account.principal,
                address: context.clientAddress)
            return WebForm.redirect("/console/verifications")
        }
        router.get("/console/audit") { request, context in
            let query = try QueryParameters(request, allowed: ["cursor"])
            return try await self.page("console-audit", request, context) { visitor in
                try Authorization.require(visitor.account.principal, .readAudit, divisionCode: "510100")
                let before = try query.string("cursor").map { try AuditLog.position(of: Cursor(token: $0)) }
                let (items, more) = try await self.audit.list(before: before, limit: 50)
                var model = ConsoleModel(visitor)
                model.audit = items.map(AuditRow.init)
                model.nextCursor = more ? items.last.map { Cursor(after: String($0.id)).token } ?? "" : ""
                return model
            }
        }
    }

    /// Renders a signed-in page; anonymous visitors go to the sign-in form.
    private func page(
        _ template: String, _ request: Request, _ context: AppRequestContext,
        _ build: (Visitor) async throws -> ConsoleModel
    ) async throws -> Response {
        guard let visitor = try await self.visitor(request, context) else { return WebForm.redirect("/console") }
        let strings = ConsoleStrings.table(for: context.locale)
        var model = try await build(visitor)
        model.roleLabel = visitor.account.principal.role.label.pick(context.locale)
        model.menu = await self.menuItems(
            for: visitor.account.principal, locale: context.locale, counting: template == "console-home")
        return self.renderer.render(
            template, title: strings["home_heading"] ?? "", model: model, request: request, context: context,
            strings: strings)
    }
}
