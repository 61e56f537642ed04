import Hummingbird
import Platform

/// `POST /api/v1/scenarios` (what-if: proposed and removed facilities → coverage before and after; public, nothing
/// is saved) and `GET /api/v1/me/near` (a signed-in resident's nearest facility of each kind).
public struct ScenarioAPI: Sendable {
    let service: LivabilityService

    public init(service: LivabilityService) {
        self.service = service
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.post, "/api/v1/scenarios") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let body: ScenarioRequest
            do {
                body = try await request.decode(as: ScenarioRequest.self, context: context)
            } catch {
                throw Problem(
                    .badRequest, code: "invalid_scenario",
                    zh: "请求体必须是 {\"add\":[{\"category\",\"lon\",\"lat\"}],\"remove\":[设施编号]}。",
                    en: "The body must be {\"add\":[{\"category\",\"lon\",\"lat\"}],\"remove\":[facility ids]}.",
                    extensions: ["field": "body"])
            }
            return try await self.service.scenario(body).result
        }
        api.on(.get, "/api/v1/me/near") { request, context in
            _ = try QueryParameters(request, allowed: [])
            return try await self.service.nearMe(context.principal)
        }
    }
}
