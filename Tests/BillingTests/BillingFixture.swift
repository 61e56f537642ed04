import Billing
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

/// A household register, resident accounts matched to it, officials and bills for the billing tests.
///
/// Households: 1 (residents 1 and 2), 2 (resident 3). Resident 4 has an account but is not in the register.
enum BillingFixture {
    static let password = "Furong-Garden-42"
    static let totpSecret = "TestSecretForTOTP123"
    static let community = "510104003001"

    static func idNumber(_ n: Int) -> String {
        IDNumber(region: "510104", year: 1970 + n, month: 1 + n % 12, day: 1 + n % 28, sequence: 200 + n).value
    }

    static func phone(_ n: Int) -> String { "137" + String(format: "%08d", n) }

    static func bill(
        _ id: String, _ kind: Bill.Kind, household: Int64? = nil, resident: Int64? = nil, fen: Int64,
        department: String = "cd-water"
    ) -> Bill {
        Bill(
            id: id, kind: kind, householdID: household, residentID: resident, communityCode: self.community,
            departmentID: department, reference: "ref-\(id)", title: "账单 \(id)", titleEn: "Bill \(id)",
            amountFen: fen, dueDate: "2026-12-31")
    }

    static func prepare(_ database: Database) async throws {
        try await TestApp.importCatalog(database)
        let divisions = DivisionRepository(database: database)
        try await divisions.upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(code: self.community, name: "社区甲", level: .community, parentCode: "510104003"),
        ])
        let cipher = try TestApp.cipher
        let hash = try await PasswordHasher(cost: 4).hash(self.password)
        try await database.transaction { sql in
            for household in [1, 2] {
                try await sql.insert(into: "households").columns("id", "community_code", "address", "size")
                    .values(SQLBind(household), SQLBind(self.community), SQLBind("测试路 \(household) 号"), SQLBind(2))
                    .run()
            }
            for (n, household) in [(1, 1), (2, 1), (3, 2)] {
                try await sql.insert(into: "residents")
                    .columns(
                        "id", "household_id", "community_code", "name", "gender", "birth_date", "relation",
                        "id_number_hash", "id_number_enc"
                    )
                    .values(
                        SQLBind(n), SQLBind(household), SQLBind(self.community), SQLBind("居民\(n)"), SQLBind("F"),
                        SQLBind("1980-01-01"), SQLBind("head"), SQLBind(cipher.lookupHash(self.idNumber(n))),
                        SQLBind(Data(cipher.seal(self.idNumber(n))))
                    ).run()
            }
            for n in 1...4 {
                let inRegister = n <= 3
                try await sql.insert(into: "identity_accounts")
                    .columns(
                        "id", "role", "name", "id_number_hash", "id_number_enc", "phone_hash", "phone_enc",
                        "password_hash", "level", "community_code", "created_at"
                    )
                    .values(
                        SQLBind("resident-\(n)"), SQLBind("resident"), SQLBind("居民\(n)"),
                        SQLBind(cipher.lookupHash(self.idNumber(n))), SQLBind(Data(cipher.seal(self.idNumber(n)))),
                        SQLBind(cipher.lookupHash(self.phone(n))), SQLBind(Data(cipher.seal(self.phone(n)))),
                        SQLBind(hash), SQLBind(inRegister ? 2 : 1), SQLBind(inRegister ? self.community : nil),
                        SQLBind(Int64(Date().timeIntervalSince1970))
                    ).run()
            }
        }
        let service = IdentityService(database: database, cipher: cipher, hasher: PasswordHasher(cost: 4))
        for (username, role, scope) in [
            ("water.staff", Role.departmentStaff, "cd-water"), ("power.staff", Role.departmentStaff, "cd-power"),
            ("auditor", Role.auditor, "510100"), ("admin", Role.platformAdmin, "510100"),
        ] {
            _ = try await service.createOfficial(
                username: username, name: username, role: role, scope: scope, password: self.password,
                totpSecret: self.totpSecret, divisions: divisions)
        }
        try await BillRepository(database: database).issue([
            self.bill("b-water-1", .water, household: 1, fen: 12_345),
            self.bill("b-power-1", .electricity, household: 1, fen: 30_000, department: "cd-power"),
            self.bill("b-fine-1", .trafficFine, resident: 1, fen: 20_000, department: "cd-traffic-police"),
            self.bill("b-water-2", .water, household: 2, fen: 8_800),
        ])
    }
}

extension TestClientProtocol {
    func send(
        _ method: HTTPRequest.Method, _ uri: String, json: String? = nil, token: String? = nil, key: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = extra
        if json != nil { headers[.contentType] = "application/json" }
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let key { headers[.idempotencyKey] = key }
        return try await self.execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    func token(
        _ username: String, official: Bool = false, password: String = BillingFixture.password
    ) async throws -> String {
        let code = String(format: "%06d", TOTP(secret: BillingFixture.totpSecret).compute(date: Date()))
        let otp = official ? #","otp":"\#(code)""# : ""
        let response = try await self.send(
            .post, "/api/v1/auth/login",
            json: #"{"username":"\#(username)","password":"\#(password)"\#(otp)}"#)
        #expect(response.status == .ok, "\(username): \(String(buffer: response.body))")
        return try response.json(TokenResponse.self).accessToken
    }

    /// Waits until the bill reaches `status` (the simulator confirms asynchronously); returns its detail.
    func waitForBill(_ id: String, status: String, token: String) async throws -> BillDetail {
        for _ in 0..<100 {
            let detail = try await self.send(.get, "/api/v1/bills/\(id)", token: token).json(BillDetail.self)
            if detail.bill.status.rawValue == status { return detail }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("bill \(id) never reached \(status)")
        return try await self.send(.get, "/api/v1/bills/\(id)", token: token).json(BillDetail.self)
    }
}

/// A bill with its payments and timeline, as a client decodes it.
struct BillDetail: Decodable {
    let bill: BillView
    let payments: [PaymentView]
    let timeline: [BillEvent]
}

/// A page of bills.
struct BillList: Decodable {
    let items: [BillView]
    let nextCursor: String?
}

extension TestResponse {
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(buffer: self.body))
    }

    var problemCode: String? {
        (try? JSONSerialization.jsonObject(with: Data(buffer: self.body)) as? [String: Any])?["code"] as? String
    }
}
