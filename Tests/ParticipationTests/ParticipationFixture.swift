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

/// Two communities, their register and accounts, and officials, for the participation tests.
///
/// Community A (`510104003001`): household 1 at `1栋1单元101号` (residents 1, head, and 2), household 2 at
/// `2栋3单元502号` (resident 3, head). Community B (`510104003002`): household 3 (resident 4, head). Resident 5 has
/// an account at level 1 and is not in the register. Accounts are `resident-n`, phones ``phone(_:)``.
/// Officials: `worker.a` and `worker.a2` (community A), `worker.b` (community B), `street` (the street of both).
enum ParticipationFixture {
    static let password = "Furong-Garden-42"
    static let totpSecret = "TestSecretForTOTP123"
    static let communityA = "510104003001"
    static let communityB = "510104003002"

    static func idNumber(_ n: Int) -> String {
        IDNumber(region: "510104", year: 1950 + n % 50, month: 1 + n % 12, day: 1 + n % 28, sequence: 100 + n % 800)
            .value
    }

    static func phone(_ n: Int) -> String { "137" + String(format: "%08d", n) }

    static func divisions(_ database: Database) async throws {
        try await DivisionRepository(database: database).upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(code: self.communityA, name: "社区甲", level: .community, parentCode: "510104003"),
            Division(code: self.communityB, name: "社区乙", level: .community, parentCode: "510104003"),
        ])
    }

    /// Adds households and residents (with accounts at `level`) in bulk: resident n lives in household
    /// `householdOf(n)` in `community`; the first resident of each household is its head.
    static func enrol(
        _ database: Database, residents: ClosedRange<Int>, householdOf: @Sendable (Int) -> Int, community: String,
        address: @Sendable (Int) -> String, level: Int = 2, passwordHash: String = "x"
    ) async throws {
        let cipher = try TestApp.cipher
        let now = Int64(Date().timeIntervalSince1970)
        try await database.transaction { sql in
            var seen = Set<Int>()
            for chunk in Array(residents).chunked(into: 200) {
                let households = chunk.map(householdOf).filter { seen.insert($0).inserted }
                if !households.isEmpty {
                    let insert = sql.insert(into: "households").columns("id", "community_code", "address", "size")
                    for h in households {
                        insert.values(SQLBind(h), SQLBind(community), SQLBind(address(h)), SQLBind(1))
                    }
                    try await insert.run()
                }
                let people = sql.insert(into: "residents").columns(
                    "id", "household_id", "community_code", "name", "gender", "birth_date", "relation",
                    "id_number_hash", "id_number_enc")
                let accounts = sql.insert(into: "identity_accounts").columns(
                    "id", "role", "name", "id_number_hash", "id_number_enc", "phone_hash", "phone_enc",
                    "password_hash", "level", "community_code", "created_at")
                for n in chunk {
                    let head = n == residents.lowerBound || householdOf(n - 1) != householdOf(n)
                    let id = self.idNumber(n)
                    people.values(
                        SQLBind(n), SQLBind(householdOf(n)), SQLBind(community), SQLBind("居民\(n)"), SQLBind("F"),
                        SQLBind("1970-01-01"), SQLBind(head ? "head" : "member"), SQLBind(cipher.lookupHash(id)),
                        SQLBind(Data(cipher.seal(id))))
                    accounts.values(
                        SQLBind("resident-\(n)"), SQLBind("resident"), SQLBind("居民\(n)"),
                        SQLBind(cipher.lookupHash(id)), SQLBind(Data(cipher.seal(id))),
                        SQLBind(cipher.lookupHash(self.phone(n))), SQLBind(Data(cipher.seal(self.phone(n)))),
                        SQLBind(passwordHash), SQLBind(level), SQLBind(community), SQLBind(now))
                }
                try await people.run()
                try await accounts.run()
            }
        }
    }

    /// The small fixture of the API tests (see the type's documentation).
    static func prepare(_ database: Database) async throws {
        try await self.divisions(database)
        let hash = try await PasswordHasher(cost: 4).hash(self.password)
        let households: [Int: Int] = [1: 1, 2: 1, 3: 2, 4: 3]
        try await self.enrol(
            database, residents: 1...3, householdOf: { households[$0]! }, community: self.communityA,
            address: { $0 == 1 ? "1栋1单元101号" : "2栋3单元502号" }, passwordHash: hash)
        try await self.enrol(
            database, residents: 4...4, householdOf: { _ in 3 }, community: self.communityB,
            address: { _ in "9栋1单元101号" }, passwordHash: hash)
        let cipher = try TestApp.cipher
        try await database.withConnection { sql in
            let id = self.idNumber(5)
            try await sql.insert(into: "identity_accounts")
                .columns(
                    "id", "role", "name", "id_number_hash", "id_number_enc", "phone_hash", "phone_enc",
                    "password_hash", "level", "community_code", "created_at"
                )
                .values(
                    SQLBind("resident-5"), SQLBind("resident"), SQLBind("居民5"), SQLBind(cipher.lookupHash(id)),
                    SQLBind(Data(cipher.seal(id))), SQLBind(cipher.lookupHash(self.phone(5))),
                    SQLBind(Data(cipher.seal(self.phone(5)))), SQLBind(hash), SQLBind(1), SQLBind(nil as String?),
                    SQLBind(Int64(Date().timeIntervalSince1970))
                ).run()
        }
        let service = IdentityService(database: database, cipher: cipher, hasher: PasswordHasher(cost: 4))
        let divisions = DivisionRepository(database: database)
        for (username, role, scope) in [
            ("worker.a", Role.communityWorker, self.communityA), ("worker.a2", Role.communityWorker, self.communityA),
            ("worker.b", Role.communityWorker, self.communityB), ("street", Role.streetOfficer, "510104003"),
        ] {
            _ = try await service.createOfficial(
                username: username, name: username, role: role, scope: scope, password: self.password,
                totpSecret: self.totpSecret, divisions: divisions)
        }
    }

    /// A vote request body; times relative to now in seconds.
    static func voteJSON(
        kind: String = "yes_no_abstain", unit: String = "person", opensIn: Int64 = -60, closesIn: Int64 = 3600,
        quorum: Int = 0, threshold: String = "simple_majority", extra: String = ""
    ) -> String {
        let now = Int64(Date().timeIntervalSince1970)
        return """
            {"titleZh":"加装电梯","titleEn":"Add a lift","description":"1栋加装电梯","kind":"\(kind)",\
            "unit":"\(unit)","opensAt":"\(CityClock.rfc3339(now + opensIn))",\
            "closesAt":"\(CityClock.rfc3339(now + closesIn))","quorumPercent":\(quorum),\
            "threshold":"\(threshold)"\(extra)}
            """
    }
}

extension TestClientProtocol {
    func send(
        _ method: HTTPRequest.Method, _ uri: String, json: String? = nil, token: String? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if json != nil { headers[.contentType] = "application/json" }
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await self.execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    func token(_ username: String, official: Bool = false) async throws -> String {
        let code = String(format: "%06d", TOTP(secret: ParticipationFixture.totpSecret).compute(date: Date()))
        let otp = official ? #","otp":"\#(code)""# : ""
        let response = try await self.send(
            .post, "/api/v1/auth/login",
            json: #"{"username":"\#(username)","password":"\#(ParticipationFixture.password)"\#(otp)}"#)
        #expect(response.status == .ok, "\(username): \(String(buffer: response.body))")
        return try response.json(TokenResponse.self).accessToken
    }
}

extension TestResponse {
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(buffer: self.body))
    }

    var problemCode: String? {
        (try? JSONSerialization.jsonObject(with: Data(buffer: self.body)) as? [String: Any])?["code"] as? String
    }
}
