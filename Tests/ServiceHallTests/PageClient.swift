import Foundation
import HTTPTypes
import HummingbirdOTP
import HummingbirdTesting
import NIOCore
import Testing

/// Browsing the site's pages from tests: cookie sessions, hidden fields, form posts.
extension TestClientProtocol {
    /// The value of a `Set-Cookie` header for `name`.
    static func cookie(_ name: String, in response: TestResponse) -> String? {
        for header in response.headers[values: .setCookie] where header.hasPrefix(name + "=") {
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    /// The value of the first hidden input called `name`.
    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: #"name="\#(name)" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func formBody(_ fields: [String: String]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return ByteBuffer(
            string: fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
                .joined(separator: "&"))
    }

    /// GETs a page with a cookie.
    func page(_ uri: String, cookie: String? = nil) async throws -> TestResponse {
        try await self.execute(uri: uri, method: .get, headers: cookie.map { [.cookie: $0] } ?? [:])
    }

    /// POSTs a form with a cookie.
    func post(_ uri: String, form: [String: String], cookie: String?) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        return try await self.execute(uri: uri, method: .post, headers: headers, body: Self.formBody(form))
    }

    /// Signs a registered resident in through `/signin`; returns the `Cookie` header of the session.
    func residentSession(phone: String) async throws -> String {
        let page = try await self.page("/signin?next=%2Fservices")
        let csrf = try #require(Self.hidden("csrf", in: String(buffer: page.body)))
        let response = try await self.post(
            "/signin", form: ["csrf": csrf, "username": phone, "password": HallFixture.password, "next": "/services"],
            cookie: "cc_signin_csrf=\(csrf)")
        #expect(response.status == .seeOther)
        return "cc_session=" + (try #require(Self.cookie("cc_session", in: response)))
    }

    /// Signs an official in through the console; returns the `Cookie` header of the console session.
    func consoleSession(_ username: String) async throws -> String {
        let page = try await self.page("/console")
        let csrf = try #require(Self.hidden("csrf", in: String(buffer: page.body)))
        let otp = String(format: "%06d", TOTP(secret: HallFixture.totpSecret).compute(date: Date()))
        let response = try await self.post(
            "/console/login", form: ["csrf": csrf, "username": username, "password": HallFixture.password, "otp": otp],
            cookie: "cc_csrf=\(csrf)")
        #expect(response.status == .seeOther, "\(username)")
        return "cc_console=" + (try #require(Self.cookie("cc_console", in: response)))
    }
}
