import Foundation
import Hummingbird
import Platform

/// Department staff issue bills: `POST /api/v1/bills` with an `Idempotency-Key`.
///
/// Only officials: department systems' OAuth clients hold client-credentials tokens with the scope `api` and no
/// department, so they cannot be told apart by department yet.
public struct BillingStaffAPI: Sendable {
    let issuer: BillIssuer

    public init(issuer: BillIssuer) {
        self.issuer = issuer
    }

    /// Registers the route.
    public func register(on api: APIRoutes) {
        api.on(.post, "/api/v1/bills") { request, context in
            try Authorization.requireRole(context.principal, .manageBills)
            let key = try IdempotencyKeys.validated(request.headers[.idempotencyKey])
            let body = try await request.decode(as: BillIssuer.IssueRequest.self, context: context)
            let answer = try await self.issuer.issue(body, by: context.principal, key: key)
            return BillingAPI.response(answer)
        }
    }
}
