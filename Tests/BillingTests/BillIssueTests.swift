import Billing
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Platform
import SQLKit
import TestSupport
import Testing

@Suite("Issuing bills")
struct BillIssueTests {
    /// A due date two months ahead (bills may be due at most five years ahead).
    static var soon: String { CityClock.localDate(CityClock.now() + 60 * 86_400) }

    static func body(
        service: String = "water-bill", household: Int64? = 1, resident: Int64? = nil,
        reference: String = "2026-11-hh1",
        amount: Int64 = 5_280, due: String = Self.soon
    ) -> String {
        var members = [#""serviceId":"\#(service)""#]
        if let household { members.append(#""householdId":\#(household)"#) }
        if let resident { members.append(#""residentId":\#(resident)"#) }
        members += [
            #""reference":"\#(reference)""#, #""title":"2026-11 水费""#, #""titleEn":"Water, 2026-11""#,
            #""amountFen":\#(amount)"#, #""dueDate":"\#(due)""#,
        ]
        return "{" + members.joined(separator: ",") + "}"
    }

    static func count(_ database: Database, reference: String) async throws -> Int {
        try await database.withConnection { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("billing_bills")
                .where("reference", .equal, reference).first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    @Test(
        "staff of the service's department issue a bill once per key; the household is notified",
        arguments: TestBackend.available)
    func issue(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: BillingFixture.prepare) { client, database in
            let water = try await client.token("water.staff", official: true)
            let created = try await client.send(.post, "/api/v1/bills", json: Self.body(), token: water, key: "i1")
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let bill = try created.json(BillView.self)
            #expect(bill.serviceId == "water-bill" && bill.departmentId == "cd-water" && bill.status == .unpaid)
            #expect(bill.payer == "household" && bill.amountFen == 5_280)

            let replay = try await client.send(.post, "/api/v1/bills", json: Self.body(), token: water, key: "i1")
            #expect(replay.status == .created && replay.headers[.idempotentReplayed] == "true")
            #expect(try replay.json(BillView.self).id == bill.id)
            let other = try await client.send(
                .post, "/api/v1/bills", json: Self.body(amount: 9_999), token: water, key: "i1")
            #expect(other.status == .unprocessableContent && other.problemCode == "idempotency_key_reused")
            let sameReference = try await client.send(
                .post, "/api/v1/bills", json: Self.body(), token: water, key: "i2")
            #expect(sameReference.status == .conflict && sameReference.problemCode == "bill_reference_taken")
            #expect(try await Self.count(database, reference: "2026-11-hh1") == 1)

            // Both residents of household 1 hear of it, in the same transaction as the bill.
            let notices = try await database.withConnection { sql in
                try await sql.select().column("account_id").from("notifications")
                    .where("topic", .equal, "bill.issued").orderBy("account_id").all(
                        decodingColumn: "account_id", as: String.self)
            }
            #expect(notices == ["resident-1", "resident-2"])
            let one = try await client.token(BillingFixture.phone(1))
            let mine = try await client.send(.get, "/api/v1/me/bills?service=water-bill", token: one)
                .json(BillList.self)
            #expect(mine.items.contains { $0.id == bill.id })

            // A fine goes to a resident; administrators may issue for any department.
            let admin = try await client.token("admin", official: true)
            let fine = try await client.send(
                .post, "/api/v1/bills",
                json: Self.body(service: "traffic-fine-payment", household: nil, resident: 3, reference: "f-1"),
                token: admin, key: "a1")
            #expect(fine.status == .created)
            #expect(try fine.json(BillView.self).departmentId == "cd-traffic-police")
        }
    }

    @Test("who may issue, and every field checked with a message", arguments: TestBackend.available)
    func refusals(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: BillingFixture.prepare) { client in
            let water = try await client.token("water.staff", official: true)
            let power = try await client.token("power.staff", official: true)
            let resident = try await client.token(BillingFixture.phone(1))
            #expect(try await client.send(.post, "/api/v1/bills", json: Self.body(), key: "k").status == .unauthorized)
            let byResident = try await client.send(.post, "/api/v1/bills", json: Self.body(), token: resident, key: "k")
            #expect(byResident.status == .forbidden)
            let otherDepartment = try await client.send(
                .post, "/api/v1/bills", json: Self.body(), token: power, key: "k")
            #expect(otherDepartment.status == .forbidden)
            let noKey = try await client.send(.post, "/api/v1/bills", json: Self.body(), token: water)
            #expect(noKey.status == .badRequest && noKey.problemCode == "idempotency_key_required")

            let bad =
                #"{"serviceId":"hospital-registration","householdId":1,"residentId":3,"reference":"","title":"","titleEn":"x","amountFen":0,"dueDate":"2020-02-30"}"#
            let refused = try await client.send(
                .post, "/api/v1/bills?lang=en", json: bad, token: water, key: "k")
            #expect(refused.status == .unprocessableContent && refused.problemCode == "bill_invalid")
            let problem = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: refused.body)) as? [String: Any])
            #expect(problem["fields"] as? String == "serviceId,householdId,reference,title,amountFen,dueDate")
            #expect((problem["field.serviceId"] as? String)?.contains("not a payment service") == true)
            let chinese = try await client.send(.post, "/api/v1/bills?lang=zh", json: bad, token: water, key: "k")
            let zh = try #require(try JSONSerialization.jsonObject(with: Data(buffer: chinese.body)) as? [String: Any])
            #expect((zh["field.amountFen"] as? String)?.contains("金额") == true)

            for (json, field) in [
                (Self.body(service: "mobile-top-up"), "serviceId"), (Self.body(household: 99), "householdId"),
                (Self.body(service: "traffic-fine-payment"), "residentId"),
                (Self.body(household: nil, resident: 1), "householdId"), (Self.body(due: "2001-01-01"), "dueDate"),
                (Self.body(due: "9999-12-31"), "dueDate"),
                (Self.body(amount: 100_000_001), "amountFen"),
            ] {
                let response = try await client.send(
                    .post, "/api/v1/bills", json: json, token: water, key: "v-\(field)")
                let fields =
                    (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?[
                        "fields"] as? String
                #expect(response.status == .unprocessableContent && fields == field, "\(json)")
            }
        }
    }

    @Test(
        "concurrent issues: one key ×20 makes one bill; 20 keys for one reference make one bill",
        arguments: TestBackend.available)
    func races(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: BillingFixture.prepare) { client, database in
            let water = try await client.token("water.staff", official: true)
            let sameKey = await withTaskGroup(of: (Int, String?).self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let response = try? await client.send(
                            .post, "/api/v1/bills", json: Self.body(reference: "race-1"), token: water, key: "same")
                        return (Int(response?.status.code ?? 0), response.flatMap { try? $0.json(BillView.self).id })
                    }
                }
                return await group.reduce(into: [(Int, String?)]()) { $0.append($1) }
            }
            #expect(sameKey.allSatisfy { $0.0 == 201 }, "\(sameKey.map(\.0))")
            #expect(Set(sameKey.compactMap(\.1)).count == 1)
            #expect(try await Self.count(database, reference: "race-1") == 1)

            let keys = await withTaskGroup(of: (Int, String?).self) { group in
                for n in 0..<20 {
                    group.addTask {
                        let response = try? await client.send(
                            .post, "/api/v1/bills", json: Self.body(reference: "race-2"), token: water, key: "k\(n)")
                        return (Int(response?.status.code ?? 0), response?.problemCode)
                    }
                }
                return await group.reduce(into: [(Int, String?)]()) { $0.append($1) }
            }
            #expect(keys.filter { $0.0 == 201 }.count == 1, "\(keys)")
            #expect(keys.filter { $0.0 == 409 && $0.1 == "bill_reference_taken" }.count == 19, "\(keys)")
            #expect(try await Self.count(database, reference: "race-2") == 1)
        }
    }

