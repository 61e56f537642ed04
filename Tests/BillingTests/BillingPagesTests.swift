import Billing
import Foundation
import HTTPTypes
import HummingbirdOTP
import HummingbirdTesting
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Bill pages")
struct BillingPagesTests {
    /// Signs a resident in through `/signin`; returns the session cookie.
    static func session(
        _ client: some TestClientProtocol, phone: String, password: String = BillingFixture.password
    ) async throws -> String {
        let page = try await client.execute(uri: "/signin?next=%2Fbills", method: .get)
        let csrf = try #require(Self.hidden("csrf", in: String(buffer: page.body)))
        let signedIn = try await client.execute(
            uri: "/signin", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cc_signin_csrf=\(csrf)"],
            body: ByteBuffer(
                string: "csrf=\(csrf)&username=\(phone)&password=\(password)&next=%2Fbills"))
        #expect(signedIn.status == .seeOther)
        let header = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("cc_session=") })
        return String(header.dropFirst("cc_session=".count).prefix { $0 != ";" })
    }

    /// The value of the hidden field `name` in a page.
    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: #"name="\#(name)" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test(
        "bills need a session; the pay form needs its CSRF token; a double submit pays once",
        arguments: TestBackend.available)
    func payThroughPages(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: BillingFixture.prepare) { client in
            let anonymous = try await client.execute(uri: "/bills", method: .get)
            #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/signin?next=%2Fbills")

            let unverified = try await Self.session(client, phone: BillingFixture.phone(4))
            let refused = try await client.execute(
                uri: "/bills", method: .get, headers: [.cookie: "cc_session=\(unverified)"])
            #expect(String(buffer: refused.body).contains(#"id="bills-not-verified""#))

            let session = try await Self.session(client, phone: BillingFixture.phone(1))
            let cookie: HTTPFields = [.cookie: "cc_session=\(session)"]
            let list = String(buffer: try await client.execute(uri: "/bills", method: .get, headers: cookie).body)
            #expect(list.contains("/bills/b-water-1") && list.contains("¥123.45") && !list.contains("b-water-2"))
            #expect(
                try await client.execute(uri: "/bills/b-water-2", method: .get, headers: cookie).status == .notFound)

            let confirm = String(
                buffer: try await client.execute(uri: "/bills/b-water-1/pay", method: .get, headers: cookie).body)
            let csrf = try #require(Self.hidden("csrf", in: confirm))
            let key = try #require(Self.hidden("key", in: confirm))
            var form: HTTPFields = cookie
            form[.contentType] = "application/x-www-form-urlencoded"
            let forged = try await client.execute(
                uri: "/bills/b-water-1/pay", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=wrong&key=\(key)&amountFen=12345"))
            #expect(forged.status == .forbidden)
            for _ in 0..<2 {
                let paid = try await client.execute(
                    uri: "/bills/b-water-1/pay", method: .post, headers: form,
                    body: ByteBuffer(string: "csrf=\(csrf)&key=\(key)&amountFen=12345"))
                #expect(paid.status == .seeOther && paid.headers[.location] == "/bills/b-water-1")
            }
            let token = try await client.token(BillingFixture.phone(1))
            let detail = try await client.waitForBill("b-water-1", status: "paid", token: token)
            #expect(detail.payments.count == 1)
            let receipt = String(
                buffer: try await client.execute(uri: "/bills/b-water-1", method: .get, headers: cookie).body)
            #expect(receipt.contains(#"id="receipt""#) && receipt.contains("sim_ch_"))
        }
    }

    @Test("the reconciliation page is for auditors", arguments: TestBackend.available)
    func reconciliationPage(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: BillingFixture.prepare) { client in
            let anonymous = try await client.execute(uri: "/console/billing/reconciliation", method: .get)
            #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/console")
            let auditor: HTTPFields = [.cookie: "cc_console=\(try await Self.console(client, "auditor"))"]
            let page = try await client.execute(
                uri: "/console/billing/reconciliation?date=2026-01-05", method: .get, headers: auditor)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains(#"id="recon-verdict""#) && html.contains("2026-01-05") && html.contains("账目平衡"))
            let bad = try await client.execute(
                uri: "/console/billing/reconciliation?date=2026-02-31", method: .get, headers: auditor)
            #expect(bad.status == .badRequest)
            let staff: HTTPFields = [.cookie: "cc_console=\(try await Self.console(client, "water.staff"))"]
            let refused = try await client.execute(uri: "/console/billing/reconciliation", method: .get, headers: staff)
            #expect(refused.status == .forbidden)
        }
    }

    /// Signs an official into the console; returns the session cookie.
    static func console(_ client: some TestClientProtocol, _ username: String) async throws -> String {
        let page = try await client.execute(uri: "/console", method: .get)
        let csrf = try #require(Self.hidden("csrf", in: String(buffer: page.body)))
        let otp = String(format: "%06d", TOTP(secret: BillingFixture.totpSecret).compute(date: Date()))
        let signedIn = try await client.execute(
            uri: "/console/login", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cc_csrf=\(csrf)"],
            body: ByteBuffer(
                string: "csrf=\(csrf)&username=\(username)&password=\(BillingFixture.password)&otp=\(otp)"))
        #expect(signedIn.status == .seeOther)
        let header = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("cc_console=") })
        return String(header.dropFirst("cc_console=".count).prefix { $0 != ";" })
    }

    @Test(
        "a payment service's link narrows the bills to its kind, or says its bills are not issued here",
        arguments: TestBackend.available)
    func serviceFilter(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: BillingFixture.prepare) { client in
            let anonymous = try await client.execute(uri: "/bills?service=water-bill", method: .get)
            #expect(anonymous.headers[.location] == "/signin?next=%2Fbills%3Fservice%3Dwater-bill")
            let cookie: HTTPFields = [
                .cookie: "cc_session=\(try await Self.session(client, phone: BillingFixture.phone(1)))"
            ]
            let water = String(
                buffer: try await client.execute(uri: "/bills?service=water-bill", method: .get, headers: cookie).body)
            #expect(water.contains(#"id="bills-service""#) && water.contains("/bills/b-water-1"))
            #expect(!water.contains("/bills/b-power-1") && !water.contains("/bills/b-fine-1"))
            let fines = String(
                buffer: try await client.execute(
                    uri: "/bills?service=traffic-fine-payment", method: .get, headers: cookie
                ).body)
            #expect(fines.contains("/bills/b-fine-1") && !fines.contains("/bills/b-water-1"))
            let topUp = String(
                buffer: try await client.execute(uri: "/bills?service=mobile-top-up", method: .get, headers: cookie)
                    .body)
            #expect(topUp.contains(#"id="bills-not-here""#) && !topUp.contains(#"id="bills-empty""#))
            let wrongKind = try await client.execute(
                uri: "/bills?service=hospital-registration", method: .get, headers: cookie)
            #expect(wrongKind.status == .unprocessableContent)
        }
    }
}
