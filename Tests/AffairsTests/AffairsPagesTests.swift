import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("My affairs pages")
struct AffairsPagesTests {
    /// Signs a resident in through `/signin`; returns the session cookie header.
    static func session(_ client: some TestClientProtocol, phone: String) async throws -> HTTPFields {
        let page = try await client.execute(uri: "/signin?next=%2Fme%2Faffairs", method: .get)
        let csrf = try #require(Self.hidden("csrf", in: String(buffer: page.body)))
        let signedIn = try await client.execute(
            uri: "/signin", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cc_signin_csrf=\(csrf)"],
            body: ByteBuffer(
                string: "csrf=\(csrf)&username=\(phone)&password=\(AffairsFixture.password)&next=%2Fme%2Faffairs"))
        #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/me/affairs")
        let header = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("cc_session=") })
        return [.cookie: "cc_session=" + String(header.dropFirst("cc_session=".count).prefix { $0 != ";" })]
    }

    /// The value of the first hidden field `name` in a page.
    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: #"name="\#(name)" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func page(_ client: some TestClientProtocol, _ uri: String, _ cookie: HTTPFields) async throws -> String {
        let response = try await client.execute(uri: uri, method: .get, headers: cookie)
        #expect(response.status == .ok, "\(uri)")
        return String(buffer: response.body)
    }

    @Test(
        "the list shows every kind with its status and next action, filters and explains empty lists",
        arguments: TestBackend.available)
    func list(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AffairsFixture.prepare) { client in
            let anonymous = try await client.execute(uri: "/me/affairs", method: .get)
            #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/signin?next=%2Fme%2Faffairs")

            let cookie = try await Self.session(client, phone: AffairsFixture.phone(1))
            let html = try await Self.page(client, "/me/affairs", cookie)
            #expect(
                html.contains(#"id="tabbar-affairs" aria-current="page""#)
                    && html.contains(#"id="tab-all" href="/me/affairs" class="on""#))
            for id in ["SA-TIE2", "SA-A1", "SA-A3", "b-power-1", "b-fine-1", "p-1"] {
                #expect(html.contains(#"id="affair-\#(id)""#), "\(id)")
            }
            #expect(!html.contains("SA-C1") && !html.contains("b-water-2"))
            #expect(html.contains(#"id="pay-b-fine-1" href="/bills/b-fine-1/pay""#))
            #expect(html.contains("/appointments/mine/") && html.contains("改约"))
            #expect(html.contains(#"id="rating-form-SA-A2""#) && !html.contains(#"id="rating-form-SA-A3""#))
            #expect(html.contains(#"id="rating-SA-A3""#) && html.contains("★★☆☆☆"))
            #expect(html.range(of: "SA-TIE2")!.lowerBound < html.range(of: "b-water-1")!.lowerBound)

            let bills = try await Self.page(client, "/me/affairs?kind=bill&status=open", cookie)
            #expect(
                bills.contains(#"id="tab-bill" href="/me/affairs?kind=bill&amp;status=open" class="on""#)
                    || bills.contains(#"id="tab-bill" href="/me/affairs?kind=bill&status=open" class="on""#))
            #expect(bills.contains("b-fine-1") && !bills.contains("b-power-1") && !bills.contains("SA-A1"))
            let english = try await Self.page(client, "/me/affairs?kind=payment&lang=en", cookie)
            #expect(english.contains("Payment: Bill b-power-1"))

            let stranger = try await Self.session(client, phone: AffairsFixture.phone(4))
            let empty = try await Self.page(client, "/me/affairs", stranger)
            #expect(empty.contains(#"id="affairs-empty""#) && empty.contains("办事大厅"))
            #expect(empty.contains(#"id="affairs-bills-unverified""#))
            let noPayments = try await Self.page(client, "/me/affairs?kind=payment", stranger)
            #expect(noPayments.contains("您还没有缴过费"))
            let filtered = try await Self.page(client, "/me/affairs?status=done", stranger)
            #expect(filtered.contains("没有符合筛选条件的记录"))
        }
    }

    @Test("the rating form needs the session's CSRF token and comes back to the list", arguments: TestBackend.available)
    func rating(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AffairsFixture.prepare) { client in
            let cookie = try await Self.session(client, phone: AffairsFixture.phone(1))
            let html = try await Self.page(client, "/me/affairs?status=done", cookie)
            let csrf = try #require(Self.hidden("csrf", in: html))
            #expect(Self.hidden("back", in: html) == "/me/affairs?status=done")
            var form = cookie
            form[.contentType] = "application/x-www-form-urlencoded"
            let forged = try await client.execute(
                uri: "/me/affairs/application/SA-A2/rating", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=wrong&stars=4&comment=ok&back=%2Fme%2Faffairs"))
            #expect(forged.status == .forbidden)
            let anonymous = try await client.execute(
                uri: "/me/affairs/application/SA-A2/rating", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=\(csrf)&stars=4"))
            #expect(anonymous.status == .unauthorized)
            let open = try await client.execute(
                uri: "/me/affairs/application/SA-A1/rating", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=\(csrf)&stars=4&comment=x"))
            #expect(open.status == .conflict || open.status == .unprocessableContent)

            let rated = try await client.execute(
                uri: "/me/affairs/application/SA-A2/rating", method: .post, headers: form,
                body: ByteBuffer(
                    string: "csrf=\(csrf)&stars=4&comment=%E5%8A%9E%E5%BE%97%E5%BE%88%E5%BF%AB"
                        + "&back=%2Fme%2Faffairs%3Fstatus%3Ddone"))
            #expect(rated.status == .seeOther && rated.headers[.location] == "/me/affairs?status=done")
            let after = try await Self.page(client, "/me/affairs?status=done", cookie)
            #expect(!after.contains(#"id="rating-form-SA-A2""#) && after.contains("办得很快"))
            let again = try await client.execute(
                uri: "/me/affairs/application/SA-A2/rating", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=\(csrf)&stars=1&back=https%3A%2F%2Fevil.example"))
            #expect(again.status == .conflict)

            let detail = try await Self.page(client, "/me/affairs/application/SA-A2", cookie)
            #expect(detail.contains(#"id="timeline""#) && detail.contains("已办结") && detail.contains("办得很快"))
            let timeline = try #require(detail.range(of: #"id="timeline">"#).map { detail[$0.upperBound...] })
            #expect(
                String(timeline).components(separatedBy: "</ol>")[0]
                    .components(separatedBy: "<li>").count - 1 == 6)
            let foreign = try await client.execute(uri: "/me/affairs/application/SA-C1", method: .get, headers: cookie)
            #expect(foreign.status == .notFound)
        }
    }
}
