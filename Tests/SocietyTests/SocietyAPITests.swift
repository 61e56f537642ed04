import Foundation
import HTTPTypes
import HummingbirdOTP
import HummingbirdTesting
import Identity
import NIOCore
import NIOFoundationCompat
import Platform
import Territory
import TestSupport
import Testing

/// The society API through the real application: who may do what, and bad input answered with problem codes.
@Suite struct SocietyAPITests {
    static let password = "Furong-Garden-42"
    static let secret = "SocietyTOTPSecret234"

    /// The divisions, two residents (by phone) and a community worker in communities A and C.
    static let prepare: @Sendable (Database) async throws -> Void = { database in
        try await DivisionRepository(database: database).upsert(SocietyFixture.divisions)
        let identity = IdentityService(database: database, cipher: try TestApp.cipher, hasher: PasswordHasher(cost: 4))
        for (index, phone) in ["13900000001", "13900000002"].enumerated() {
            let id = IDNumber(region: "510104", year: 1980 + index, month: 3, day: 9, sequence: 410 + index).value
            _ = try await identity.registerResident(
                .init(name: "志愿者\(index + 1)", idNumber: id, phone: phone, password: Self.password), address: nil)
        }
        for (name, scope) in [("worker.a", SocietyFixture.communityA), ("worker.c", SocietyFixture.communityC)] {
            _ = try await identity.createOfficial(
                username: name, name: name, role: .communityWorker, scope: scope, password: Self.password,
                totpSecret: Self.secret, divisions: DivisionRepository(database: database))
        }
    }

    @Test(arguments: TestBackend.available)
    func rolesAndProblems(_ backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: Self.prepare) { client in
            let api = SocietyClient(client: client)
            let resident = try await api.signIn("13900000001")
            let stranger = try await api.signIn("13900000002")
            let workerA = try await api.signIn("worker.a", otp: true)
            let workerC = try await api.signIn("worker.c", otp: true)
            let profile = #"{"communityCode":"510104003001","skills":["助老"],"availability":"周末"}"#
            #expect(try await api.send(.put, "/api/v1/society/volunteers/me", profile).status == .unauthorized)
            let answer1 = try await api.send(.put, "/api/v1/society/volunteers/me", profile, token: workerA)
            #expect(answer1.status == .forbidden)
            #expect(try await api.send(.put, "/api/v1/society/volunteers/me", profile, token: resident).status == .ok)
            let answer2 = try await api.send(.get, "/api/v1/society/volunteers/me", token: stranger)
            #expect(answer2.code == "volunteer_not_found")

            let start = CityClock.rfc3339(CityClock.now() + 86_400)
            let end = CityClock.rfc3339(CityClock.now() + 86_400 + 7200)
            let activity = """
                {"communityCode":"510104003001","title":"送餐","place":"长者食堂","lat":30.6571,"lon":104.0806,\
                "shifts":[{"kind":"fixed","startsAt":"\(start)","endsAt":"\(end)","capacity":1}]}
                """
            let answer3 = try await api.send(.post, "/api/v1/society/activities", activity, token: workerC)
            #expect(answer3.status == .forbidden)
            let answer4 = try await api.send(.post, "/api/v1/society/activities", activity, token: resident)
            #expect(answer4.status == .forbidden)
            let badShift = activity.replacingOccurrences(of: #""capacity":1"#, with: #""capacity":0"#)
            let answer5 = try await api.send(.post, "/api/v1/society/activities", badShift, token: workerA)
            #expect(answer5.code == "invalid_input")
            let posted = try await api.send(.post, "/api/v1/society/activities", activity, token: workerA)
            #expect(posted.status == .created)
            let id = try #require(posted.object["id"] as? String)
            let shifts = try #require(posted.object["shifts"] as? [[String: Any]])
            let shift = try #require(shifts.first?["id"] as? String)
            #expect(shifts.first?["checkinCode"] is String)
            // The public sees no check-in code.
            let shown = try await api.send(.get, "/api/v1/society/activities/\(id)")
            #expect((shown.object["shifts"] as? [[String: Any]])?.first?["checkinCode"] == nil)

            let answer6 = try await api.send(.post, "/api/v1/society/shifts/\(shift)/signups", token: stranger)
            #expect(answer6.code == "volunteer_required")
            let answer7 = try await api.send(.post, "/api/v1/society/shifts/nope/signups", token: resident)
            #expect(answer7.status == .notFound)
            let signup = try await api.send(.post, "/api/v1/society/shifts/\(shift)/signups", token: resident)
            #expect(signup.status == .created)
            #expect(signup.object["status"] as? String == "confirmed")
            let answer8 = try await api.send(.post, "/api/v1/society/shifts/\(shift)/signups", token: resident)
            #expect(answer8.code == "already_signed_up")
            let signupID = try #require(signup.object["id"] as? String)
            #expect(try await api.send(.get, "/api/v1/society/shifts/\(shift)/signups", token: workerA).status == .ok)
            let answer9 = try await api.send(.get, "/api/v1/society/shifts/\(shift)/signups", token: workerC)
            #expect(answer9.status == .forbidden)

            let wrong = #"{"code":"NOTTHECODE","lat":30.6571,"lon":104.0806}"#
            let answer10 = try await api.send(
                .post, "/api/v1/society/signups/\(signupID)/check-in", wrong, token: resident)
            #expect(answer10.code == "checkin_code_invalid")
            let answer11 = try await api.send(
                .post, "/api/v1/society/signups/\(signupID)/check-in", wrong, token: stranger)
            #expect(answer11.status == .notFound)
            #expect(
                try await api.send(
                    .post, "/api/v1/society/signups/\(signupID)/hours", #"{"minutes":60}"#, token: resident
                ).code
                    == "signup_state")
            #expect(
                try await api.send(
                    .post, "/api/v1/society/signups/\(signupID)/hours", "minutes=60", token: resident,
                    contentType: "application/x-www-form-urlencoded"
                ).status == .unsupportedMediaType)

