import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Console pages")
struct ConsolePagesTests {
    /// The value of a `Set-Cookie` header for `name`.
    static func cookie(_ name: String, in response: TestResponse) -> String? {
        for header in response.headers[values: .setCookie] where header.hasPrefix(name + "=") {
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    static func hiddenCSRF(_ html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let text = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
        return ByteBuffer(string: text)
    }

    @Test(
        "sign-in needs the CSRF token and TOTP; the session shows the scope and only its residents",
        arguments: TestBackend.available)
    func signInFlow(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            for n in 1...2 { #expect(try await client.registerResident(n).status == .created) }
            let page = try await client.execute(uri: "/console", method: .get)
            let html = String(buffer: page.body)
            #expect(html.contains(#"name="otp""#))
            let csrf = try #require(Self.hiddenCSRF(html))
            #expect(Self.cookie("cc_csrf", in: page) == csrf)
            #expect(
                page.headers[values: .setCookie].allSatisfy {
                    $0.contains("HttpOnly") && $0.contains("SameSite=Strict")
                })

            let formHeaders: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded", .cookie: "cc_csrf=\(csrf)",
            ]
            let otp = String(format: "%06d", TOTPTestCode.now(IdentityFixture.totpSecret))
            let fields = ["username": "worker.a", "password": IdentityFixture.password, "otp": otp]

            let forged = try await client.execute(
                uri: "/console/login", method: .post, headers: formHeaders,
                body: Self.form(fields.merging(["csrf": "x"]) { $1 }))
            #expect(forged.status == .forbidden)
            let noOTP = try await client.execute(
                uri: "/console/login", method: .post, headers: formHeaders,
                body: Self.form(fields.merging(["csrf": csrf, "otp": ""]) { $1 }))
            #expect(noOTP.status == .unauthorized)
            #expect(String(buffer: noOTP.body).contains("login-error"))

            let signedIn = try await client.execute(
                uri: "/console/login", method: .post, headers: formHeaders,
                body: Self.form(fields.merging(["csrf": csrf]) { $1 }))
            #expect(signedIn.status == .seeOther)
            let session = try #require(Self.cookie("cc_console", in: signedIn))
            #expect(
                signedIn.headers[values: .setCookie].contains { $0.hasPrefix("cc_console=") && $0.contains("Secure") })

            let home = String(
                buffer: try await client.execute(
                    uri: "/console/home", method: .get, headers: [.cookie: "cc_console=\(session)"]
                ).body)
            #expect(home.contains(IdentityFixture.communityA))
            let residents = String(
                buffer: try await client.execute(
                    uri: "/console/residents", method: .get, headers: [.cookie: "cc_console=\(session)"]
                ).body)
            #expect(residents.contains("居民1"))
            #expect(!residents.contains("居民2"))
            #expect(!residents.contains(IdentityFixture.idNumber(1)))
            #expect(residents.contains(IDNumber.mask(IdentityFixture.idNumber(1))))
            let queue = String(
                buffer: try await client.execute(
                    uri: "/console/verifications", method: .get, headers: [.cookie: "cc_console=\(session)"]
                ).body)
            #expect(queue.contains("居民1"))
            let audit = try await client.execute(
                uri: "/console/audit", method: .get, headers: [.cookie: "cc_console=\(session)"])
            #expect(audit.status == .forbidden)
            let anonymous = try await client.execute(uri: "/console/home", method: .get)
            #expect(anonymous.status == .seeOther)
        }
    }
}
