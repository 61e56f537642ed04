import Foundation
import HTTPTypes
import HummingbirdOTP
import HummingbirdTesting
import Identity
import NIOCore
import NIOFoundationCompat
import Platform
import SQLKit
import ServiceHall
import Territory
import TestSupport
import Testing

/// A small territory, one register resident (for level 2), department staff and the shipped catalog.
enum HallFixture {
    static let community = "510104003001"
    static let password = "Furong-Garden-42"
    static let totpSecret = "TestSecretForTOTP123"
    /// username → department.
    static let staff: [(String, String)] = [("psb.clerk", "cd-psb"), ("hpf.clerk", "cd-hpf")]

    static var catalogText: String {
        get throws { try TestApp.dataFile("service-catalog.json") }
    }

    static func idNumber(_ n: Int) -> String {
        IDNumber(region: "510104", year: 1980 + n % 30, month: 1 + n % 12, day: 1 + n % 28, sequence: 100 + n).value
    }

    static func phone(_ n: Int) -> String { "139" + String(format: "%08d", n) }

    /// Divisions, person 1 in the register (so they register at level 2), the staff, and the catalog.
    static func prepare(_ database: Database) async throws {
        let divisions = DivisionRepository(database: database)
        try await divisions.upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(code: community, name: "社区甲", level: .community, parentCode: "510104003"),
        ])
        let cipher = try TestApp.cipher
        try await database.withConnection { sql in
            try await sql.insert(into: "households").columns("id", "community_code", "address", "size")
                .values(SQLBind(1), SQLBind(community), SQLBind("测试路 1 号"), SQLBind(1)).run()
            let id = self.idNumber(1)
            try await sql.insert(into: "residents")
                .columns(
                    "id", "household_id", "community_code", "name", "gender", "birth_date", "relation",
                    "id_number_hash", "id_number_enc"
                )
                .values(
                    SQLBind(1), SQLBind(1), SQLBind(community), SQLBind("居民1"), SQLBind("F"), SQLBind("1990-01-01"),
                    SQLBind("head"), SQLBind(cipher.lookupHash(id)), SQLBind(Data(cipher.seal(id)))
                ).run()
        }
        let service = IdentityService(database: database, cipher: cipher, hasher: PasswordHasher(cost: 4))
        for (username, department) in self.staff {
            _ = try await service.createOfficial(
                username: username, name: username, role: .departmentStaff, scope: department, password: self.password,
                totpSecret: self.totpSecret, divisions: divisions)
        }
        _ = try await service.createOfficial(
            username: "district", name: "district", role: .districtOfficer, scope: "510104", password: self.password,
            totpSecret: self.totpSecret, divisions: divisions)
        try await CatalogImporter(database: database).importFile(try self.catalogText, fileName: "service-catalog.json")
    }
}

/// Responses the tests decode.
struct TokenBody: Decodable { let accessToken: String }
struct ProfileBody: Decodable {
    let id: String
    let level: Int
}
struct ApplicationBody: Decodable {
    struct Step: Decodable {
        let status: String
        let handlerId: String?
        let note: String?
    }
    struct RatingBody: Decodable { let stars: Int }
    let id: String
    let serviceId: String
    let status: String
    let overdue: Bool
    let form: [String: String]
    let steps: [Step]
    let reason: String?
    let rating: RatingBody?
}
struct ListBody<Item: Decodable>: Decodable {
    let items: [Item]
    let nextCursor: String?
}
struct ServiceSummaryBody: Decodable {
    let id: String
    let kind: String
}

extension TestClientProtocol {
    func request(
        _ uri: String, method: HTTPRequest.Method = .get, json: String? = nil, token: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if json != nil { headers[.contentType] = "application/json" }
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await self.execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// Registers person `n` and returns an access token (person 1 is in the register: level 2; others level 1).
    func residentToken(_ n: Int) async throws -> (token: String, id: String) {
        let registration = try await self.request(
            "/api/v1/residents", method: .post,
            json: #"{"name":"居民\#(n)","idNumber":"\#(HallFixture.idNumber(n))","phone":"\#(HallFixture.phone(n))","#
                + #""password":"\#(HallFixture.password)"}"#)
        #expect(registration.status == .created, "\(String(buffer: registration.body))")
        let profile = try registration.json(ProfileBody.self)
        let signIn = try await self.request(
            "/api/v1/auth/login", method: .post,
            json: #"{"username":"\#(HallFixture.phone(n))","password":"\#(HallFixture.password)"}"#)
        return (try signIn.json(TokenBody.self).accessToken, profile.id)
    }

    /// An access token for an official of the fixture.
    func officialToken(_ username: String) async throws -> String {
        let otp = String(format: "%06d", TOTP(secret: HallFixture.totpSecret).compute(date: Date()))
        let response = try await self.request(
            "/api/v1/auth/login", method: .post,
            json: #"{"username":"\#(username)","password":"\#(HallFixture.password)","otp":"\#(otp)"}"#)
        #expect(response.status == .ok, "\(username): \(String(buffer: response.body))")
        return try response.json(TokenBody.self).accessToken
    }
}

extension TestResponse {
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(buffer: self.body))
    }

    /// The problem document's members.
    var problem: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: self.body)) as? [String: Any]) ?? [:]
    }

    var problemCode: String? { self.problem["code"] as? String }
}
