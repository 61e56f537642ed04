import Billing
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Bills and payments")
struct PaymentAPITests {
    @Test("residents see their household's and their own bills, nobody else's", arguments: TestBackend.available)
    func visibility(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: BillingFixture.prepare) { client in
            let one = try await client.token(BillingFixture.phone(1))
            let two = try await client.token(BillingFixture.phone(2))
            let three = try await client.token(BillingFixture.phone(3))
            let unverified = try await client.token(BillingFixture.phone(4))

            let mine = try await client.send(.get, "/api/v1/me/bills", token: one).json(BillList.self)
            #expect(Set(mine.items.map(\.id)) == ["b-water-1", "b-power-1", "b-fine-1"])
            #expect(mine.items.first { $0.id == "b-water-1" }?.amount == "¥123.45")
            // The same household, but the fine is resident 1's own.
            let housemate = try await client.send(.get, "/api/v1/me/bills", token: two).json(BillList.self)
            #expect(Set(housemate.items.map(\.id)) == ["b-water-1", "b-power-1"])
            let water = try await client.send(.get, "/api/v1/me/bills?kind=water&status=unpaid", token: one)
                .json(BillList.self)
            #expect(water.items.map(\.id) == ["b-water-1"])
            #expect(try await client.send(.get, "/api/v1/bills/b-water-1", token: three).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/bills/b-fine-1", token: two).status == .notFound)
            let refused = try await client.send(.get, "/api/v1/me/bills", token: unverified)
            #expect(refused.status == .forbidden && refused.problemCode == "register_match_required")
            #expect(try await client.send(.get, "/api/v1/me/bills").status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/me/bills?kind=rent", token: one).status == .badRequest)
            // Staff read their department's bills only.
            let waterStaff = try await client.token("water.staff", official: true)
            #expect(try await client.send(.get, "/api/v1/bills/b-water-2", token: waterStaff).status == .ok)
            #expect(try await client.send(.get, "/api/v1/bills/b-power-1", token: waterStaff).status == .notFound)
        }
    }

    @Test(
        "paying: key required, amount checked, replayed, confirmed by the provider, never twice",
        arguments: TestBackend.available)
    func pay(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: BillingFixture.prepare) { client in
            let one = try await client.token(BillingFixture.phone(1))
            let two = try await client.token(BillingFixture.phone(2))
            let uri = "/api/v1/bills/b-water-1/payments"
            let body = #"{"amountFen":12345}"#

            let noKey = try await client.send(.post, uri, json: body, token: one)
            #expect(noKey.status == .badRequest && noKey.problemCode == "idempotency_key_required")
            let wrong = try await client.send(.post, uri, json: #"{"amountFen":100}"#, token: one, key: "k0")
            #expect(wrong.status == .conflict && wrong.problemCode == "amount_mismatch")
            let foreign = try await client.send(
                .post, "/api/v1/bills/b-water-2/payments", json: #"{"amountFen":8800}"#, token: one, key: "k0")
            #expect(foreign.problemCode == "bill_not_found")

            let first = try await client.send(.post, uri, json: body, token: one, key: "k1")
            #expect(first.status == .accepted)
            let payment = try first.json(PaymentView.self)
            #expect(payment.status == .pending && payment.amountFen == 12_345)
            let replay = try await client.send(.post, uri, json: body, token: one, key: "k1")
            #expect(replay.status == .accepted && replay.headers[.idempotentReplayed] == "true")
            #expect(String(buffer: replay.body) == String(buffer: first.body))
            let reused = try await client.send(.post, uri, json: #"{"amountFen":12346}"#, token: one, key: "k1")
            #expect(reused.status == .unprocessableContent && reused.problemCode == "idempotency_key_reused")
            // The housemate's payment while ours is pending is refused, not doubled.
            let racing = try await client.send(.post, uri, json: body, token: two, key: "k1")
            #expect(racing.problemCode == "payment_in_progress" || racing.problemCode == "bill_already_paid")

            let detail = try await client.waitForBill("b-water-1", status: "paid", token: one)
            #expect(detail.payments.count == 1 && detail.payments[0].status == .succeeded)
            #expect(detail.payments[0].providerRef?.hasPrefix("sim_ch_") == true)
            #expect(detail.timeline.map(\.kind) == [.issued, .paymentStarted, .paymentSucceeded])
            let paid = try await client.send(.post, uri, json: body, token: two, key: "k2")
            #expect(paid.status == .conflict && paid.problemCode == "bill_already_paid")

            let payments = try await client.send(.get, "/api/v1/me/payments", token: one)
            #expect(String(buffer: payments.body).contains(payment.id))
            #expect(try await client.send(.get, "/api/v1/payments/\(payment.id)", token: one).status == .ok)
            #expect(try await client.send(.get, "/api/v1/payments/\(payment.id)", token: two).status == .notFound)
        }
    }

    @Test(
        "100 concurrent payments of one bill with the same key: one charge, one answer",
        arguments: TestBackend.available)
    func sameKeyRace(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: BillingFixture.prepare) { client in
            let one = try await client.token(BillingFixture.phone(1))
            let answers = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String).self) { group in
                for _ in 0..<100 {
                    group.addTask {
                        let response = try await client.send(
                            .post, "/api/v1/bills/b-water-1/payments", json: #"{"amountFen":12345}"#, token: one,
                            key: "same-key")
                        return (response.status, String(buffer: response.body))
                    }
                }
                return try await group.reduce(into: [(HTTPResponse.Status, String)]()) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0.0 == .accepted })
            #expect(Set(answers.map(\.1)).count == 1)
            let detail = try await client.waitForBill("b-water-1", status: "paid", token: one)
            #expect(detail.payments.count == 1)
            let auditor = try await client.token("auditor", official: true)
            let report = try await client.send(.get, "/api/v1/billing/reconciliation", token: auditor)
                .json(Reconciliation.Report.self)
            #expect(report.provider.charges == 1 && report.provider.chargesFen == 12_345)
            #expect(report.balanced)
        }
    }

    @Test(
        "100 concurrent payments of one bill with different keys: exactly one is taken",
        arguments: TestBackend.available)
    func differentKeysRace(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: BillingFixture.prepare) { client in
            let one = try await client.token(BillingFixture.phone(1))
            let two = try await client.token(BillingFixture.phone(2))
            let answers = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?).self) { group in
                for n in 0..<100 {
                    group.addTask {
                        let response = try await client.send(
                            .post, "/api/v1/bills/b-water-1/payments", json: #"{"amountFen":12345}"#,
                            token: n % 2 == 0 ? one : two, key: "key-\(n)")
                        return (response.status, response.problemCode)
                    }
                }
                return try await group.reduce(into: [(HTTPResponse.Status, String?)]()) { $0.append($1) }
            }
            #expect(answers.filter { $0.0 == .accepted }.count == 1)
            #expect(
                answers.filter { $0.0 == .conflict }.allSatisfy {
                    $0.1 == "payment_in_progress" || $0.1 == "bill_already_paid"
                })
            #expect(answers.filter { $0.0 == .conflict }.count == 99)
            let detail = try await client.waitForBill("b-water-1", status: "paid", token: one)
            #expect(detail.payments.count == 1)
            let auditor = try await client.token("auditor", official: true)
            let report = try await client.send(.get, "/api/v1/billing/reconciliation", token: auditor)
                .json(Reconciliation.Report.self)
            #expect(report.provider.charges == 1 && report.ledger.charges == 1 && report.balanced)
        }
    }
}
