import Foundation
import HTTPTypes
import Platform

/// A validated OpenID Connect authorization request (code flow with PKCE S256, which every client must use).
struct AuthorizationRequest: Sendable {
    let client: OAuthClient
    let redirectURI: String
    let scopes: Set<String>
    let state: String?
    let nonce: String?
    let codeChallenge: String
    /// `login` forces a fresh sign-in, `consent` a fresh consent, `none` forbids any page.
    let prompt: String?

    /// The parameters as they travel through the sign-in form.
    var hiddenFields: [[String: String]] {
        var fields = [
            "client_id": self.client.clientID, "redirect_uri": self.redirectURI, "response_type": "code",
            "scope": self.scopes.sorted().joined(separator: " "), "code_challenge": self.codeChallenge,
            "code_challenge_method": "S256",
        ]
        if let state { fields["state"] = state }
        if let nonce { fields["nonce"] = nonce }
        return fields.sorted { $0.key < $1.key }.map { ["name": $0.key, "value": $0.value] }
    }

    /// An error that can go back to the client: a redirect to its URI with `error` and `state`.
    struct Refusal: Error, Sendable {
        let location: String
    }

    /// Validates the parameters. Without a known client and one of its redirect URIs the request is answered with
    /// an error page (never redirected); every other error is redirected to the client.
    static func validate(_ parameters: [String: String], clients: ClientRepository) async throws -> Self {
        guard let clientID = parameters["client_id"], let client = try await clients.find(clientID) else {
            throw Problem(
                .badRequest, code: "oauth_unknown_client", zh: "未知的应用（client_id）。",
                en: "Unknown application (client_id).")
        }
        guard let redirectURI = parameters["redirect_uri"], client.redirectURIs.contains(redirectURI) else {
            throw Problem(
                .badRequest, code: "oauth_bad_redirect_uri", zh: "回调地址未在该应用登记。",
                en: "The redirect_uri is not registered for this application.")
        }
        let state = parameters["state"]
        func refuse(_ error: String, _ description: String) -> Refusal {
            Refusal(
                location: Self.redirect(
                    redirectURI, ["error": error, "error_description": description, "state": state]))
        }
        guard parameters["response_type"] == "code" else {
            throw refuse("unsupported_response_type", "only response_type=code is supported")
        }
        var scopes = Set((parameters["scope"] ?? "").split(separator: " ").map(String.init))
        // real_name asked for by a client not allowed it is dropped silently (OpenID Connect Core §3.1.2.1: unknown
        // or unavailable scopes are ignored), so a relying party with a standard scope list still signs residents in.
        if !client.allowRealName { scopes.remove("real_name") }
        guard scopes.contains("openid") else { throw refuse("invalid_scope", "the scope must include openid") }
        guard scopes.isSubset(of: client.scopes.union(["openid"])), !scopes.contains("api") else {
            throw refuse("invalid_scope", "a scope is not allowed for this client")
        }
        guard parameters["code_challenge_method"] == "S256", let challenge = parameters["code_challenge"],
            PKCE.isChallenge(challenge)
        else { throw refuse("invalid_request", "PKCE with code_challenge_method=S256 is required") }
        return AuthorizationRequest(
            client: client, redirectURI: redirectURI, scopes: scopes, state: state, nonce: parameters["nonce"],
            codeChallenge: challenge, prompt: parameters["prompt"])
    }

    /// `base` with the parameters added to its query.
    static func redirect(_ base: String, _ parameters: [String: String?]) -> String {
        var components = URLComponents(string: base)!
        var items = components.queryItems ?? []
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
            if let value { items.append(URLQueryItem(name: name, value: value)) }
        }
        components.queryItems = items
        // `+` in a value would read as a space; encode it.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.string!
    }
}
