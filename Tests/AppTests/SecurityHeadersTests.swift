import App
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Security headers")
struct SecurityHeadersTests {
    @Test("every response, error or page, carries the browser security headers", arguments: TestBackend.available)
    func everywhere(backend: TestBackend) async throws {
        try await TestApp.with(backend) { client in
            for (uri, accept) in [
                ("/", "text/html"), ("/healthz", "*/*"), ("/api/v1/divisions", "*/*"), ("/api/v1/me", "*/*"),
                ("/no-such-page", "text/html"), ("/no-such-page", "application/json"), ("/signin", "text/html"),
                ("/.well-known/openid-configuration", "*/*"), ("/openapi.yaml", "*/*"),
            ] {
                let response = try await client.execute(uri: uri, method: .get, headers: [.accept: accept])
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(uri)")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] != nil, "\(uri)")
                #expect(response.headers[.strictTransportSecurity] == nil, "plain HTTP: \(uri)")
                if response.headers[.contentType]?.hasPrefix("text/html") == true {
                    #expect(
                        response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(uri)")
                }
            }
            let page = try await client.execute(uri: "/signin", method: .get)
            #expect(page.headers[HTTPField.Name("Referrer-Policy")!] == "strict-origin-when-cross-origin")
            let oidc = try await client.execute(uri: "/oauth/authorize", method: .get)
            #expect(oidc.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            let tls = try await client.execute(
                uri: "/healthz", method: .get, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(tls.headers[.strictTransportSecurity]?.hasPrefix("max-age=") == true)
        }
    }
}
