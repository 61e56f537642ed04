import Appointments
import Foundation
import HTTPTypes
import HummingbirdOTP
import HummingbirdTesting
import Identity
import NIOCore
import NIOFoundationCompat
import Platform
import SQLKit
import Territory
import TestSupport
import Testing

/// Places, slots, resident accounts and officials for the appointment tests.
enum AppointmentFixture {
    static let password = "Furong-Garden-42"
    static let totpSecret = "TestSecretForTOTP123"
    static let hospital = Place(
        id: "huaxi-hospital", kind: .hospital, name: "四川大学华西医院", nameEn: "West China Hospital",
        address: "武侯区国学巷37号", addressEn: "37 Guoxue Lane, Wuhou", divisionCode: "510107",
        departmentId: "cd-health")
    static let centre = Place(
        id: "jinjiang-centre", kind: .serviceCentre, name: "锦江区政务服务中心", nameEn: "Jinjiang Service Centre",
        address: "锦江区锦华路一段88号", addressEn: "88 Jinhua Rd, Jinjiang", divisionCode: "510104",
        departmentId: "cd-civil-affairs")

    /// A valid ID number for the n-th test person.
    static func idNumber(_ n: Int) -> String {
        IDNumber(region: "510104", year: 1960 + n % 40, month: 1 + n % 12, day: 1 + n % 28, sequence: n % 1000).value
    }

    /// A phone for the n-th test person (their sign-in name).
    static func phone(_ n: Int) -> String { "138" + String(format: "%08d", n) }

    /// Creates resident accounts 1…count directly (one password hash for all), fast enough for a thousand; they are
    /// at level 2 (real name), which the catalog's appointment services need.
    static func residents(_ database: Database, count: Int) async throws {
        let cipher = try TestApp.cipher
        let hash = try await PasswordHasher(cost: 4).hash(self.password)
        try await database.transaction { sql in
            for n in 1...count {
                try await sql.insert(into: "identity_accounts")
                    .columns(
                        "id", "role", "name", "id_number_hash", "id_number_enc", "phone_hash", "phone_enc",
                        "password_hash", "level", "created_at"
                    )
                    .values(
                        SQLBind("resident-\(n)"), SQLBind("resident"), SQLBind("居民\(n)"),
                        SQLBind(cipher.lookupHash(self.idNumber(n))), SQLBind(Data(cipher.seal(self.idNumber(n)))),
                        SQLBind(cipher.lookupHash(self.phone(n))), SQLBind(Data(cipher.seal(self.phone(n)))),
                        SQLBind(hash), SQLBind(2), SQLBind(Int64(Date().timeIntervalSince1970))
                    ).run()
            }
        }
    }

    /// Divisions, the two places with slots tomorrow, `residents` resident accounts and two department officials.
    static func standard(_ database: Database) async throws {
        try await self.prepare(database, residents: 3, capacity: 2)
    }

    /// A thousand residents and slots of 100 places.
    static func crowd(_ database: Database) async throws {
        try await self.prepare(database, residents: 1000, capacity: 100)
    }

    static func prepare(_ database: Database, residents: Int, capacity: Int) async throws {
        try await TestApp.importCatalog(database)
        let divisions = DivisionRepository(database: database)
        try await divisions.upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: "510107", name: "武侯区", level: .district, parentCode: "510100"),
        ])
        let places = PlaceRepository(database: database)
        try await places.create(self.hospital)
        try await places.create(self.centre)
        let start = CityClock.startOfDay(CityClock.localDate(CityClock.now()))! + 86_400 + 9 * 3600
        try await places.addSlots(
            (0..<4).map { i in
                Slot(
                    id: "slot-h\(i)", placeID: self.hospital.id, serviceID: "hospital-registration",
                    startsAt: start + Int64(i) * 1800, endsAt: start + Int64(i + 1) * 1800, capacity: capacity,
                    booked: 0)
            } + [
                Slot(
                    id: "slot-c0", placeID: self.centre.id, serviceID: "marriage-registration",
                    startsAt: start, endsAt: start + 3600, capacity: capacity, booked: 0),
                Slot(
                    id: "slot-past", placeID: self.hospital.id, serviceID: "hospital-registration",
                    startsAt: start - 3 * 86_400, endsAt: start - 3 * 86_400 + 1800, capacity: capacity, booked: 0),
            ])
        try await self.residents(database, count: residents)
        let service = IdentityService(database: database, cipher: try TestApp.cipher, hasher: PasswordHasher(cost: 4))
        for (username, role, scope) in [
            ("health.staff", Role.departmentStaff, "cd-health"),
            ("civil.staff", Role.departmentStaff, "cd-civil-affairs"),
        ] {
            _ = try await service.createOfficial(
                username: username, name: username, role: role, scope: scope, password: self.password,
                totpSecret: self.totpSecret, divisions: divisions)
        }
    }
}

/// JSON helpers over the test client.
extension TestClientProtocol {
    func send(
        _ method: HTTPRequest.Method, _ uri: String, json: String? = nil, token: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if json != nil { headers[.contentType] = "application/json" }
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await self.execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// An access token for the resident with this sign-in name and the fixture's password (and TOTP for officials).
    func token(_ username: String, official: Bool = false) async throws -> String {
        let otp =
            official
            ? #","otp":"\#(String(format: "%06d", TOTP(secret: AppointmentFixture.totpSecret).compute(date: Date())))""#
            : ""
        let response = try await self.send(
            .post, "/api/v1/auth/login",
            json: #"{"username":"\#(username)","password":"\#(AppointmentFixture.password)"\#(otp)}"#)
        #expect(response.status == .ok, "\(username): \(String(buffer: response.body))")
        return try response.json(TokenResponse.self).accessToken
    }
}

extension TestResponse {
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(buffer: self.body))
    }

    /// The `code` of a problem+json body.
    var problemCode: String? {
        (try? JSONSerialization.jsonObject(with: Data(buffer: self.body)) as? [String: Any])?["code"] as? String
    }
}
