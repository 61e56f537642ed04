import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import NIOFoundationCompat
import Platform
import SQLKit
import TestSupport
import Testing

/// SMS one-time codes: asking (same answer with or without an account, limited per phone), signing in, resetting
/// the password, single use, five tries, five minutes, and the sign-in page after a lock-out.
@Suite("SMS one-time codes")
struct SMSCodeTests {
    /// The code in the latest SMS queued for the account of `phone`'s person (read from the outbox's message).
    static func lastCode(_ database: Database, accountID: String) async throws -> String? {
        let body = try await database.withConnection { sql in
            try await sql.select().column("body_zh").from("notifications").where("account_id", .equal, accountID)
                .where("topic", .equal, "auth.sms_code").orderBy("id", .descending).limit(1)
                .first(decodingColumn: "body_zh", as: String.self)
        }
        return body.map { String($0.drop { !$0.isNumber }.prefix(6)) }
    }

    static func ask(_ client: some TestClientProtocol, _ n: Int, _ purpose: String = "signin") async throws
        -> TestResponse
    {
        try await client.post(
            "/api/v1/auth/sms-code", json: #"{"phone":"\#(IdentityFixture.phone(n))","purpose":"\#(purpose)"}"#)
    }

    static func login(_ client: some TestClientProtocol, _ n: Int, _ code: String) async throws -> TestResponse {
        try await client.post(
            "/api/v1/auth/sms-login", json: #"{"phone":"\#(IdentityFixture.phone(n))","code":"\#(code)"}"#)
    }

    @Test(
        "a code goes to the outbox only for an account, the answer is the same, and it signs in once",
        arguments: TestBackend.available)
    func signIn(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: IdentityFixture.prepare) { client, database in
            let account = try await client.registerResident(1).json(Profile.self)
            let known = try await Self.ask(client, 1)
            let unknown = try await Self.ask(client, 9)
            #expect(known.status == .accepted && unknown.status == .accepted)
            let knownBody = try JSONSerialization.jsonObject(with: Data(buffer: known.body)) as? [String: Int]
            let unknownBody = try JSONSerialization.jsonObject(with: Data(buffer: unknown.body)) as? [String: Int]
            #expect(knownBody != nil && knownBody == unknownBody)
            let deliveries = try await database.withConnection { sql in
                try await sql.select().column("account_id").column("channel").from("notification_deliveries").all()
            }
            #expect(deliveries.count == 1)
            #expect(try deliveries.first?.decode(column: "channel", as: String.self) == "sms")
            let code = try #require(try await Self.lastCode(database, accountID: account.id))
            #expect(code.count == 6)
            let stored = try await database.withConnection { sql in
                try await sql.select().column("code_hash").from("identity_sms_codes").all(
                    decodingColumn: "code_hash", as: String.self)
            }
            #expect(stored.count == 2 && !stored.contains { $0.contains(code) })

            let again = try await Self.ask(client, 1)
            #expect(again.status == .tooManyRequests && again.problemCode == "too_many_codes")

            let wrongCode = code == "000000" ? "111111" : "000000"
            let wrong = try await Self.login(client, 1, wrongCode)
            #expect(wrong.status == .unauthorized && wrong.problemCode == "invalid_code")
            #expect(try await Self.login(client, 9, code).problemCode == "invalid_code")
            let right = try await Self.login(client, 1, code)
            #expect(right.status == .ok)
            let token = try right.json(TokenResponse.self).accessToken
            #expect(try await client.get("/api/v1/me", token: token).status == .ok)
            #expect(try await Self.login(client, 1, code).problemCode == "invalid_code")
            let audited = try await database.withConnection { sql in
                try await sql.select().column("action").column("detail").from("audit_log")
                    .where("action", .in, ["auth.sms_code", "auth.login"]).all()
            }
            #expect(audited.count >= 5)
        }
    }

    @Test(
        "five wrong tries burn a code, an expired code fails, and one code signs in only once under a race",
        arguments: TestBackend.available)
    func limits(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: IdentityFixture.prepare) { client, database in
            let account = try await client.registerResident(1).json(Profile.self)
            #expect(try await Self.ask(client, 1).status == .accepted)
            let code = try #require(try await Self.lastCode(database, accountID: account.id))
            let wrongCode = code == "000000" ? "111111" : "000000"
            for _ in 0..<5 { #expect(try await Self.login(client, 1, wrongCode).status == .unauthorized) }
            #expect(try await Self.login(client, 1, code).problemCode == "invalid_code")

            // Let the per-phone interval pass; then an expired code fails too.
            try await database.withConnection { sql in
                try await sql.update("identity_sms_codes").set("created_at", to: CityClock.now() - 400)
                    .set("expires_at", to: CityClock.now() - 100).run()
            }
            #expect(try await Self.ask(client, 1).status == .accepted)
            let second = try #require(try await Self.lastCode(database, accountID: account.id))
            try await database.withConnection { sql in
                try await sql.update("identity_sms_codes").set("expires_at", to: CityClock.now() - 1).run()
            }
            #expect(try await Self.login(client, 1, second).problemCode == "invalid_code")

            try await database.withConnection { sql in
                try await sql.update("identity_sms_codes").set("created_at", to: CityClock.now() - 400).run()
            }
            #expect(try await Self.ask(client, 1).status == .accepted)
            let third = try #require(try await Self.lastCode(database, accountID: account.id))
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<6 { group.addTask { try await Self.login(client, 1, third).status } }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
        }
    }

    @Test(
        "a code resets the password with the registration's rules and revokes refresh tokens",
        arguments: TestBackend.available)
    func reset(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: IdentityFixture.prepare) { client, database in
            let account = try await client.registerResident(1).json(Profile.self)
            let before = try await client.signIn(IdentityFixture.phone(1)).json(TokenResponse.self)
            #expect(try await Self.ask(client, 1, "reset").status == .accepted)
            let code = try #require(try await Self.lastCode(database, accountID: account.id))
            #expect(try await Self.login(client, 1, code).problemCode == "invalid_code")  // a reset code only resets
            let phone = IdentityFixture.phone(1)
            let weak = try await client.post(
                "/api/v1/auth/password-reset", json: #"{"phone":"\#(phone)","code":"\#(code)","password":"123456"}"#)
            #expect(weak.status == .badRequest && weak.problemCode == "weak_password")
            let done = try await client.post(
                "/api/v1/auth/password-reset",
                json: #"{"phone":"\#(phone)","code":"\#(code)","password":"Jinli-Street-2026"}"#)
            #expect(done.status == .noContent)
            #expect(try await client.signIn(phone).status == .unauthorized)
            #expect(try await client.signIn(phone, password: "Jinli-Street-2026").status == .ok)
            let refreshed = try await client.post(
                "/api/v1/auth/refresh", json: #"{"refreshToken":"\#(before.refreshToken)"}"#)
            #expect(refreshed.status == .unauthorized)
            let bad = try await client.post("/api/v1/auth/sms-code", json: #"{"phone":"12","purpose":"signin"}"#)
            #expect(bad.status == .badRequest && bad.problemCode == "invalid_phone")
            let purpose = try await client.post(
                "/api/v1/auth/sms-code", json: #"{"phone":"\#(phone)","purpose":"register"}"#)
            #expect(purpose.status == .badRequest)
        }
    }

    @Test(
        "after a lock-out the sign-in page says until when and the SMS code signs in through the page",
        arguments: TestBackend.available)
    func lockOutPage(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: IdentityFixture.prepare) { client, database in
            let account = try await client.registerResident(1).json(Profile.self)
            for _ in 0..<5 {
                _ = try await SignInPagesTests.signInThroughForm(client, next: "%2Fme", password: "wrong-password-1")
            }
            let locked = try await SignInPagesTests.signInThroughForm(client, next: "%2Fme")
            #expect(locked.status == .tooManyRequests)
            let html = String(buffer: locked.body)
            #expect(html.contains("最迟") && html.contains(#"id="signin-sms" href="/signin/sms?next=%2Fme""#))

            let page = try await client.execute(uri: "/signin/sms?next=%2Fme", method: .get)
            let csrf = try #require(ConsolePagesTests.hiddenCSRF(String(buffer: page.body)))
            let headers: HTTPFields = [
                .contentType: "application/x-www-form-urlencoded", .cookie: "cc_signin_csrf=\(csrf)",
            ]
            let noCSRF = try await client.execute(
                uri: "/signin/sms/code", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ConsolePagesTests.form(["phone": IdentityFixture.phone(1)]))
            #expect(noCSRF.status == .forbidden)
            let sent = try await client.execute(
                uri: "/signin/sms/code", method: .post, headers: headers,
                body: ConsolePagesTests.form(["csrf": csrf, "phone": IdentityFixture.phone(1), "next": "/me"]))
            #expect(sent.status == .ok && String(buffer: sent.body).contains(#"id="sms-sent""#))
            let csrf2 = try #require(ConsolePagesTests.hiddenCSRF(String(buffer: sent.body)))
            let code = try #require(try await Self.lastCode(database, accountID: account.id))
            let signedIn = try await client.execute(
                uri: "/signin/sms", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cc_signin_csrf=\(csrf2)"],
                body: ConsolePagesTests.form([
                    "csrf": csrf2, "phone": IdentityFixture.phone(1), "code": code, "next": "/me",
                ]))
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/me")
            #expect(ConsolePagesTests.cookie("cc_session", in: signedIn) != nil)
        }
    }
}
