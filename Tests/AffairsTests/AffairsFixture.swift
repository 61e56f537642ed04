import Appointments
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

/// Residents with applications, appointments, bills and payments at known times, for "my affairs".
///
/// Households: 1 (residents 1 and 2), 2 (resident 3); resident 4 has an account but is not in the register.
/// Resident 1's affairs, newest activity first (`T` = ``base``):
///
/// | time | kind | id | state |
/// | --- | --- | --- | --- |
/// | T+1000 | application | SA-TIE2 (accepted) | open |
/// | T+1000 | application | SA-TIE (submitted) | open |
/// | T+1000 | appointment | booked T+800 at slot-b, cancelled T+1000 | done |
/// | T+1000 | bill | b-power-1 (paid) | done |
/// | T+1000 | payment | p-1 (succeeded) | done |
/// | T+900 | application | SA-A3 (rejected T+300, rated T+900) | done |
/// | T+700 | appointment | booked at slot-a, still to come | open |
/// | T+500 | application | SA-A2 (completed, not rated) | done |
/// | T+400 | application | SA-A1 (in review) | open |
/// | T+150 | appointment | booked at slot-past, over | done |
/// | T+30 | bill | b-fine-1 (unpaid, resident 1's own) | open |
/// | T+20 | bill | b-water-1 (unpaid, household 1) | open |
///
/// Resident 3 has SA-C1 (T+600) and the household-2 bill b-water-2 (T+40).
enum AffairsFixture {
    static let password = "Furong-Garden-42"
    static let totpSecret = "TestSecretForTOTP123"
    static let community = "510104003001"
    /// Five days ago, on a whole hour.
    static let base: Int64 = (CityClock.now() - 5 * 86_400) / 3600 * 3600

    /// Resident 1's affairs in the order the listing must give them (appointments by their status).
    static let expectedOrder: [(kind: String, key: String)] = [
        ("application", "SA-TIE2"), ("application", "SA-TIE"), ("appointment", "cancelled"), ("bill", "b-power-1"),
        ("payment", "p-1"), ("application", "SA-A3"), ("appointment", "booked"), ("application", "SA-A2"),
        ("application", "SA-A1"), ("appointment", "ended"), ("bill", "b-fine-1"), ("bill", "b-water-1"),
    ]

    static func idNumber(_ n: Int) -> String {
        IDNumber(region: "510104", year: 1970 + n, month: 1 + n % 12, day: 1 + n % 28, sequence: 300 + n).value
    }

    static func phone(_ n: Int) -> String { "136" + String(format: "%08d", n) }

