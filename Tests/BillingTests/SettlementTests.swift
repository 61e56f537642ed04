import App
import Billing
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Platform
import SQLKit
import Synchronization
import TestSupport
import Testing

@Suite("Provider callbacks, refunds, recovery and reconciliation")
struct SettlementTests {
    static let secret = "test-callback-secret"

    static func prepare(_ database: Database) async throws {
        try await BillingFixture.prepare(database)
        try await database.withConnection { sql in
            try await sql.insert(into: "billing_sim_secrets").columns("id", "secret")
                .values(SQLBind(1), SQLBind(Self.secret)).run()
        }
    }

    @Test("the callback route verifies signatures and applies each callback once", arguments: TestBackend.available)
    func callback(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: Self.prepare) { client in
            let one = try await client.token(BillingFixture.phone(1))
            let payment = try await client.send(
                .post, "/api/v1/bills/b-water-1/payments", json: #"{"amountFen":12345}"#, token: one, key: "k"
            ).json(PaymentView.self)
            let detail = try await client.waitForBill("b-water-1", status: "paid", token: one)
            let record = ProviderRecord(
                providerRef: try #require(detail.payments.first?.providerRef), kind: .charge, merchantRef: payment.id,
                amountFen: 12_345, status: .succeeded, settledAt: CityClock.now())
            let body = try ProviderCallback(record).json()
            let signer = CallbackSignature(secret: Self.secret)
            let uri = "/api/v1/payments/callback"

            let unsigned = try await client.send(.post, uri, json: body)
            #expect(unsigned.status == .unauthorized && unsigned.problemCode == "invalid_signature")
            let forged = try await client.send(
                .post, uri, json: body, headers: [.paymentSignature: CallbackSignature(secret: "guess").sign(body)])
            #expect(forged.status == .unauthorized)
            let tampered = try await client.send(
                .post, uri, json: body.replacingOccurrences(of: "12345", with: "1"),
                headers: [.paymentSignature: signer.sign(body)])
            #expect(tampered.status == .unauthorized)
            let stale = try await client.send(
                .post, uri, json: body, headers: [.paymentSignature: signer.sign(body, at: CityClock.now() - 3600)])
            #expect(stale.status == .unauthorized)

            // A genuine repeat of the provider's callback changes nothing.
            for _ in 0..<3 {
                let again = try await client.send(
                    .post, uri, json: body, headers: [.paymentSignature: signer.sign(body)])
                #expect(again.status == .noContent)
            }
            let after = try await client.send(.get, "/api/v1/bills/b-water-1", token: one).json(BillDetail.self)
            #expect(after.timeline.map(\.kind) == [.issued, .paymentStarted, .paymentSucceeded])

            let unknown = try ProviderCallback(
                ProviderRecord(
                    providerRef: "x", kind: .charge, merchantRef: "nope", amountFen: 1, status: .succeeded,
                    settledAt: CityClock.now())
            ).json()
            let refused = try await client.send(
                .post, uri, json: unknown, headers: [.paymentSignature: signer.sign(unknown)])
            #expect(refused.problemCode == "unknown_payment")
        }
    }

    @Test("refunds: only the issuing department, once, through the provider", arguments: TestBackend.available)
    func refund(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: Self.prepare) { client in
            let one = try await client.token(BillingFixture.phone(1))
            let payment = try await client.send(
                .post, "/api/v1/bills/b-water-1/payments", json: #"{"amountFen":12345}"#, token: one, key: "k"
            ).json(PaymentView.self)
            let uri = "/api/v1/payments/\(payment.id)/refunds"
            let reason = #"{"reason":"重复缴费"}"#
            let water = try await client.token("water.staff", official: true)
            let power = try await client.token("power.staff", official: true)
            let early = try await client.send(.post, uri, json: reason, token: water, key: "r0")
            // Until the provider confirms, there is nothing to refund.
            if early.status != .accepted { #expect(early.problemCode == "payment_not_refundable") }
            _ = try await client.waitForBill(
                "b-water-1", status: early.status == .accepted ? "refunded" : "paid", token: one)

            #expect(try await client.send(.post, uri, json: reason, token: one, key: "r1").status == .forbidden)
            #expect(try await client.send(.post, uri, json: reason, token: power, key: "r1").status == .forbidden)
            #expect(
                try await client.send(.post, uri, json: reason, token: water).problemCode == "idempotency_key_required")
            #expect(
                try await client.send(.post, uri, json: #"{"reason":""}"#, token: water, key: "r1").status
                    == .badRequest)
            if early.status != .accepted {
                let refund = try await client.send(.post, uri, json: reason, token: water, key: "r1")
                #expect(refund.status == .accepted)
                let replay = try await client.send(.post, uri, json: reason, token: water, key: "r1")
                #expect(String(buffer: replay.body) == String(buffer: refund.body))
                let second = try await client.send(.post, uri, json: reason, token: water, key: "r2")
                #expect(second.problemCode == "payment_not_refundable")
            }
            let detail = try await client.waitForBill("b-water-1", status: "refunded", token: one)
            #expect(detail.payments.first?.status == .refunded)
            #expect(detail.timeline.map(\.kind).suffix(2) == [.refundRequested, .refunded])
            let payAgain = try await client.send(
                .post, "/api/v1/bills/b-water-1/payments", json: #"{"amountFen":12345}"#, token: one, key: "k9")
            #expect(payAgain.problemCode == "bill_refunded")

            let auditor = try await client.token("auditor", official: true)
            let report = try await client.send(.get, "/api/v1/billing/reconciliation", token: auditor)
                .json(Reconciliation.Report.self)
            #expect(report.ledger.refunds == 1 && report.ledger.refundsFen == 12_345 && report.ledger.netFen == 0)
            #expect(report.balanced)
            #expect(try await client.send(.get, "/api/v1/billing/reconciliation", token: one).status == .forbidden)
            #expect(
                try await client.send(.get, "/api/v1/billing/reconciliation?date=2025-13-01", token: auditor).status
                    == .badRequest)
        }
    }

    @Test(
        "one back-office round drains a backlog larger than its batches: every charge settled and confirmed",
        arguments: TestBackend.available)
    func backlog(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let count = 260
            try await BillRepository(database: database).issue(
                (0..<count).map { BillingFixture.bill("b\($0)", .water, household: 1, fen: 100 + Int64($0)) })
            let payer = Payer(accountID: "a1", residentID: 1, householdID: 1, communityCode: BillingFixture.community)
            let simulator = SimulatedPaymentProvider(database: database, delay: 0)
            let service = PaymentService(database: database, provider: simulator, logger: TestDatabase.logger)
            let secret = SimulatorSecret(database: database)
            let receiver = PaymentCallbackReceiver(payments: service, secret: secret)
            let backOffice = SimulatedProviderService(provider: simulator, secret: secret, logger: TestDatabase.logger)
            {
                await receiver.deliver(body: $0, signature: $1)
            }
            for index in 0..<count {
                _ = try await service.pay(
                    billID: "b\(index)", payer: payer, key: "k\(index)", request: .init(amountFen: 100 + Int64(index)))
            }
            try await backOffice.tick(now: CityClock.now() + 1)
            let statuses = try await database.withConnection { sql in
                try await sql.select().column("status").from("billing_bills").all().map {
                    try $0.decode(column: "status", as: String.self)
                }
            }
            #expect(statuses.count == count && statuses.allSatisfy { $0 == "paid" })
        }
    }

    @Test(
        "a lost submission is found and submitted again; a decline reopens the bill", arguments: TestBackend.available)
    func recovery(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            try await BillRepository(database: database).issue([
                BillingFixture.bill("b1", .water, household: 1, fen: 500),
                BillingFixture.bill("b2", .gas, household: 1, fen: 44, department: "cd-gas"),
            ])
            let payer = Payer(accountID: "a1", residentID: 1, householdID: 1, communityCode: BillingFixture.community)
            let simulator = SimulatedPaymentProvider(database: database, delay: 0, declines: { $0 == 44 })
            let lossy = LosingProvider(inner: simulator)
            let service = PaymentService(database: database, provider: lossy, logger: TestDatabase.logger)
            let secret = SimulatorSecret(database: database)
            let receiver = PaymentCallbackReceiver(payments: service, secret: secret)
            let backOffice = SimulatedProviderService(provider: simulator, secret: secret, logger: TestDatabase.logger)
            {
                await receiver.deliver(body: $0, signature: $1)
            }

            _ = try await service.pay(billID: "b1", payer: payer, key: "k1", request: .init(amountFen: 500))
            // The submission was lost: the provider knows nothing, the payment waits.
            #expect(
                try await simulator.lookup(.charge, merchantRef: try await Self.paymentID(database, bill: "b1")) == nil)
            #expect(try await service.recoverDue(now: CityClock.now() + 60) == 1)
            try await backOffice.tick(now: CityClock.now() + 61)
            #expect(try await BillRepository(database: database).find("b1")?.status == .paid)
            #expect(try await service.recoverDue(now: CityClock.now() + 120) == 0)

            _ = try await service.pay(billID: "b2", payer: payer, key: "k2", request: .init(amountFen: 44))
            _ = try await service.recoverDue(now: CityClock.now() + 60)
            try await backOffice.tick(now: CityClock.now() + 61)
            #expect(try await BillRepository(database: database).find("b2")?.status == .unpaid)
            let payments = try await PaymentRepository(database: database).payments(ofBill: "b2")
            #expect(payments.map(\.status) == [.failed])
            // A declined bill can be paid again (and is declined again by this simulator).
            _ = try await service.pay(billID: "b2", payer: payer, key: "k3", request: .init(amountFen: 44))
            #expect(try await BillRepository(database: database).find("b2")?.status == .pending)

            // A provider entry we never recorded shows up in reconciliation.
            try await database.withConnection { sql in
                try await sql.insert(into: "billing_sim_ledger")
                    .columns(
                        "provider_ref", "kind", "merchant_ref", "amount_fen", "status", "created_at", "settled_at",
                        "callback_state", "next_attempt_at"
                    )
                    .values(
                        SQLBind("sim_rogue"), SQLBind("charge"), SQLBind("rogue"), SQLBind(999), SQLBind("succeeded"),
                        SQLBind(CityClock.now()), SQLBind(CityClock.now() + 61), SQLBind("delivered"), SQLBind(0)
                    ).run()
            }
            let report = try #require(
                try await Reconciliation(database: database, provider: simulator)
                    .report(date: CityClock.localDate(CityClock.now() + 61)))
            #expect(report.ledger.charges == 1 && report.ledger.chargesFen == 500)
            #expect(report.provider.chargesFen == 1_499)
            #expect(report.mismatches.map(\.problem) == ["missing_in_ledger"])
            #expect(!report.balanced)
        }
    }

    static func paymentID(_ database: Database, bill: String) async throws -> String {
        try #require(try await PaymentRepository(database: database).payments(ofBill: bill).first?.id)
    }
}

/// A provider whose first charge submission is lost on the way (as in a crash right after our commit).
final class LosingProvider: PaymentProvider {
    let inner: SimulatedPaymentProvider
    let lost = Mutex(false)
    var name: String { self.inner.name }

    init(inner: SimulatedPaymentProvider) {
        self.inner = inner
    }

    struct Lost: Error {}

    func charge(merchantRef: String, amountFen: Int64, description: String) async throws -> String {
        if !self.lost.withLock({
            let was = $0
            $0 = true
            return was
        }) {
            throw Lost()
        }
        return try await self.inner.charge(merchantRef: merchantRef, amountFen: amountFen, description: description)
    }

    func refund(merchantRef: String, chargeRef: String, amountFen: Int64) async throws -> String {
        try await self.inner.refund(merchantRef: merchantRef, chargeRef: chargeRef, amountFen: amountFen)
    }

    func lookup(_ kind: ProviderRecord.Kind, merchantRef: String) async throws -> ProviderRecord? {
        try await self.inner.lookup(kind, merchantRef: merchantRef)
    }

    func settlements(from: Int64, to: Int64) async throws -> [ProviderRecord] {
        try await self.inner.settlements(from: from, to: to)
    }
}
