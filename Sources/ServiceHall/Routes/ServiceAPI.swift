import Foundation
import HTTPTypes
import Hummingbird
import Platform

/// The catalog API: search, hot services, a service's details, departments and themes, and the single sign-on
/// launch of department systems.
public struct ServiceAPI: Sendable {
    let catalog: CatalogStore
    let usage: UsageFigures
    let launcher: SystemLauncher

    public init(catalog: CatalogStore, usage: UsageFigures, launcher: SystemLauncher) {
        self.catalog = catalog
        self.usage = usage
        self.launcher = launcher
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/services") { request, context in try await self.search(request, context) }
        api.on(.get, "/api/v1/services/hot") { request, _ in try await self.hot(request) }
        api.on(.get, "/api/v1/services/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let snapshot = try await self.catalog.snapshot()
            let id = try context.parameters.require("id")
            guard let service = snapshot.service(id) else { throw ServiceHallProblem.serviceNotFound(id) }
            return ServiceDetailView(service, snapshot: snapshot, level: context.principal?.level ?? 0)
        }
        api.on(.post, "/api/v1/services/{id}/launches") { _, context in
            let url = try await self.launcher.launch(try context.parameters.require("id"), by: context.principal)
            return LaunchView(url: url)
        }
        api.on(.get, "/api/v1/departments") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            let snapshot = try await self.catalog.snapshot()
            var counts: [String: Int] = [:]
            for service in snapshot.catalog.services { counts[service.department, default: 0] += 1 }
            return Page(
                items: snapshot.catalog.departments.map {
                    DepartmentView(id: $0.id, name: $0.name, services: counts[$0.id] ?? 0)
                }, nextCursor: nil)
        }
        api.on(.get, "/api/v1/themes") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            let snapshot = try await self.catalog.snapshot()
            var counts: [String: Int] = [:]
            for service in snapshot.catalog.services { counts[service.theme, default: 0] += 1 }
            return Page(
                items: snapshot.catalog.themes.map {
                    DepartmentView(id: $0.id, name: $0.name, services: counts[$0.id] ?? 0)
                },
                nextCursor: nil)
        }
    }

    /// A department or theme with its number of services.
    struct DepartmentView: Codable, Sendable {
        let id: String
        let name: LocalizedText
        let services: Int
    }

    /// Where to send the resident to enter a department system.
    struct LaunchView: ResponseEncodable, Sendable {
        let url: String
    }

    /// Reads the search parameters shared by the API and the pages.
    static func query(_ parameters: QueryParameters, snapshot: CatalogSnapshot, principal: Principal?) throws
        -> ServiceQuery
    {
        let text = parameters.string("q")
        if let text, text.count > 50 {
            throw Problem.invalidParameter(
                "q", zh: "搜索词不能超过 50 个字。", en: "The search text is limited to 50 characters.")
        }
        let theme = parameters.string("theme")
        if let theme, snapshot.theme(theme) == nil {
            throw Problem.invalidParameter(
                "theme", zh: "没有主题“\(theme.prefix(40))”。", en: "No theme '\(theme.prefix(40))'.")
        }
        let department = parameters.string("department")
        if let department, snapshot.department(department) == nil {
            throw Problem.invalidParameter(
                "department", zh: "没有部门“\(department.prefix(40))”。", en: "No department '\(department.prefix(40))'.")
        }
        let available = parameters.string("available")
        guard available == nil || available == "true" || available == "false" else {
            throw Problem.invalidParameter(
                "available", zh: "参数“available”必须是 true 或 false。", en: "Parameter 'available' must be true or false.")
        }
        return ServiceQuery(
            text: text, theme: theme, department: department, kind: try parameters.choice("kind", as: ServiceKind.self),
            availableToLevel: available == "true" ? (principal?.level ?? 0) : nil)
    }

    private func search(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let parameters = try QueryParameters(
            request, allowed: ["q", "theme", "department", "kind", "available", "cursor", "limit"])
        let snapshot = try await self.catalog.snapshot()
        let query = try Self.query(parameters, snapshot: snapshot, principal: context.principal)
        let limit = try parameters.int("limit", in: 1...200, default: 50)
        let offset =
            try parameters.string("cursor").map { token -> Int in
                guard let offset = Int(try Cursor(token: token).after), offset >= 0 else {
                    throw Problem(
                        .badRequest, code: "invalid_cursor", zh: "分页游标无效，请从第一页重新开始。",
                        en: "The page cursor is invalid; start again from the first page.",
                        extensions: ["parameter": "cursor"])
                }
                return offset
            } ?? 0
        let hits = snapshot.search.search(query, popularity: try await self.usage.popularity())
        let page = hits.dropFirst(offset).prefix(limit)
        let next = offset + page.count < hits.count ? Cursor(after: String(offset + page.count)).token : nil
        return PreencodedPage.response(items: page.map { snapshot.summaryJSON($0.id) }, nextCursor: next)
    }

    /// Items `{"service":{…},"uses30Days":N}`.
    private func hot(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request, allowed: ["limit"])
        let limit = try parameters.int("limit", in: 1...50, default: 10)
        let snapshot = try await self.catalog.snapshot()
        let items = try await self.usage.hot(snapshot: snapshot, limit: limit).map {
            Array("{\"service\":".utf8) + snapshot.summaryJSON($0.service.id)
                + Array(",\"uses30Days\":\($0.uses)}".utf8)
        }
        return PreencodedPage.response(items: items, nextCursor: nil)
    }
}
