import Foundation
import Platform

extension OIDCProvider {
    /// The claims of a logout token (OpenID Connect Back-Channel Logout 1.0 §2.4).
    struct LogoutTokenClaims: Encodable, Sendable {
        let iss: String
        let aud: String
        let iat: Int64
        let exp: Int64
        let jti: String
        let sub: String
        let sid: String
        let events: [String: [String: String]]
    }

    /// Queues a signed logout token for every client with a back-channel logout URI that received a code in the
    /// provider session `sid`.
    func queueBackChannelLogout(accountID: String, sid: String) async throws {
        let signer = try await self.identity.authority.signer()
        var deliveries: [(clientID: String, uri: String, token: String)] = []
        for clientID in try await self.codes.clients(inSession: sid) {
            guard let client = try await self.clients.find(clientID), let uri = client.backchannelLogoutURI else {
                continue
            }
            let now = AccountRepository.now()
            let token = try signer.sign(
                claims: LogoutTokenClaims(
                    iss: self.issuer, aud: clientID, iat: now, exp: now + 120, jti: RandomToken.make(bytes: 16),
                    sub: try await self.subject(for: accountID, client: client), sid: sid,
                    events: ["http://schemas.openid.net/event/backchannel-logout": [:]]),
                // Back-Channel Logout 1.0 §2.4: logout tokens are signed with the same keys as the client's ID tokens.
                type: "logout+jwt", algorithm: client.idTokenAlgorithm)
            deliveries.append((clientID, uri, token))
        }
        try await LogoutOutboxRepository(database: self.database).enqueue(deliveries)
    }
}
