import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("My affairs API")
struct AffairsAPITests {
    /// Every page of `/api/v1/me/affairs` with `query`, following `nextCursor`.
    static func all(
        _ client: some TestClientProtocol, token: String, query: String, limit: Int
    ) async throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        var cursor: String?
        for _ in 0..<50 {
            let uri =
                "/api/v1/me/affairs?limit=\(limit)" + (query.isEmpty ? "" : "&\(query)")
                + (cursor.map { "&cursor=\($0)" } ?? "")
            let response = try await client.send(.get, uri, token: token)
            #expect(response.status == .ok, "\(uri): \(String(buffer: response.body))")
            let page = try response.object
            let batch = try #require(page["items"] as? [[String: Any]])
            #expect(batch.count <= limit)
            items += batch
            cursor = page["nextCursor"] as? String
            if cursor == nil { break }
        }
        return items
    }

    /// An item's key as ``AffairsFixture/expectedOrder`` names it: the id, or an appointment's status.
    static func key(_ item: [String: Any]) -> String {
        let kind = item["kind"] as? String ?? ""
        return (kind == "appointment" ? item["status"] : item["id"]) as? String ?? ""
    }

    @Test(
        "all four kinds, last activity first with ties broken by kind and id, the same over every page size",
        arguments: TestBackend.available)
    func orderingAndPaging(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AffairsFixture.prepare) { client in
            let token = try await client.token(AffairsFixture.phone(1))
            let everything = try await Self.all(client, token: token, query: "", limit: 100)
            #expect(
                everything.map { "\($0["kind"] ?? "")/\(Self.key($0))" }
                    == AffairsFixture.expectedOrder.map { "\($0.kind)/\($0.key)" })
            let ids = everything.map { "\($0["kind"] ?? "")/\($0["id"] ?? "")" }
            for limit in [1, 2, 5] {
                let paged = try await Self.all(client, token: token, query: "", limit: limit)
                #expect(paged.map { "\($0["kind"] ?? "")/\($0["id"] ?? "")" } == ids, "limit \(limit)")
            }
            let times = everything.compactMap { $0["lastActivityAt"] as? String }
            #expect(times.count == everything.count && times == times.sorted(by: >))
            let first = everything[0]
            #expect(first["title"] as? String == "居住证申领 SA-TIE2")
            #expect(
                first["departmentId"] as? String == "cd-psb" && first["serviceId"] as? String == "residence-permit")
            let links = try #require(first["links"] as? [String: String])
            #expect(links["api"] == "/api/v1/me/affairs/application/SA-TIE2")
            #expect(links["page"] == "/me/affairs/application/SA-TIE2")
            #expect(links["sourcePage"] == "/me/applications/SA-TIE2")

            let english = try await client.send(.get, "/api/v1/me/affairs?limit=1&lang=en", token: token).object
            let item = try #require((english["items"] as? [[String: Any]])?.first)
            #expect(
                item["title"] as? String == "Residence permit SA-TIE2" && item["statusLabel"] as? String == "Accepted")
        }
    }

    @Test("filters by kind and by open or done, with the next action of each", arguments: TestBackend.available)
    func filters(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AffairsFixture.prepare) { client in
            let token = try await client.token(AffairsFixture.phone(1))
            let bills = try await Self.all(client, token: token, query: "kind=bill", limit: 2)
            #expect(bills.map(Self.key) == ["b-power-1", "b-fine-1", "b-water-1"])
            let unpaid = try await Self.all(client, token: token, query: "kind=bill&status=open", limit: 1)
            #expect(unpaid.map(Self.key) == ["b-fine-1", "b-water-1"])
            let pay = try #require((unpaid[0]["actions"] as? [[String: Any]])?.first)
            #expect(pay["name"] as? String == "pay" && pay["api"] as? String == "/api/v1/bills/b-fine-1/payments")
            #expect(unpaid[0]["amount"] as? String == "¥200.00")

            let open = try await Self.all(client, token: token, query: "status=open", limit: 2)
            #expect(open.map(Self.key) == ["SA-TIE2", "SA-TIE", "booked", "SA-A1", "b-fine-1", "b-water-1"])
            #expect(open.allSatisfy { $0["state"] as? String == "open" })
            let booked = try #require(open.first { $0["kind"] as? String == "appointment" })
            #expect(
                (booked["actions"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == [
                    "reschedule", "cancel",
                ])

            let done = try await Self.all(client, token: token, query: "status=done", limit: 3)
            #expect(done.map(Self.key) == ["cancelled", "b-power-1", "p-1", "SA-A3", "SA-A2", "ended"])
            let rate = done.first { $0["id"] as? String == "SA-A2" }?["actions"] as? [[String: Any]]
            #expect(rate?.first?["name"] as? String == "rate")
            let rated = try #require(done.first { $0["id"] as? String == "SA-A3" })
            #expect((rated["actions"] as? [Any])?.isEmpty == true)
            #expect((rated["rating"] as? [String: Any])?["stars"] as? Int == 2)

            let payments = try await Self.all(client, token: token, query: "kind=payment&status=done", limit: 5)
            #expect(payments.map(Self.key) == ["p-1"] && payments[0]["title"] as? String == "缴费：账单 b-power-1")
            let appointments = try await Self.all(client, token: token, query: "kind=appointment", limit: 1)
            #expect(appointments.map(Self.key) == ["cancelled", "booked", "ended"])

            for bad in ["kind=fine", "status=closed", "cursor=nonsense", "limit=0", "colour=red"] {
                let refused = try await client.send(.get, "/api/v1/me/affairs?\(bad)", token: token)
                #expect(refused.status == .badRequest, "\(bad)")
            }
        }
    }

    @Test("a resident sees only their own; officials get 403, strangers 401", arguments: TestBackend.available)
    func ownOnly(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AffairsFixture.prepare) { client in
            let third = try await client.token(AffairsFixture.phone(3))
            let theirs = try await Self.all(client, token: third, query: "", limit: 100)
            #expect(theirs.map(Self.key) == ["SA-C1", "b-water-2"])

            // Resident 2 shares household 1's bills, but not resident 1's fine, applications or payments.
            let second = try await client.token(AffairsFixture.phone(2))
            let shared = try await Self.all(client, token: second, query: "", limit: 100)
            #expect(shared.map(Self.key) == ["b-power-1", "b-water-1"])

            let first = try await client.token(AffairsFixture.phone(1))
            let mine = try await Self.all(client, token: first, query: "", limit: 100)
            #expect(!mine.contains { ["SA-C1", "b-water-2"].contains($0["id"] as? String) })
            for path in ["application/SA-C1", "bill/b-water-2", "payment/nope", "fine/SA-A1"] {
                let foreign = try await client.send(.get, "/api/v1/me/affairs/\(path)", token: first)
                #expect(foreign.status == .notFound && foreign.problemCode == "affair_not_found", "\(path)")
            }
            #expect(try await client.send(.get, "/api/v1/me/affairs/payment/p-1", token: second).status == .notFound)

            // Resident 4 is not in the register: no bills, but the listing still answers.
            let fourth = try await client.token(AffairsFixture.phone(4))
            #expect(try await Self.all(client, token: fourth, query: "", limit: 10).isEmpty)

            for official in ["psb.staff", "city.officer"] {
                let token = try await client.token(official, official: true)
                let refused = try await client.send(.get, "/api/v1/me/affairs", token: token)
                #expect(refused.status == .forbidden && refused.problemCode == "forbidden", "\(official)")
                let detail = try await client.send(.get, "/api/v1/me/affairs/application/SA-A1", token: token)
                #expect(detail.status == .forbidden)
            }
            #expect(try await client.send(.get, "/api/v1/me/affairs").status == .unauthorized)
        }
    }

    @Test("an affair's detail has its timeline: every step, when and by whom", arguments: TestBackend.available)
    func timelines(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AffairsFixture.prepare) { client in
            let token = try await client.token(AffairsFixture.phone(1))
            func timeline(_ path: String, lang: String = "zh") async throws -> [[String: Any]] {
                let response = try await client.send(.get, "/api/v1/me/affairs/\(path)?lang=\(lang)", token: token)
                #expect(response.status == .ok, "\(path): \(String(buffer: response.body))")
                return try #require(try response.object["timeline"] as? [[String: Any]])
            }
            let completed = try await timeline("application/SA-A2")
            #expect(
                completed.compactMap { $0["step"] as? String } == [
                    "submitted", "accepted", "in_review", "approved", "completed",
                ])
            #expect(completed.compactMap { $0["who"] as? String } == ["you", "staff", "staff", "staff", "staff"])
            #expect(completed.first?["at"] as? String == CityClock.rfc3339(AffairsFixture.base + 50))
            let rejected = try await timeline("application/SA-A3", lang: "en")
            #expect(rejected.compactMap { $0["step"] as? String } == ["submitted", "rejected", "rated"])
            #expect(rejected[1]["note"] as? String == "材料不全" && rejected[1]["label"] as? String == "Rejected")

            let paid = try await timeline("bill/b-power-1")
            #expect(paid.compactMap { $0["step"] as? String } == ["issued", "payment_started", "payment_succeeded"])
            #expect(paid.compactMap { $0["who"] as? String } == ["department", "you", "provider"])
            let payment = try await timeline("payment/p-1")
            #expect(payment.compactMap { $0["step"] as? String } == ["payment_started", "payment_succeeded"])

            let appointments = try await Self.all(client, token: token, query: "kind=appointment", limit: 10)
            let cancelled = try #require(appointments.first?["id"] as? String)
            let steps = try await timeline("appointment/\(cancelled)")
            #expect(steps.compactMap { $0["step"] as? String } == ["booked", "cancelled"])
            #expect(steps.allSatisfy { $0["who"] as? String == "you" })
            let detail = try await client.send(.get, "/api/v1/me/affairs/appointment/\(cancelled)", token: token).object
            let affair = try #require(detail["affair"] as? [String: Any])
            #expect(affair["status"] as? String == "cancelled" && affair["state"] as? String == "done")
        }
    }
}
