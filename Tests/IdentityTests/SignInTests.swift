import App
import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Sign-in, tokens and personal data")
struct SignInTests {
    @Test("login, refresh with rotation, reuse revokes the family, logout", arguments: TestBackend.available)
    func tokenLifecycle(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            // By phone and by ID number.
            let byPhone = try await client.signIn(IdentityFixture.phone(1))
            #expect(byPhone.status == .ok)
            let first = try byPhone.json(TokenResponse.self)
            #expect(first.tokenType == "Bearer")
            #expect(first.expiresIn == 900)
            #expect(try await client.signIn(IdentityFixture.idNumber(1).lowercased()).status == .ok)

            let refreshed = try await client.post(
                "/api/v1/auth/refresh", json: #"{"refreshToken":"\#(first.refreshToken)"}"#)
            #expect(refreshed.status == .ok)
            let second = try refreshed.json(TokenResponse.self)
            #expect(second.refreshToken != first.refreshToken)
            #expect(try await client.get("/api/v1/me", token: second.accessToken).status == .ok)

            // Replaying the first token revokes the family: the second stops working too.
            let replay = try await client.post(
                "/api/v1/auth/refresh", json: #"{"refreshToken":"\#(first.refreshToken)"}"#)
            #expect(replay.status == .unauthorized)
            #expect(replay.problemCode == "invalid_refresh_token")
            let afterReplay = try await client.post(
                "/api/v1/auth/refresh", json: #"{"refreshToken":"\#(second.refreshToken)"}"#)
            #expect(afterReplay.status == .unauthorized)
            // ... and the access tokens issued so far are withdrawn before their expiry.
            let revoked = try await client.get("/api/v1/me", token: second.accessToken)
            #expect(revoked.status == .unauthorized)
            #expect(revoked.problemCode == "invalid_token")

            // Logout revokes a fresh family.
            let third = try await client.signIn(IdentityFixture.phone(1)).json(TokenResponse.self)
            #expect(
                try await client.post("/api/v1/auth/logout", json: #"{"refreshToken":"\#(third.refreshToken)"}"#).status
                    == .noContent)
            #expect(
                try await client.post("/api/v1/auth/refresh", json: #"{"refreshToken":"\#(third.refreshToken)"}"#)
                    .status == .unauthorized)
        }
    }

    @Test(
        "a flood of sign-ins on a new database: every one gets a token that the API accepts",
        arguments: TestBackend.available)
    func signInFlood(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            // No token was issued yet, so the signing keys do not exist: every sign-in below needs them at once.
            let results = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?).self) { group in
                for _ in 0..<300 {
                    group.addTask {
                        let response = try await client.signIn(IdentityFixture.phone(1))
                        return (response.status, try? response.json(TokenResponse.self).accessToken)
                    }
                }
                return try await group.reduce(into: [(HTTPResponse.Status, String?)]()) { $0.append($1) }
            }
            #expect(results.filter { $0.0 == .ok }.count == 300)
            var accepted = 0
            for case (_, let token?) in results.prefix(50)
            where try await client.get("/api/v1/me", token: token).status == .ok {
                accepted += 1
            }
            #expect(accepted == 50)
        }
    }

    @Test(
        "two concurrent refreshes with one token: one wins, the other is a replay that revokes the family",
        arguments: TestBackend.available)
    func refreshRace(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            let first = try await client.signIn(IdentityFixture.phone(1)).json(TokenResponse.self)
            let results = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        let response = try await client.post(
                            "/api/v1/auth/refresh", json: #"{"refreshToken":"\#(first.refreshToken)"}"#)
                        return (response.status.code, try? response.json(TokenResponse.self).refreshToken)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.map(\.0).sorted() == [200, 401], "\(results.map(\.0))")
            // The winner's token belongs to the revoked family now.
            let winner = try #require(results.compactMap(\.1).first)
            let after = try await client.post("/api/v1/auth/refresh", json: #"{"refreshToken":"\#(winner)"}"#)
            #expect(after.status == .unauthorized)
        }
    }

    @Test("sign-out withdraws the access token it presents, and only that one", arguments: TestBackend.available)
    func signOutRevokesAccessToken(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            let phone = try await client.signIn(IdentityFixture.phone(1)).json(TokenResponse.self)
            let tablet = try await client.signIn(IdentityFixture.phone(1)).json(TokenResponse.self)
            #expect(try await client.get("/api/v1/me", token: phone.accessToken).status == .ok)
            let out = try await client.post(
                "/api/v1/auth/logout", json: #"{"refreshToken":"\#(phone.refreshToken)"}"#, token: phone.accessToken)
            #expect(out.status == .noContent)
            #expect(try await client.get("/api/v1/me", token: phone.accessToken).status == .unauthorized)
            #expect(try await client.get("/api/v1/me", token: tablet.accessToken).status == .ok)
        }
    }

    @Test("a revocation written on one node reaches another node's list", arguments: TestBackend.available)
    func revocationsCrossNodes(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let nodeA = RevocationList(database: database)
            let nodeB = RevocationList(database: database)
            let now = Int64(Date().timeIntervalSince1970)
            try await nodeA.revoke(jti: "t-1", expires: now + 600)
            try await nodeA.revokeAll(accountID: "acct-9")
            #expect(nodeA.isRevoked(subject: "x", jti: "t-1", issuedAt: now))
            #expect(!nodeB.isRevoked(subject: "x", jti: "t-1", issuedAt: now))
            #expect(try await nodeB.sync() == 2)
            #expect(nodeB.isRevoked(subject: "x", jti: "t-1", issuedAt: now))
            #expect(nodeB.isRevoked(subject: "acct-9", jti: "t-2", issuedAt: now - 30))
            #expect(!nodeB.isRevoked(subject: "acct-9", jti: "t-3", issuedAt: now + 5))
            #expect(!nodeB.isRevoked(subject: "acct-8", jti: "t-4", issuedAt: now - 30))
            #expect(try await nodeB.sync() == 0)
        }
    }

    @Test("a level change on one node reaches another node's account cache", arguments: TestBackend.available)
    func accountCacheAcrossNodes(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            try await IdentityFixture.prepare(database)
            let cipher = try TestApp.cipher
            let nodeA = IdentityService(database: database, cipher: cipher, hasher: PasswordHasher(cost: 4))
            let nodeB = IdentityService(database: database, cipher: cipher, hasher: PasswordHasher(cost: 4))
            // Person 1 is in community A's register: level 2 at registration.
            let account = try await nodeA.registerResident(
                .init(
                    name: "居民1", idNumber: IdentityFixture.idNumber(1), phone: IdentityFixture.phone(1),
                    password: IdentityFixture.password), address: nil)
            #expect(try await nodeB.accounts.find(id: account.id)?.level == 2)
            let worker = Principal(
                subject: "worker", role: .communityWorker, scope: IdentityFixture.communityA, level: 3)
            _ = try await nodeA.confirmInPerson(residentID: account.id, by: worker, address: nil)
            #expect(try await nodeA.accounts.find(id: account.id)?.level == 3)
            #expect(try await nodeB.accounts.find(id: account.id)?.level == 2, "cached on B until the feed arrives")
            try await nodeB.revocations.sync()
            #expect(try await nodeB.accounts.find(id: account.id)?.level == 3)
        }
    }

    @Test("wrong password and unknown account answer alike", arguments: TestBackend.available)
    func sameAnswer(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            let wrong = try await client.signIn(IdentityFixture.phone(1), password: "Not-the-password-1")
            let unknown = try await client.signIn(IdentityFixture.phone(77), password: "Not-the-password-1")
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(wrong.problemCode == "invalid_credentials")
            #expect(unknown.problemCode == "invalid_credentials")
        }
    }

    @Test("five failures lock the account, for existing and unknown names alike", arguments: TestBackend.available)
    func lockout(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            for name in [IdentityFixture.phone(1), IdentityFixture.phone(88)] {
                for _ in 0..<5 {
                    #expect(try await client.signIn(name, password: "Not-the-password-1").status == .unauthorized)
                }
                let locked = try await client.signIn(name)
                #expect(locked.status == .tooManyRequests)
                #expect(locked.problemCode == "too_many_attempts")
            }
        }
    }

    @Test("/me masks personal data; reveal shows it and is audited", arguments: TestBackend.available)
    func meAndReveal(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            #expect(try await client.get("/api/v1/me", token: nil).status == .unauthorized)
            #expect(try await client.get("/api/v1/me", token: "not.a.token").problemCode == "invalid_token")
            let token = try await client.signIn(IdentityFixture.phone(1)).json(TokenResponse.self).accessToken
            let me = try await client.get("/api/v1/me", token: token).json(ProfileBody.self)
            #expect(me.idNumber == IDNumber.mask(IdentityFixture.idNumber(1)))
            #expect(me.phone == "139****0001")
            let revealed = try await client.post("/api/v1/me/reveal", json: "", token: token).json(ProfileBody.self)
            #expect(revealed.idNumber == IdentityFixture.idNumber(1))
            #expect(revealed.phone == IdentityFixture.phone(1))

            let auditor = try await client.officialToken("auditor")
            let page = try await client.get("/api/v1/audit?actor=\(me.id)", token: auditor)
            #expect(page.status == .ok)
            let body = String(buffer: page.body)
            #expect(body.contains("personal_data.reveal"))
            #expect(body.contains("auth.login"))
            #expect(!body.contains(IdentityFixture.idNumber(1)))
        }
    }

    @Test("officials need a valid TOTP code", arguments: TestBackend.available)
    func officialsNeedTOTP(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            let missing = try await client.signIn("city")
            #expect(missing.status == .unauthorized)
            #expect(missing.problemCode == "otp_required")
            let code = TOTPTestCode.now(IdentityFixture.totpSecret)
            let wrong = try await client.signIn("city", otp: String(format: "%06d", (code + 1) % 1_000_000))
            #expect(wrong.problemCode == "invalid_credentials")
            let good = try await client.signIn("city", otp: String(format: "%06d", code))
            #expect(good.status == .ok)
            let me = try await client.get("/api/v1/me", token: try good.json(TokenResponse.self).accessToken)
            #expect(try me.json(ProfileBody.self).scope == "510100")
            // A code seen once cannot sign in again within its window (RFC 6238 §5.2).
            let replayed = try await client.signIn("city", otp: String(format: "%06d", code))
            #expect(replayed.status == .unauthorized)
            #expect(replayed.problemCode == "invalid_credentials")
        }
    }

    @Test("two concurrent sign-ins with one TOTP code: exactly one succeeds", arguments: TestBackend.available)
    func totpRace(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            let code = String(format: "%06d", TOTPTestCode.now(IdentityFixture.totpSecret))
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 { group.addTask { try await client.signIn("street", otp: code).status.code } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.sorted() == [200, 401, 401, 401])
        }
    }

    @Test("a resident re-checks against the register to reach L2", arguments: TestBackend.available)
    func recheck(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            #expect(try await client.registerResident(40).status == .created)
            let token = try await client.signIn(IdentityFixture.phone(40)).json(TokenResponse.self).accessToken
            let refused = try await client.post("/api/v1/me/verification", json: "", token: token)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.problemCode == "not_in_register")
        }
    }
}