    @Test(
        "the console form issues a bill once, re-shows refused fields with messages, and is for billing staff",
        arguments: TestBackend.available)
    func consoleForm(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: BillingFixture.prepare) { client, database in
            #expect(try await client.execute(uri: "/console/bills/new", method: .get).headers[.location] == "/console")
            let cookie: HTTPFields = [
                .cookie: "cc_console=\(try await BillingPagesTests.console(client, "water.staff"))"
            ]
            let page = String(
                buffer: try await client.execute(uri: "/console/bills/new", method: .get, headers: cookie).body)
            // Only the payment services of the official's department are offered.
            #expect(page.contains(#"<option value="water-bill">"#) && !page.contains("gas-bill"))
            let csrf = try #require(BillingPagesTests.hidden("csrf", in: page))
            let key = try #require(BillingPagesTests.hidden("key", in: page))
            var form = cookie
            form[.contentType] = "application/x-www-form-urlencoded"
            let fields =
                "csrf=\(csrf)&key=\(key)&serviceId=water-bill&payer=household&payerId=2&reference=console-1"
                + "&title=2026-11+%E6%B0%B4%E8%B4%B9&titleEn=Water%2C+2026-11&amount=46.5&dueDate=\(Self.soon)"
            for _ in 0..<2 {
                let issued = try await client.execute(
                    uri: "/console/bills", method: .post, headers: form, body: ByteBuffer(string: fields))
                #expect(issued.status == .seeOther)
                #expect(issued.headers[.location]?.hasPrefix("/console/bills/new?issued=") == true)
            }
            #expect(try await Self.count(database, reference: "console-1") == 1)
            let amount = try await database.withConnection { sql in
                try await sql.select().column("amount_fen").from("billing_bills").where(
                    "reference", .equal, "console-1"
                )
                .first(decodingColumn: "amount_fen", as: Int64.self)
            }
            #expect(amount == 4_650)

            let bad =
                "csrf=\(csrf)&key=fresh&serviceId=water-bill&payer=household&payerId=99&reference=&title=x"
                + "&titleEn=x&amount=abc&dueDate=\(Self.soon)"
            let refused = try await client.execute(
                uri: "/console/bills?lang=en", method: .post, headers: form, body: ByteBuffer(string: bad))
            let html = String(buffer: refused.body)
            #expect(refused.status == .unprocessableContent && html.contains(#"id="form-errors""#))
            #expect(html.contains("no such household") && html.contains("whole number of fen"))
            let forged = try await client.execute(
                uri: "/console/bills", method: .post, headers: form, body: ByteBuffer(string: "csrf=no&key=x"))
            #expect(forged.status == .forbidden)

            let auditor: HTTPFields = [.cookie: "cc_console=\(try await BillingPagesTests.console(client, "auditor"))"]
            #expect(
                try await client.execute(uri: "/console/bills/new", method: .get, headers: auditor).status == .forbidden
            )
        }
    }

    @Test("yuan as people write them become fen")
    func yuan() {
        #expect(BillingStaffPages.fen("46.5") == 4_650)
        #expect(BillingStaffPages.fen("46.50") == 4_650)
        #expect(BillingStaffPages.fen(" 1200 ") == 120_000)
        #expect(BillingStaffPages.fen("0.07") == 7)
        for text in ["", "abc", "1.234", "-3", "1.", ".5", "1.2.3", "1e3"] {
            #expect(BillingStaffPages.fen(text) == nil, "\(text)")
        }
    }
}
