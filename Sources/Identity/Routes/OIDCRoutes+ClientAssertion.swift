import Foundation
import Platform

extension OIDCRoutes {
    /// `private_key_jwt`: the client named by the assertion's `iss` (and `client_id`, when given), when the assertion
    /// is signed by one of its registered keys, addressed to this provider, fresh, and its `jti` unused.
    /// Every failure is the same `invalid_client`, so a caller learns nothing about which check failed.
    func authenticateWithAssertion(form: [String: String], basicClientID: String?) async throws -> OAuthClient {
        guard basicClientID == nil, form["client_secret"] == nil,
            form["client_assertion_type"] == ClientAssertion.type, let assertion = form["client_assertion"],
            let issuer = ClientAssertion.unverifiedIssuer(assertion), form["client_id"].map({ $0 == issuer }) ?? true,
            let client = try await self.provider.clients.find(issuer), let jwks = client.jwks
        else { throw OAuthError.invalidClient() }
        let audiences: Set<String> = [self.provider.issuer, self.provider.issuer + "/oauth/token"]
        guard
            let claims = ClientAssertion.verify(
                assertion, keys: ClientAssertion.keys(fromJWKS: jwks), clientID: client.clientID, audiences: audiences,
                now: AccountRepository.now()),
            try await ClientAssertionRepository(database: self.provider.database).use(
                jti: claims.jti, clientID: client.clientID, expiresAt: claims.exp)
        else { throw OAuthError.invalidClient() }
        return client
    }
}
