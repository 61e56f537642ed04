import Cases
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Platform
import SQLKit
import TestSupport
import Testing

/// The cases API end to end on both databases: report, routing, the whole cycle, escalation, scope, bad input.
@Suite struct CaseAPITests {
    @Test(arguments: TestBackend.available)
    func fullCycleWithEscalation(_ backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: CasesFixture.standard) { client, database in
            let resident = try await client.token(CasesFixture.phone(1))
            // No community given: the resident's registered community (A) is used; routed to urban management.
            let created = try await client.send(.post, "/api/v1/cases", json: CasesFixture.report(), token: resident)
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let report = try created.json(CaseView.self)
            #expect(report.communityCode == CasesFixture.communityA)
            #expect(report.ownerLevel == "community")
            #expect(report.departmentId == "cd-urban-management")
            #expect(report.routingRule == "default-street-light")

            let workerA = try await client.token("worker.a")
            let workerB = try await client.token("worker.b")
            // Outside the scope: refused, nothing changes.
            let foreign = try await client.transition(report.id, "accept", token: workerB)
            #expect(foreign.status == .forbidden)
            #expect(try await client.transition(report.id, "accept", token: workerA).status == .ok)
            // Accepting twice is an invalid transition.
            let again = try await client.transition(report.id, "accept", token: workerA)
            #expect(again.status == .conflict)
            #expect(again.problemCode == "invalid_transition")
            // The community cannot solve it: escalate to the street.
            let noNote = try await client.transition(report.id, "escalate", token: workerA)
            #expect(noNote.problemCode == "invalid_case")
            let up = try await client.transition(report.id, "escalate", note: "需要街道协调", token: workerA)
            #expect(up.status == .ok, "\(String(buffer: up.body))")
            let escalated = try up.json(CaseView.self)
            #expect(escalated.ownerCode == "510104003")
            #expect(escalated.ownerLevel == "street")
            #expect(escalated.status == "received")
            // The community worker no longer owns it.
            #expect(try await client.transition(report.id, "accept", token: workerA).status == .forbidden)
            let street = try await client.token("street")
            let inbox = try await client.send(.get, "/api/v1/cases/inbox?view=escalated", token: street)
            #expect(try inbox.json(PageOf<CaseView>.self).items.map(\.id) == [report.id])
            for command in ["accept", "start"] {
                #expect(try await client.transition(report.id, command, token: street).status == .ok)
            }
            #expect(try await client.transition(report.id, "resolve", note: "已更换灯泡", token: street).status == .ok)
            // Only the reporter confirms.
            #expect(try await client.transition(report.id, "confirm", token: street).status == .forbidden)
            let other = try await client.token(CasesFixture.phone(2))
            #expect(try await client.transition(report.id, "confirm", token: other).status == .notFound)
            #expect(try await client.transition(report.id, "confirm", token: resident).status == .ok)
            #expect(try await client.transition(report.id, "close", token: street).status == .ok)
            let rated = try await client.send(
                .post, "/api/v1/cases/\(report.id)/rating", json: #"{"stars":5,"comment":"很及时"}"#, token: resident)
            #expect(rated.status == .ok)
            let twice = try await client.send(
                .post, "/api/v1/cases/\(report.id)/rating", json: #"{"stars":4}"#, token: resident)
            #expect(twice.problemCode == "already_rated")

            let detail = try await client.send(.get, "/api/v1/cases/\(report.id)", token: resident).json(CaseView.self)
            #expect(detail.status == "closed")
            #expect(detail.rating == 5)
            let history = try #require(detail.history)
            #expect(history.map(\.seq) == Array(1...history.count))
            #expect(
                history.map(\.command)
                    == ["report", "accept", "escalate", "accept", "start", "resolve", "confirm", "close", "rate"])
            // The resident was notified of every change made by others.
            let notices = try await database.withConnection { sql in
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("notifications")
                    .where("account_id", .equal, "resident-1").where("topic", .like, "case.%")
                    .first(decodingColumn: "n", as: Int.self)
            }
            #expect(notices == 7)
        }
    }