    static func prepare(_ database: Database) async throws {
        let divisions = DivisionRepository(database: database)
        try await divisions.upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(code: self.community, name: "社区甲", level: .community, parentCode: "510104003"),
        ])
        try await self.people(database)
        try await self.applications(database)
        try await self.appointments(database)
        try await self.bills(database)
        let service = IdentityService(database: database, cipher: try TestApp.cipher, hasher: PasswordHasher(cost: 4))
        for (username, role, scope) in [
            ("psb.staff", Role.departmentStaff, "cd-psb"), ("city.officer", Role.cityOfficer, "510100"),
        ] {
            _ = try await service.createOfficial(
                username: username, name: username, role: role, scope: scope, password: self.password,
                totpSecret: self.totpSecret, divisions: divisions)
        }
    }

    /// Households, register entries and resident accounts.
    static func people(_ database: Database) async throws {
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
                try await sql.insert(into: "identity_accounts")
                    .columns(
                        "id", "role", "name", "id_number_hash", "id_number_enc", "phone_hash", "phone_enc",
                        "password_hash", "level", "community_code", "created_at"
                    )
                    .values(
                        SQLBind("resident-\(n)"), SQLBind("resident"), SQLBind("居民\(n)"),
                        SQLBind(cipher.lookupHash(self.idNumber(n))), SQLBind(Data(cipher.seal(self.idNumber(n)))),
                        SQLBind(cipher.lookupHash(self.phone(n))), SQLBind(Data(cipher.seal(self.phone(n)))),
                        SQLBind(hash), SQLBind(n <= 3 ? 2 : 1), SQLBind(n <= 3 ? self.community : nil),
                        SQLBind(self.base)
                    ).run()
            }
        }
    }

    /// Applications with their steps (and one rating), written as the service hall stores them.
    static func applications(_ database: Database) async throws {
        // (id, account, status, submitted, steps as (status, offset, handler), rated at)
        let rows: [(String, String, String, Int64, [(String, Int64, String)], Int64?)] = [
            (
                "SA-A1", "resident-1", "in_review", 100, [("accepted", 200, "staff-x"), ("in_review", 400, "staff-x")],
                nil
            ),
            (
                "SA-A2", "resident-1", "completed", 50,
                [
                    ("accepted", 60, "staff-x"), ("in_review", 70, "staff-x"), ("approved", 80, "staff-x"),
                    ("completed", 500, "staff-x"),
                ], nil
            ),
            ("SA-A3", "resident-1", "rejected", 250, [("rejected", 300, "staff-x")], 900),
            ("SA-TIE", "resident-1", "submitted", 1000, [], nil),
            ("SA-TIE2", "resident-1", "accepted", 990, [("accepted", 1000, "staff-x")], nil),
            ("SA-C1", "resident-3", "submitted", 600, [], nil),
        ]
        try await database.transaction { sql in
            for (id, account, status, submitted, steps, rated) in rows {
                let updated = steps.last?.1 ?? submitted
                let finished = ["completed", "rejected"].contains(status) ? self.base + updated : nil
                try await sql.insert(into: "servicehall_applications")
                    .columns(
                        "id", "service_id", "department_id", "service_name_zh", "service_name_en", "account_id",
                        "status", "form", "idempotency_key", "request_hash", "submitted_at", "due_at", "updated_at",
                        "finished_at", "reason"
                    )
                    .values(
                        SQLBind(id), SQLBind("residence-permit"), SQLBind("cd-psb"), SQLBind("居住证申领 \(id)"),
                        SQLBind("Residence permit \(id)"), SQLBind(account), SQLBind(status), SQLBind("{}"),
                        SQLBind("key-\(id)"), SQLBind("hash"), SQLBind(self.base + submitted),
                        SQLBind(self.base + 7 * 86_400), SQLBind(self.base + updated), SQLBind(finished),
                        SQLBind(status == "rejected" ? "材料不全" : nil)
                    ).run()
                let all = [("submitted", submitted, account)] + steps
                for (seq, step) in all.enumerated() {
                    try await sql.insert(into: "servicehall_application_steps")
                        .columns("application_id", "seq", "status", "at", "handler_id", "note")
                        .values(
                            SQLBind(id), SQLBind(seq), SQLBind(step.0), SQLBind(self.base + step.1), SQLBind(step.2),
                            SQLBind(step.0 == "rejected" ? "材料不全" : nil)
                        ).run()
                }
                if let rated {
                    try await sql.insert(into: "servicehall_ratings")
                        .columns(
                            "application_id", "account_id", "department_id", "service_id", "stars", "comment",
                            "rated_at"
                        )
                        .values(
                            SQLBind(id), SQLBind(account), SQLBind("cd-psb"), SQLBind("residence-permit"),
                            SQLBind(2), SQLBind("说明不清楚"), SQLBind(self.base + rated)
                        ).run()
                }
            }
        }
    }

    /// A place with three slots and resident 1's three bookings (one to come, one cancelled, one over).
    static func appointments(_ database: Database) async throws {
        let places = PlaceRepository(database: database)
        try await places.create(
            Place(
                id: "jinjiang-centre", kind: .serviceCentre, name: "锦江区政务服务中心", nameEn: "Jinjiang Service Centre",
                address: "锦华路一段88号", addressEn: "88 Jinhua Rd", divisionCode: "510104", departmentId: "cd-psb"))
        let future = CityClock.now() + 2 * 86_400
        let past = CityClock.now() - 86_400
        try await places.addSlots([
            Slot(
                id: "slot-a", placeID: "jinjiang-centre", serviceID: "resident-id-card-renewal", startsAt: future,
                endsAt: future + 1800, capacity: 5, booked: 0),
            Slot(
                id: "slot-b", placeID: "jinjiang-centre", serviceID: "resident-id-card-renewal",
                startsAt: future + 3600,
                endsAt: future + 5400, capacity: 5, booked: 0),
            Slot(
                id: "slot-past", placeID: "jinjiang-centre", serviceID: "resident-id-card-renewal", startsAt: past,
                endsAt: past + 1800, capacity: 5, booked: 0),
        ])
        let bookings = BookingRepository(database: database)
        _ = try await bookings.book(slotID: "slot-past", accountID: "resident-1", now: self.base + 150)
        _ = try await bookings.book(slotID: "slot-a", accountID: "resident-1", now: self.base + 700)
        let moved = try await bookings.book(slotID: "slot-b", accountID: "resident-1", now: self.base + 800)
        _ = try await bookings.cancel(moved.id, accountID: "resident-1", now: self.base + 1000)
    }

    /// Bills issued through the billing context, then their history set to known times; one paid by resident 1.
    static func bills(_ database: Database) async throws {
        func bill(_ id: String, _ kind: Bill.Kind, household: Int64? = nil, resident: Int64? = nil, fen: Int64) -> Bill
        {
            Bill(
                id: id, kind: kind, householdID: household, residentID: resident, communityCode: self.community,
                departmentID: "cd-water", reference: "ref-\(id)", title: "账单 \(id)", titleEn: "Bill \(id)",
                amountFen: fen, dueDate: "2099-12-31", issuedAt: self.base)
        }
        try await BillRepository(database: database).issue([
            bill("b-water-1", .water, household: 1, fen: 12_345),
            bill("b-power-1", .electricity, household: 1, fen: 30_000),
            bill("b-fine-1", .trafficFine, resident: 1, fen: 20_000),
            bill("b-water-2", .water, household: 2, fen: 8_800),
        ])
        try await database.transaction { sql in
            for (id, at) in [("b-water-1", 20), ("b-power-1", 10), ("b-fine-1", 30), ("b-water-2", 40)] {
                try await sql.update("billing_events").set("at", to: self.base + Int64(at)).where("bill_id", .equal, id)
                    .run()
            }
            try await sql.insert(into: "billing_payments")
                .columns(
                    "id", "bill_id", "account_id", "amount_fen", "provider", "provider_ref", "status", "created_at",
                    "confirmed_at", "next_check_at"
                )
                .values(
                    SQLBind("p-1"), SQLBind("b-power-1"), SQLBind("resident-1"), SQLBind(30_000), SQLBind("simulator"),
                    SQLBind("sim_ch_1"), SQLBind("succeeded"), SQLBind(self.base + 990), SQLBind(self.base + 1000),
                    SQLBind(self.base + 990)
                ).run()
            try await sql.update("billing_bills").set("status", to: "paid").set("paid_at", to: self.base + 1000)
                .where("id", .equal, "b-power-1").run()
            for (kind, at, actor) in [
                ("payment_started", 990, "resident-1"), ("payment_succeeded", 1000, "simulator"),
            ] {
                try await sql.insert(into: "billing_events").columns("bill_id", "payment_id", "at", "kind", "actor")
                    .values(
                        SQLBind("b-power-1"), SQLBind("p-1"), SQLBind(self.base + Int64(at)), SQLBind(kind),
                        SQLBind(actor)
                    ).run()
            }
        }
    }
}

extension TestClientProtocol {
    func send(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await self.execute(uri: uri, method: method, headers: headers)
    }

    /// An access token for a resident (by phone) or an official (by username, with a TOTP code).
    func token(_ username: String, official: Bool = false) async throws -> String {
        let code = String(format: "%06d", TOTP(secret: AffairsFixture.totpSecret).compute(date: Date()))
        let otp = official ? #","otp":"\#(code)""# : ""
        let response = try await self.execute(
            uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(
                string: #"{"username":"\#(username)","password":"\#(AffairsFixture.password)"\#(otp)}"#))
        #expect(response.status == .ok, "\(username): \(String(buffer: response.body))")
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        return try #require(object?["accessToken"] as? String)
    }
}

extension TestResponse {
    /// The body as a JSON object.
    var object: [String: Any] {
        get throws {
            try #require(try JSONSerialization.jsonObject(with: Data(buffer: self.body)) as? [String: Any])
        }
    }

    var problemCode: String? { (try? self.object)?["code"] as? String }
}
