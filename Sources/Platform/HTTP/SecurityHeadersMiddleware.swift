import Foundation
import HTTPTypes
import Hummingbird

/// Adds the browser security headers to every response, error pages included: `X-Content-Type-Options: nosniff`,
/// a `Referrer-Policy` (`no-referrer` on the OpenID Connect endpoints, whose URLs carry codes and state), framing
/// refused (`X-Frame-Options: DENY`, and `frame-ancestors 'none'` for HTML without a policy of its own), and HSTS
/// when the request came over TLS (as a TLS-terminating proxy reports with `X-Forwarded-Proto: https`).
public struct SecurityHeadersMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    public init() {}

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        Self.apply(to: &response.headers, request: request)
        return response
    }

    /// Sets the headers on `headers`, keeping any a route chose itself.
    static func apply(to headers: inout HTTPFields, request: Request) {
        headers[.xContentTypeOptions] = "nosniff"
        if headers[.referrerPolicy] == nil {
            let oidc =
                RoutePath.isUnder("/oauth", request.uri.path) || RoutePath.isUnder("/.well-known", request.uri.path)
            headers[.referrerPolicy] = oidc ? "no-referrer" : "strict-origin-when-cross-origin"
        }
        if headers[.xFrameOptions] == nil { headers[.xFrameOptions] = "DENY" }
        if headers[.contentSecurityPolicy] == nil,
            headers[.contentType].map({ MediaTypeCheck.essence($0) == "text/html" }) ?? false
        {
            headers[.contentSecurityPolicy] = "frame-ancestors 'none'"
        }
        if Self.cameOverTLS(request) { headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
    }

    /// TLS to this server, or to the proxy in front of it (`X-Forwarded-Proto`, its last value).
    static func cameOverTLS(_ request: Request) -> Bool {
        if request.uri.scheme == .https { return true }
        guard let proto = request.headers[values: .xForwardedProto].last?.split(separator: ",").last else {
            return false
        }
        return proto.trimmingCharacters(in: .whitespaces).lowercased() == "https"
    }
}

extension HTTPField.Name {
    /// `X-Content-Type-Options`.
    public static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    /// `X-Frame-Options`.
    public static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    /// `Referrer-Policy`.
    public static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    /// `X-Forwarded-Proto`, the scheme the client used with the reverse proxy.
    public static let xForwardedProto = HTTPField.Name("X-Forwarded-Proto")!
}
