import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Identity
import NIOCore
import NIOFoundationCompat
import Platform
import SQLKit
import Territory
import TestSupport
import Testing

/// A small territory, a household register and officials for the identity tests.
enum IdentityFixture {
    static let communityA = "510104003001"
    static let communityB = "510104003002"
    static let otherCommunity = "510105001001"
    static let password = "Furong-Garden-42"

    /// A valid ID number for the n-th test person.
    static func idNumber(_ n: Int, region: String = "510104") -> String {
        IDNumber(region: region, year: 1980 + n % 30, month: 1 + n % 12, day: 1 + n % 28, sequence: 100 + n).value
    }

    /// A valid phone for the n-th test person.
    static func phone(_ n: Int) -> String { "139" + String(format: "%08d", n) }

    /// The officials the matrix signs in as: username → (role, scope).
    static let officials: [(String, Role, String)] = [
        ("worker.a", .communityWorker, communityA),
        ("worker.b", .communityWorker, communityB),
        ("street", .streetOfficer, "510104003"),
        ("district", .districtOfficer, "510104"),
        ("other.district", .districtOfficer, "510105"),
        ("city", .cityOfficer, "510100"),
        ("department", .departmentStaff, "dept-transport"),
        ("auditor", .auditor, "510100"),
        ("admin", .platformAdmin, "510100"),
    ]
    static let totpSecret = "TestSecretForTOTP123"

    /// Divisions, two register residents (persons 1 in A and 2 in B, 3 in the other district) and the officials.
    static func prepare(_ database: Database) async throws {
        let divisions = DivisionRepository(database: database)
        try await divisions.upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: "510105", name: "青羊区", level: .district, parentCode: "510100"),
            Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(code: "510105001", name: "少城街道", level: .street, parentCode: "510105"),
            Division(code: communityA, name: "社区甲", level: .community, parentCode: "510104003"),
            Division(code: communityB, name: "社区乙", level: .community, parentCode: "510104003"),
            Division(code: otherCommunity, name: "社区丙", level: .community, parentCode: "510105001"),
        ])
        let cipher = try TestApp.cipher
        try await database.withConnection { sql in
            for (n, community) in [(1, communityA), (2, communityB), (3, otherCommunity)] {
                try await sql.insert(into: "households").columns("id", "community_code", "address", "size")
                    .values(SQLBind(n), SQLBind(community), SQLBind("测试路 \(n) 号"), SQLBind(1)).run()
                let id = self.idNumber(n)
                try await sql.insert(into: "residents")
                    .columns(
                        "id", "household_id", "community_code", "name", "gender", "birth_date", "relation",
                        "id_number_hash", "id_number_enc"
                    )
                    .values(
                        SQLBind(n), SQLBind(n), SQLBind(community), SQLBind("居民\(n)"), SQLBind("F"),
                        SQLBind("1990-01-01"), SQLBind("head"), SQLBind(cipher.lookupHash(id)),
                        SQLBind(Data(cipher.seal(id)))
                    ).run()
            }
        }
        let service = IdentityService(database: database, cipher: cipher, hasher: PasswordHasher(cost: 4))
        for (username, role, scope) in self.officials {
            _ = try await service.createOfficial(
                username: username, name: username, role: role, scope: scope, password: self.password,
                totpSecret: self.totpSecret, divisions: divisions)
        }
    }
}

/// JSON helpers over the test client.
extension TestClientProtocol {
    func post(_ uri: String, json: String, token: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await self.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
    }

    func get(_ uri: String, token: String?) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await self.execute(uri: uri, method: .get, headers: headers)
    }

    /// Registers person `n` (in the register when n is 1–3) and returns the response.
    func registerResident(_ n: Int, name: String? = nil, password: String = IdentityFixture.password) async throws
        -> TestResponse
    {
        try await self.post(
            "/api/v1/residents",
            json: #"{"name":"\#(name ?? "居民\(n)")","idNumber":"\#(IdentityFixture.idNumber(n))","#
                + #""phone":"\#(IdentityFixture.phone(n))","password":"\#(password)"}"#)
    }

    /// Signs in and returns the token response.
    func signIn(_ username: String, password: String = IdentityFixture.password, otp: String? = nil) async throws
        -> TestResponse
    {
        let otpField = otp.map { #","otp":"\#($0)""# } ?? ""
        return try await self.post(
            "/api/v1/auth/login", json: #"{"username":"\#(username)","password":"\#(password)"\#(otpField)}"#)
    }

    /// An access token for an official of the fixture.
    func officialToken(_ username: String) async throws -> String {
        let otp = String(format: "%06d", TOTPTestCode.now(IdentityFixture.totpSecret))
        let response = try await self.signIn(username, otp: otp)
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