    @Test(arguments: TestBackend.available)
    func badInputWritesNothing(_ backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: CasesFixture.standard) { client, database in
            let resident = try await client.token(CasesFixture.phone(1))
            let png = Data([0x89, 0x50, 0x4E, 0x47] + [UInt8](repeating: 0, count: 300 * 1024)).base64EncodedString()
            let text = Data("hello, not an image".utf8).base64EncodedString()
            let cases: [(String, String)] = [
                (CasesFixture.report(lat: 39.9, lon: 116.4), "location_outside_city"),
                (CasesFixture.report(category: "ufo-sighting"), "unknown_category"),
                (CasesFixture.report(community: "510104003999"), "unknown_community"),
                (CasesFixture.report(community: "510104003"), "unknown_community"),
                (CasesFixture.report(description: "灯"), "invalid_case"),
                (#"{"category":"noise","description":"楼上装修太吵了"}"#, "invalid_case"),
                (#"{"category":"noise","description":"楼上装修太吵了","lat":30.6}"#, "invalid_case"),
                (
                    #"{"category":"noise","description":"楼上装修太吵了","address":"1栋","photos":[{"data":"\#(png)"}]}"#,
                    "invalid_photo"
                ),
                (
                    #"{"category":"noise","description":"楼上装修太吵了","address":"1栋","photos":[{"data":"\#(text)"}]}"#,
                    "invalid_photo"
                ),
                ("not json", "invalid_body"),
            ]
            for (body, code) in cases {
                let response = try await client.send(.post, "/api/v1/cases", json: body, token: resident)
                #expect(
                    response.problemCode == code, "\(body.prefix(80)): \(String(buffer: response.body).prefix(200))")
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            }
            #expect(try await client.send(.post, "/api/v1/cases", json: CasesFixture.report()).status == .unauthorized)
            let auditor = try await client.token("auditor")
            #expect(
                try await client.send(.post, "/api/v1/cases", json: CasesFixture.report(), token: auditor).status
                    == .forbidden)
            // A worker may report for a resident only inside the scope.
            let workerB = try await client.token("worker.b")
            let outside = try await client.send(
                .post, "/api/v1/cases", json: CasesFixture.report(community: CasesFixture.communityA), token: workerB)
            #expect(outside.status == .forbidden)
            let count = try await database.withConnection { sql in
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("cases")
                    .first(decodingColumn: "n", as: Int.self)
            }
            #expect(count == 0)
        }
    }

    @Test(arguments: TestBackend.available)
    func departmentsTransfersAndScopes(_ backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: CasesFixture.standard) { client in
            let workerB = try await client.token("worker.b")
            let created = try await client.send(
                .post, "/api/v1/cases",
                json: CasesFixture.report(category: "water-leak", community: CasesFixture.communityB),
                token: workerB)
            #expect(created.status == .created)
            let report = try created.json(CaseView.self)
            #expect(report.departmentId == "cd-water")
            let water = try await client.token("water.staff")
            let urban = try await client.token("urban.staff")
            let inbox = try await client.send(.get, "/api/v1/cases/inbox", token: water).json(PageOf<CaseView>.self)
            #expect(inbox.items.map(\.id) == [report.id])
            #expect(
                try await client.send(.get, "/api/v1/cases/inbox", token: urban).json(PageOf<CaseView>.self).items
                    .isEmpty)
            #expect(try await client.transition(report.id, "accept", token: urban).status == .forbidden)
            // Not ours: the water company transfers it to urban management with a reason.
            let moved = try await client.transition(
                report.id, "transfer", note: "属市政排水", extra: #","departmentId":"cd-urban-management""#, token: water)
            #expect(moved.status == .ok, "\(String(buffer: moved.body))")
            #expect(try moved.json(CaseView.self).departmentId == "cd-urban-management")
            let unknown = try await client.transition(
                report.id, "transfer", note: "再转", extra: #","departmentId":"cd-nowhere""#, token: urban)
            #expect(unknown.problemCode == "invalid_case")
            #expect(try await client.transition(report.id, "accept", token: urban).status == .ok)
            // The other district cannot see or touch it; the city can.
            let districtC = try await client.token("district.c")
            #expect(try await client.send(.get, "/api/v1/cases/\(report.id)", token: districtC).status == .notFound)
            #expect(try await client.transition(report.id, "start", token: districtC).status == .forbidden)
            let city = try await client.token("city")
            #expect(try await client.send(.get, "/api/v1/cases/\(report.id)", token: city).status == .ok)
            // Residents have no inbox.
            let resident = try await client.token(CasesFixture.phone(1))
            #expect(try await client.send(.get, "/api/v1/cases/inbox", token: resident).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/cases/\(report.id)", token: resident).status == .notFound)
        }
    }
}

/// A page of a listing as the API answers it.
struct PageOf<Item: Decodable>: Decodable {
    let items: [Item]
    let nextCursor: String?
}