            let csv = try await api.send(.get, "/api/v1/society/volunteers/me/hours?format=csv", token: resident)
            #expect(csv.status == .ok)
            #expect(String(buffer: csv.response.body).hasPrefix("activity,minutes,status"))
            let answer12 = try await api.send(.get, "/api/v1/society/volunteers/me/hours?format=pdf", token: resident)
            #expect(answer12.status == .badRequest)

            let organization = """
                {"kind":"social_organization","name":"和平邻里服务中心","creditCode":"91350100M000100Y44",\
                "legalRepresentative":"李华","communityCode":"510104003001"}
                """
            let answer13 = try await api.send(.post, "/api/v1/society/organizations", organization, token: resident)
            #expect(answer13.code == "invalid_credit_code")
            let valid = organization.replacingOccurrences(of: "Y44", with: "Y43")
            let created = try await api.send(.post, "/api/v1/society/organizations", valid, token: resident)
            #expect(created.status == .created)
            let organizationID = try #require(created.object["id"] as? String)
            #expect(try await api.send(.get, "/api/v1/society/organizations/\(organizationID)").status == .notFound)
            let verify = #"{"decision":"verify"}"#
            let answer14 = try await api.send(
                .post, "/api/v1/society/organizations/\(organizationID)/decision", verify, token: workerC)
            #expect(answer14.status == .forbidden)
            let answer15 = try await api.send(
                .post, "/api/v1/society/organizations/\(organizationID)/decision", verify, token: workerA)
            #expect(answer15.status == .ok)
            #expect(try await api.send(.get, "/api/v1/society/organizations/\(organizationID)").status == .ok)

            let statistics = try await api.send(.get, "/api/v1/society/statistics?division=510104")
            #expect(statistics.status == .ok)
            #expect((statistics.object["division"] as? [String: Any])?["organizations"] as? Int == 1)
            #expect(try await api.send(.get, "/api/v1/society/statistics?division=999").status == .notFound)
            #expect(try await api.send(.get, "/api/v1/society/statistics?division=abc").status == .badRequest)
        }
    }
}

/// A JSON client for the society API.
struct SocietyClient {
    let client: any TestClientProtocol

    /// An answer with its JSON object and problem code.
    struct Answer {
        let response: TestResponse
        var status: HTTPResponse.Status { self.response.status }
        var object: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(buffer: self.response.body))) as? [String: Any] ?? [:]
        }
        var code: String? { self.object["code"] as? String }
    }

    func send(
        _ method: HTTPRequest.Method, _ path: String, _ body: String? = nil, token: String? = nil,
        contentType: String = "application/json"
    ) async throws -> Answer {
        var headers: HTTPFields = [:]
        if body != nil { headers[.contentType] = contentType }
        if let token { headers[.authorization] = "Bearer \(token)" }
        return Answer(
            response: try await self.client.execute(
                uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }))
    }

    /// Signs in with the test password (and a TOTP code for officials); returns the access token.
    func signIn(_ username: String, otp: Bool = false) async throws -> String {
        let code = String(format: "%06d", TOTP(secret: SocietyAPITests.secret).compute(date: Date()))
        let body =
            otp
            ? #"{"username":"\#(username)","password":"\#(SocietyAPITests.password)","otp":"\#(code)"}"#
            : #"{"username":"\#(username)","password":"\#(SocietyAPITests.password)"}"#
        let answer = try await self.send(.post, "/api/v1/auth/login", body)
        return try #require(answer.object["accessToken"] as? String, "\(username): \(answer.object)")
    }
}
