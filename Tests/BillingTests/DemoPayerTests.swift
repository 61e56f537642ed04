import Billing
import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import Territory
import TestSupport
import Testing

@Suite("The demo resident's bills")
struct DemoPayerTests {
    /// The demo residents, the first of them given a household and this month's bills, as `serve --demo` does.
    static let prepare: @Sendable (Database) async throws -> Void = { database in
        try await DivisionRepository(database: database).upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(code: "510104003001", name: "社区甲", level: .community, parentCode: "510104003"),
        ])
        let identity = IdentityService(database: database, cipher: try TestApp.cipher, hasher: PasswordHasher(cost: 4))
        let residents = try await DemoResidents.seed(service: identity)
        let seeder = DemoPayerSeeder(database: database, identity: identity, cipher: try TestApp.cipher)
        let first = try await seeder.seed(accountID: residents[0].id, communityCode: "510104003001")
        #expect(first.newBills == 4)
        let again = try await seeder.seed(accountID: residents[0].id, communityCode: "510104003001")
        #expect(again.householdID == first.householdID && again.residentID == first.residentID)
        #expect(again.newBills == 0)
        #expect(try await identity.accounts.find(id: residents[0].id)?.level == 2)
    }

    @Test(
        "the demo resident signs in, sees unpaid bills, pays one and the simulator confirms it",
        arguments: TestBackend.available)
    func signInAndPay(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: Self.prepare) { client in
            let phone = DemoResidents.firstPhone
            let token = try await client.token(phone, password: DemoOfficials.password)
            let bills = try await client.send(.get, "/api/v1/me/bills?status=unpaid", token: token)
                .json(BillList.self).items
            #expect(
                Set(bills.map(\.serviceId)) == ["water-bill", "electricity-bill", "gas-bill", "traffic-fine-payment"])
            #expect(Set(bills.map(\.departmentId)) == ["cd-water", "cd-power", "cd-gas", "cd-traffic-police"])
            let water = try #require(bills.first { $0.kind == .water })

            let session = try await BillingPagesTests.session(client, phone: phone, password: DemoOfficials.password)
            let cookie: HTTPFields = [.cookie: "cc_session=\(session)"]
            let list = String(buffer: try await client.execute(uri: "/bills", method: .get, headers: cookie).body)
            #expect(list.contains(#"id="open-bills""#) && list.contains("/bills/\(water.id)"))
            #expect(list.contains("¥46.50") && list.contains("交通违法罚款"))

            let confirm = String(
                buffer: try await client.execute(uri: "/bills/\(water.id)/pay", method: .get, headers: cookie).body)
            let csrf = try #require(BillingPagesTests.hidden("csrf", in: confirm))
            let key = try #require(BillingPagesTests.hidden("key", in: confirm))
            var form = cookie
            form[.contentType] = "application/x-www-form-urlencoded"
            let paid = try await client.execute(
                uri: "/bills/\(water.id)/pay", method: .post, headers: form,
                body: ByteBuffer(string: "csrf=\(csrf)&key=\(key)&amountFen=\(water.amountFen)"))
            #expect(paid.status == .seeOther && paid.headers[.location] == "/bills/\(water.id)")
            let detail = try await client.waitForBill(water.id, status: "paid", token: token)
            #expect(detail.payments.count == 1 && detail.payments.first?.amountFen == 4_650)
            let after = String(buffer: try await client.execute(uri: "/bills", method: .get, headers: cookie).body)
            #expect(after.contains(#"id="done-bills""#))
        }
    }
}
