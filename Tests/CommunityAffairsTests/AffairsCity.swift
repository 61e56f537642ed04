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

/// The community-affairs tests' city: one street with communities A and B, a household of two in A (a head and a
/// child, both with level-2 accounts), a single resident in B, and officials.
enum AffairsCity {
    static let streetCode = "510104003"
    static let communityA = "510104003001"
    static let communityB = "510104003002"
    static let secret = "Jinjiang-Courtyard-77"
    static let totp = "AffairsTestTOTPSecret1"

    /// Account id, phone, register name, household, community, relation.
    static let people: [(String, String, String, Int, String, String)] = [
        ("res-head", "13900000001", "王大明", 1, communityA, "户主"),
        ("res-child", "13900000002", "王小明", 1, communityA, "子女"),
        ("res-b", "13900000003", "李秀英", 2, communityB, "户主"),
    ]

    static let officials: [(String, Role, String)] = [
        ("worker.a", .communityWorker, communityA), ("worker.b", .communityWorker, communityB),
        ("street.officer", .streetOfficer, streetCode), ("city.officer", .cityOfficer, "510100"),
        ("psb.staff", .departmentStaff, "cd-psb"),
    ]

    static func idNumber(_ n: Int) -> String {
        IDNumber(region: "510104", year: 1960 + n * 7, month: n, day: 10 + n, sequence: 300 + n).value
    }

    /// Divisions, the service catalog, the register, resident accounts and officials.
    static func prepare(_ database: Database) async throws {
        try await TestApp.importCatalog(database)
        let divisions = DivisionRepository(database: database)
        try await divisions.upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: streetCode, name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(code: communityA, name: "和平社区", level: .community, parentCode: streetCode),
            Division(code: communityB, name: "新华社区", level: .community, parentCode: streetCode),
        ])
        let cipher = try TestApp.cipher
        let hash = try await PasswordHasher(cost: 4).hash(self.secret)
        try await database.transaction { sql in
            for household in [(1, communityA, "3栋2单元401号", 2), (2, communityB, "8栋1单元102号", 1)] {
                try await sql.insert(into: "households").columns("id", "community_code", "address", "size")
                    .values(SQLBind(household.0), SQLBind(household.1), SQLBind(household.2), SQLBind(household.3))
                    .run()
            }
            for (n, person) in self.people.enumerated() {
                let id = self.idNumber(n + 1)
                try await sql.insert(into: "residents")
                    .columns(
                        "id", "household_id", "community_code", "name", "gender", "birth_date", "relation",
                        "id_number_hash", "id_number_enc"
                    )
                    .values(
                        SQLBind(n + 1), SQLBind(person.3), SQLBind(person.4), SQLBind(person.2), SQLBind("M"),
                        SQLBind("1980-05-01"), SQLBind(person.5), SQLBind(cipher.lookupHash(id)),
                        SQLBind(Data(cipher.seal(id)))
                    ).run()
                try await sql.insert(into: "identity_accounts")
                    .columns(
                        "id", "role", "name", "id_number_hash", "id_number_enc", "phone_hash", "phone_enc",
                        "password_hash", "level", "created_at"
                    )
                    .values(
                        SQLBind(person.0), SQLBind("resident"), SQLBind(person.2), SQLBind(cipher.lookupHash(id)),
                        SQLBind(Data(cipher.seal(id))), SQLBind(cipher.lookupHash(person.1)),
                        SQLBind(Data(cipher.seal(person.1))), SQLBind(hash), SQLBind(2),
                        SQLBind(Int64(Date().timeIntervalSince1970))
                    ).run()
            }
        }
        let identity = IdentityService(database: database, cipher: cipher, hasher: PasswordHasher(cost: 4))
        for (username, role, scope) in self.officials {
            _ = try await identity.createOfficial(
                username: username, name: username, role: role, scope: scope, password: self.secret,
                totpSecret: self.totp, divisions: divisions)
        }
    }
}

/// Requests against the test client.
extension TestClientProtocol {
    func call(_ method: HTTPRequest.Method, _ uri: String, _ json: String? = nil, as token: String? = nil) async throws
        -> TestResponse
    {
        var headers: HTTPFields = [:]
        if json != nil { headers[.contentType] = "application/json" }
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await self.execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// An access token: residents sign in with their phone, officials with their username and a TOTP code.
    func signIn(_ name: String) async throws -> String {
        let otp =
            name.hasPrefix("139")
            ? "" : #","otp":"\#(String(format: "%06d", TOTP(secret: AffairsCity.totp).compute(date: Date())))""#
        let response = try await self.call(
            .post, "/api/v1/auth/login", #"{"username":"\#(name)","password":"\#(AffairsCity.secret)"\#(otp)}"#)
        #expect(response.status == .ok, "\(name): \(String(buffer: response.body))")
        return try response.decoded(TokenResponse.self).accessToken
    }
}

extension TestResponse {
    func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(buffer: self.body))
    }

    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: self.body)) as? [String: Any]) ?? [:]
    }

    /// The `code` of a problem+json body.
    var code: String? { self.object["code"] as? String }
}
