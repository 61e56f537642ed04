import Crypto
import Foundation
import Platform
import SQLKit

/// Registered OpenID Connect clients. Secrets are 256 random bits shown once and stored as SHA-256 hashes.
public struct ClientRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Registers a client; returns it and its secret (nil for public clients). `clientID` fixes the id (the demo's
    /// department systems); by default a random one is made.
    public func create(
        name: String, redirectURIs: [String], postLogoutRedirectURIs: [String] = [], scopes: Set<String>,
        confidential: Bool, pairwise: Bool, sector: String? = nil, backchannelLogoutURI: String? = nil,
        idTokenAlgorithm: JWSAlgorithm = .rs256, trusted: Bool = false, jwks: String? = nil,
        allowRealName: Bool = false, clientID fixedID: String? = nil
    ) async throws -> (client: OAuthClient, secret: String?) {
        guard !redirectURIs.isEmpty || scopes == ["api"],
            redirectURIs.allSatisfy({ URL(string: $0)?.scheme.map { ["https", "http"].contains($0) } ?? false })
        else {
            throw Problem.invalidParameter(
                "redirect_uri", zh: "回调地址必须是完整的 http(s) 地址。", en: "Redirect URIs must be absolute http(s) URLs.")
        }
        if let jwks, ClientAssertion.keys(fromJWKS: jwks).isEmpty {
            throw Problem.invalidParameter(
                "jwks", zh: "公钥集中没有可用的 P-256 或 RSA 签名公钥。", en: "The JWKS holds no usable P-256 or RSA key.")
        }
        let clientID = fixedID ?? "c_" + RandomToken.make(bytes: 12)
        // A client with registered public keys authenticates with private_key_jwt and gets no secret.
        let secret = confidential && jwks == nil ? RandomToken.make() : nil
        let scopes = allowRealName ? scopes.union(["real_name"]) : scopes.subtracting(["real_name"])
        let sector = sector ?? redirectURIs.first.flatMap { URL(string: $0)?.host } ?? clientID
        let client = OAuthClient(
            clientID: clientID, name: name, redirectURIs: redirectURIs, postLogoutRedirectURIs: postLogoutRedirectURIs,
            scopes: scopes, pairwise: pairwise, sector: sector, backchannelLogoutURI: backchannelLogoutURI,
            isConfidential: confidential || jwks != nil, idTokenAlgorithm: idTokenAlgorithm, trusted: trusted,
            jwks: jwks, allowRealName: allowRealName)
        try await self.database.withConnection { sql in
            try await sql.insert(into: "oidc_clients")
                .columns(
                    "client_id", "secret_hash", "name", "redirect_uris", "post_logout_redirect_uris", "scopes",
                    "pairwise", "sector", "created_at", "backchannel_logout_uri", "id_token_alg", "trusted", "jwks",
                    "allow_real_name"
                )
                .values(
                    SQLBind(clientID), SQLBind(secret.map(RefreshTokenRepository.hash)), SQLBind(name),
                    SQLBind(redirectURIs.joined(separator: "\n")),
                    SQLBind(postLogoutRedirectURIs.joined(separator: "\n")),
                    SQLBind(scopes.sorted().joined(separator: " ")), SQLBind(pairwise ? 1 : 0), SQLBind(sector),
                    SQLBind(AccountRepository.now()), SQLBind(backchannelLogoutURI),
                    SQLBind(idTokenAlgorithm.rawValue), SQLBind(trusted ? 1 : 0), SQLBind(jwks),
                    SQLBind(allowRealName ? 1 : 0)
                ).run()
        }
        return (client, secret)
    }

    /// Replaces a client's redirect URIs (the demo's clients follow the server's address from run to run).
    func setRedirectURIs(_ clientID: String, _ uris: [String]) async throws {
        try await self.database.withConnection { sql in
            try await sql.update("oidc_clients").set("redirect_uris", to: uris.joined(separator: "\n"))
                .where("client_id", .equal, clientID).run()
        }
    }

    /// The client with this id.
    public func find(_ clientID: String) async throws -> OAuthClient? {
        try await self.row(clientID).map(\.client)
    }

    /// The client when `secret` is its secret (constant-time comparison of the hashes).
    func authenticate(_ clientID: String, secret: String) async throws -> OAuthClient? {
        guard let row = try await self.row(clientID), let stored = row.secretHash else { return nil }
        let given = RefreshTokenRepository.hash(secret)
        guard given.utf8.count == stored.utf8.count,
            zip(given.utf8, stored.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
        else { return nil }
        return row.client
    }

    private func row(_ clientID: String) async throws -> (client: OAuthClient, secretHash: String?)? {
        guard clientID.utf8.count <= 64 else { return nil }
        return try await self.database.withConnection { sql in
            guard
                let row = try await sql.select()
                    .columns(
                        "client_id", "secret_hash", "name", "redirect_uris", "post_logout_redirect_uris", "scopes",
                        "pairwise", "sector", "backchannel_logout_uri", "id_token_alg", "trusted", "jwks",
                        "allow_real_name"
                    )
                    .from("oidc_clients").where("client_id", .equal, clientID).first()
            else { return nil }
            let secretHash = try row.decode(column: "secret_hash", as: String?.self)
            let jwks = try row.decode(column: "jwks", as: String?.self)
            func list(_ column: String) throws -> [String] {
                try row.decode(column: column, as: String.self).split(separator: "\n").map(String.init)
            }
            let client = OAuthClient(
                clientID: clientID, name: try row.decode(column: "name", as: String.self),
                redirectURIs: try list("redirect_uris"), postLogoutRedirectURIs: try list("post_logout_redirect_uris"),
                scopes: Set(try row.decode(column: "scopes", as: String.self).split(separator: " ").map(String.init)),
                pairwise: try row.decode(column: "pairwise", as: Int.self) != 0,
                sector: try row.decode(column: "sector", as: String.self),
                backchannelLogoutURI: try row.decode(column: "backchannel_logout_uri", as: String?.self),
                isConfidential: secretHash != nil || jwks != nil,
                idTokenAlgorithm: JWSAlgorithm(rawValue: try row.decode(column: "id_token_alg", as: String.self))
                    ?? .rs256,
                trusted: try row.decode(column: "trusted", as: Int.self) != 0, jwks: jwks,
                allowRealName: try row.decode(column: "allow_real_name", as: Int.self) != 0)
            return (client, secretHash)
        }
    }
}
