import Foundation
import Hummingbird
import Logging
import NIOCore
import Platform
import Prometheus

/// `/healthz`, `/readyz`, `/metrics` and `/openapi.yaml`: what operators and API clients need.
struct OperationsRoutes: Sendable {
    let database: Database
    /// The merged OpenAPI document.
    let openAPI: String

    func register(on router: Router<AppRequestContext>) {
        // Liveness: the process answers. Kept free of I/O so it is the baseline of every benchmark.
        router.get("/healthz") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(staticString: #"{"status":"ok"}"#))
            )
        }
        // Readiness: the database answers.
        router.get("/readyz") { _, context in
            do {
                try await self.database.ping()
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ready","database":"up"}"#))
                )
            } catch {
                context.logger.warning("readiness.database_down", metadata: ["error.type": "\(type(of: error))"])
                throw Problem(
                    .serviceUnavailable, code: "database_unavailable",
                    zh: "数据库暂不可用。", en: "The database is not reachable."
                )
            }
        }
        router.get("/metrics") { _, _ in
            var buffer: [UInt8] = []
            AppMetrics.registry.emit(into: &buffer)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer))
            )
        }
        let openAPI = ByteBuffer(string: self.openAPI)
        router.get("/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: openAPI)
            )
        }
    }
}
