import Foundation
import HTTPTypes
import HummingbirdOTP
import HummingbirdTesting
import NIOCore
import Platform
import TestSupport
import Testing

/// The pages without JavaScript: a resident requests through the form, a worker approves in the console, the
/// resident opens the certificate, and anyone verifies it by number.
@Suite struct CertificatePagesTests {
    /// Signs in through a sign-in form (`/signin` for residents, `/console/login` for officials); returns the
    /// session cookie.
    static func session(_ client: some TestClientProtocol, _ name: String) async throws -> HTTPFields {
        let official = !name.hasPrefix("139")
        let form = try await client.execute(uri: official ? "/console" : "/signin", method: .get)
        let csrf = try #require(Self.hidden("csrf", in: String(buffer: form.body)))
        let otp = official ? "&otp=" + String(format: "%06d", TOTP(secret: AffairsCity.totp).compute(date: Date())) : ""
        let response = try await client.execute(
            uri: official ? "/console/login" : "/signin", method: .post,
            headers: [
                .contentType: "application/x-www-form-urlencoded",
                .cookie: official ? "cc_csrf=\(csrf)" : "cc_signin_csrf=\(csrf)",
            ],
            body: ByteBuffer(string: "csrf=\(csrf)&username=\(name)&password=\(AffairsCity.secret)\(otp)"))
        let cookie = official ? "cc_console=" : "cc_session="
        let header = try #require(response.headers[values: .setCookie].first { $0.hasPrefix(cookie) })
        return [.cookie: cookie + String(header.dropFirst(cookie.count).prefix { $0 != ";" })]
    }

    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: #"name="\#(name)" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func page(_ client: some TestClientProtocol, _ uri: String, _ cookie: HTTPFields = [:]) async throws
        -> String
    {
        let response = try await client.execute(uri: uri, method: .get, headers: cookie)
        #expect(response.status == .ok, "\(uri): \(response.status)")
        return String(buffer: response.body)
    }

    static func post(_ client: some TestClientProtocol, _ uri: String, _ form: String, _ cookie: HTTPFields)
        async throws -> TestResponse
    {
        var headers = cookie
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: form))
    }

    @Test("request by form, approve in the console, open and verify the certificate", arguments: TestBackend.available)
    func formsEndToEnd(_ backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AffairsCity.prepare) { client in
            let list = try await Self.page(client, "/certificates")
            #expect(list.contains("id=\"request-residence\""))
            #expect(list.contains("无犯罪记录证明") && list.contains("/services/no-criminal-record-certificate"))
            let resident = try await Self.session(client, "13900000001")
            let form = try await Self.page(client, "/certificates/new?kind=residence", resident)
            let csrf = try #require(Self.hidden("csrf", in: form))
            let bad = try await Self.post(
                client, "/certificates/requests", "csrf=\(csrf)&kind=residence&input.since=2015", resident)
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("id=\"request-error\""))
            let made = try await Self.post(
                client, "/certificates/requests",
                "csrf=\(csrf)&kind=residence&input.since=2015%E5%B9%B4&input.purpose=%E5%85%A5%E5%AD%A6", resident)
            #expect(made.status == .seeOther)
            let requestPath = try #require(made.headers[.location])
            let id = String(requestPath.split(separator: "/").last ?? "")

            let worker = try await Self.session(client, "worker.a")
            let queue = try await Self.page(client, "/console/certificates", worker)
            #expect(queue.contains("/console/certificates/requests/\(id)"))
            let review = try await Self.page(client, "/console/certificates/requests/\(id)", worker)
            let workerCSRF = try #require(Self.hidden("csrf", in: review))
            let approved = try await Self.post(
                client, "/console/certificates/requests/\(id)/review", "csrf=\(workerCSRF)&decision=approve", worker)
            #expect(approved.status == .seeOther)
            let otherWorker = try await Self.session(client, "worker.b")
            let outside = try await client.execute(
                uri: "/console/certificates/requests/\(id)", method: .get, headers: otherWorker)
            #expect(outside.status == .notFound)

            let detail = try await Self.page(client, requestPath, resident)
            #expect(detail.contains("id=\"view-document\""))
            let mine = try await Self.page(client, "/certificates/mine", resident)
            let number = try #require(
                mine.range(of: "/certificates/documents/").map {
                    String(mine[$0.upperBound...].prefix { $0 != "\"" })
                })
            let document = try await Self.page(client, "/certificates/documents/\(number)", resident)
            #expect(document.contains("王大明") && document.contains("id=\"verify-document\""))
            let redirect = try await client.execute(uri: "/verify?number=\(number)", method: .get)
            #expect(redirect.headers[.location] == "/verify/\(number)")
            let verified = try await Self.page(client, "/verify/\(number)")
            #expect(verified.contains("verdict-genuine") && verified.contains("真实有效"))
            let unknown = try await Self.page(client, "/verify/NOPE-1?lang=en")
            #expect(unknown.contains("No such certificate"))
            let issued = try await Self.page(client, "/console/certificates/issued", worker)
            #expect(issued.contains(number))
        }
    }
}
