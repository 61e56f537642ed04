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

/// A small city for the cases tests: two districts, two streets, three communities, residents matched with the
/// register in community A, officials at every level and two departments' staff.
enum CasesFixture {
    static let communityA = "510104003001"
    static let communityB = "510104003002"
    static let communityC = "510105001001"
    static let password = "Furong-Garden-42"
    static let totpSecret = "TestSecretForTOTP123"

    /// username → (role, scope).
    static let officials: [(String, Role, String)] = [
        ("worker.a", .communityWorker, communityA), ("worker.b", .communityWorker, communityB),
        ("worker.c", .communityWorker, communityC), ("street", .streetOfficer, "510104003"),
        ("district", .districtOfficer, "510104"), ("district.c", .districtOfficer, "510105"),
        ("city", .cityOfficer, "510100"), ("urban.staff", .departmentStaff, "cd-urban-management"),
        ("water.staff", .departmentStaff, "cd-water"), ("auditor", .auditor, "510100"),
    ]

    static func idNumber(_ n: Int) -> String {
        IDNumber(region: "510104", year: 1970 + n % 40, month: 1 + n % 12, day: 1 + n % 28, sequence: 200 + n % 700)
            .value
    }

    static func phone(_ n: Int) -> String { "137" + String(format: "%08d", n) }

    /// ``prepare(_:residents:)`` with three residents.
    static let standard: @Sendable (Database) async throws -> Void = { try await prepare($0) }

    /// Divisions, catalog, `residents` resident accounts at level 2 matched with households in community A, and
    /// the officials.
    static func prepare(_ database: Database, residents: Int = 3) async throws {
        try await TestApp.importCatalog(database)
        let divisions = DivisionRepository(database: database)
        try await divisions.upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: "510105", name: "青羊区", level: .district, parentCode: "510100"),
            Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(code: "510105001", name: "少城街道", level: .street, parentCode: "510105"),
            Division(code: communityA, name: "社区甲", level: .community, parentCode: "510104003"),
            Division(code: communityB, name: "社区乙", level: .community, parentCode: "510104003"),
            Division(code: communityC, name: "社区丙", level: .community, parentCode: "510105001"),
        ])
        let cipher = try TestApp.cipher
        let hash = try await PasswordHasher(cost: 4).hash(self.password)
        try await database.transaction { sql in
            for n in 1...residents {
                let id = self.idNumber(n)
                try await sql.insert(into: "households").columns("id", "community_code", "address", "size")
                    .values(SQLBind(n), SQLBind(communityA), SQLBind("\(n)栋"), SQLBind(1)).run()
                try await sql.insert(into: "residents")
                    .columns(
                        "id", "household_id", "community_code", "name", "gender", "birth_date", "relation",
                        "id_number_hash", "id_number_enc"
                    )
                    .values(
                        SQLBind(n), SQLBind(n), SQLBind(communityA), SQLBind("居民\(n)"), SQLBind("F"),
                        SQLBind("1990-01-01"), SQLBind("head"), SQLBind(cipher.lookupHash(id)),
                        SQLBind(Data(cipher.seal(id)))
                    ).run()
                try await sql.insert(into: "identity_accounts")
                    .columns(
                        "id", "role", "name", "id_number_hash", "id_number_enc", "phone_hash", "phone_enc",
                        "password_hash", "level", "created_at"
                    )
                    .values(
                        SQLBind("resident-\(n)"), SQLBind("resident"), SQLBind("居民\(n)"),
                        SQLBind(cipher.lookupHash(id)), SQLBind(Data(cipher.seal(id))),
                        SQLBind(cipher.lookupHash(self.phone(n))), SQLBind(Data(cipher.seal(self.phone(n)))),
                        SQLBind(hash), SQLBind(2), SQLBind(Int64(Date().timeIntervalSince1970))
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

    /// A report body.
    static func report(
        category: String = "street-light", community: String? = nil, lat: Double = 30.65, lon: Double = 104.08,
        description: String = "小区门口路灯坏了三天"
    ) -> String {
        let code = community.map { #","communityCode":"\#($0)""# } ?? ""
        return #"{"category":"\#(category)","description":"\#(description)","lat":\#(lat),"lon":\#(lon)\#(code)}"#
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

    /// An access token for this account (a resident's phone, or an official's username with TOTP).
    func token(_ username: String) async throws -> String {
        let official = !username.hasPrefix("137")
        let otp =
            official
            ? #","otp":"\#(String(format: "%06d", TOTP(secret: CasesFixture.totpSecret).compute(date: Date())))""#
            : ""
        let response = try await self.send(
            .post, "/api/v1/auth/login",
            json: #"{"username":"\#(username)","password":"\#(CasesFixture.password)"\#(otp)}"#)
        #expect(response.status == .ok, "\(username): \(String(buffer: response.body))")
        return try response.json(TokenResponse.self).accessToken
    }

    /// Applies a transition; returns the response.
    func transition(_ id: String, _ command: String, note: String? = nil, extra: String = "", token: String)
        async throws -> TestResponse
    {
        let noteField = note.map { #","note":"\#($0)""# } ?? ""
        return try await self.send(
            .post, "/api/v1/cases/\(id)/transitions", json: #"{"command":"\#(command)"\#(noteField)\#(extra)}"#,
            token: token)
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
