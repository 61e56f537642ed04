import App
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOFoundationCompat
import Platform
import TestSupport
import Testing

@Suite("Operations")
struct OperationsTests {
    @Test("health, readiness and metrics answer", arguments: TestBackend.available)
    func probes(backend: TestBackend) async throws {
        try await TestApp.with(backend) { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(String(buffer: health.body) == #"{"status":"ok"}"#)
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .ok)
            #expect(String(buffer: ready.body).contains(#""database":"up""#))
            _ = try await client.execute(uri: "/api/v1/divisions", method: .get)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            #expect(
                String(buffer: metrics.body).contains(
                    "http_server_request_duration_count{http_route=\"/api/v1/divisions\""))
        }
    }

    @Test("every response carries a request id, the caller's when it is sane")
    func requestIDs() async throws {
        try await TestApp.with(.sqlite) { client in
            let supplied = try await client.execute(uri: "/healthz", method: .get, headers: [.requestID: "abc-123"])
            #expect(supplied.headers[.requestID] == "abc-123")
            let generated = try await client.execute(
                uri: "/healthz", method: .get, headers: [.requestID: "bad id\u{7}"])
            #expect(generated.headers[.requestID]?.count ?? 0 >= 16)
            let failed = try await client.execute(uri: "/api/v1/divisions/000000", method: .get)
            #expect(failed.headers[.requestID] != nil)
            #expect(String(buffer: failed.body).contains(failed.headers[.requestID]!))
        }
    }

    @Test("readiness fails with 503 problem+json when the database is gone")
    func readinessWithoutDatabase() async throws {
        // A PostgreSQL URL on a port nothing listens on: the pool never connects.
        let app = try await buildApplication(
            AppConfiguration(
                host: "127.0.0.1", port: 0,
                database: .postgres(.init(host: "127.0.0.1", port: 1, user: "x", password: nil, database: "x")),
                logLevel: .critical
            ),
            logger: TestDatabase.logger
        )
        let router = try await app.responder
        _ = router
        let database = try Database(
            url: .postgres(.init(host: "127.0.0.1", port: 1, user: "x", password: nil, database: "x")),
            logger: TestDatabase.logger
        )
        await #expect(throws: DatabaseUnreachable.self) {
            try await database.checkReachable(timeout: .seconds(3))
        }
    }

    @Test("the OpenAPI document lists exactly the registered API routes")
    func openAPIMatchesRoutes() async throws {
        let (url, remove) = try await TestDatabase.make(.sqlite)
        defer { Task { await remove() } }
        let database = try Database(url: url, logger: TestDatabase.logger)
        let wiring = try await AppWiring(database: database, logger: TestDatabase.logger)
        let registered = Set(wiring.api.all)
        #expect(!registered.isEmpty)

        try await TestApp.with(.sqlite) { client in
            let response = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(response.status == .ok)
            let documented = OpenAPIPaths.parse(String(buffer: response.body))
            #expect(documented == registered, "documented: \(documented.sorted { $0.description < $1.description })")
        }
    }

    @Test("the home page shows the city's figures and the console sign-in form", arguments: TestBackend.available)
    func pages(backend: TestBackend) async throws {
        try await TestApp.with(backend) { client in
            let home = try await client.execute(uri: "/", method: .get)
            #expect(home.status == .ok)
            let html = String(buffer: home.body)
            #expect(html.contains("<html lang=\"zh-CN\">"))
            #expect(html.contains("id=\"city-stats\""))
            #expect(html.contains(DataAttribution.divisions))
            let console = String(buffer: try await client.execute(uri: "/console?lang=en", method: .get).body)
            #expect(console.contains("name=\"username\""))
            #expect(console.contains("name=\"password\""))
            #expect(console.contains("Console sign-in"))
            let css = try await client.execute(uri: "/static/site.css", method: .get)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
        }
    }
}

/// Reads the `paths` section of our OpenAPI document: path keys at two spaces, methods at four.
enum OpenAPIPaths {
    static func parse(_ yaml: String) -> Set<APIRoute> {
        var routes = Set<APIRoute>()
        var inPaths = false
        var path: String?
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") {
                inPaths = line.hasPrefix("paths:")
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  ") && !line.hasPrefix("   ") && line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    ") && !line.hasPrefix("     "), let path {
                let key = line.dropFirst(4).split(separator: ":").first.map(String.init) ?? ""
                if methods.contains(key) { routes.insert(APIRoute(method: key.uppercased(), path: path)) }
            }
        }
        return routes
    }
}
