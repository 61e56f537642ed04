import Hummingbird
import Platform

/// The signed-in account's own data: `GET /api/v1/me`, `POST /api/v1/me/reveal`, `POST /api/v1/me/verification`.
public struct MeAPI: Sendable {
    let service: IdentityService

    public init(service: IdentityService) {
        self.service = service
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/me") { _, context in
            Profile(try await self.account(context), reveal: false)
        }
        api.on(.post, "/api/v1/me/reveal") { _, context in
            let account = try await self.account(context)
            try await self.service.recordReveal(of: account.id, by: context.principal!, address: context.clientAddress)
            return Profile(account, reveal: true)
        }
        api.on(.post, "/api/v1/me/verification") { _, context in
            // Only residents are checked against the household register; officials get 403, not a 404.
            try Authorization.requireResident(context.principal)
            let account = try await self.account(context)
            return Profile(
                try await self.service.recheckRegister(accountID: account.id, address: context.clientAddress),
                reveal: false)
        }
    }

    private func account(_ context: AppRequestContext) async throws -> Account {
        guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
        guard let account = try await self.service.accounts.find(id: principal.subject) else {
            throw IdentityProblem.invalidToken
        }
        return account
    }
}
