import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import SQLKit
import ServiceHall
import TestSupport
import Testing

@Suite("Service hall pages")
struct PagesTests {
    @Test("the hall searches, filters and shows services without signing in", arguments: TestBackend.available)
    func hall(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: HallFixture.prepare) { client in
            let hall = String(buffer: try await client.page("/services").body)
            #expect(hall.contains(#"id="hot""#) && hall.contains(#"id="themes""#))
            let search = String(buffer: try await client.page("/services?q=ybcx").body)
            let first = try #require(search.range(of: #"data-service=""#))
            #expect(search[first.upperBound...].hasPrefix("medical-insurance-account"))
            let english = String(buffer: try await client.page("/services?q=passport&lang=en").body)
            #expect(english.contains("Apply for an ordinary passport"))
            let filtered = String(buffer: try await client.page("/services?theme=bills&available=true").body)
            #expect(filtered.contains(#"id="no-results""#))  // bill payment needs an account; anonymous is level 0
            #expect(try await client.page("/services?theme=nope").status == .badRequest)
            let detail = String(buffer: try await client.page("/services/no-criminal-record-certificate").body)
            #expect(detail.contains("/signin?next=%2Fservices%2Fno-criminal-record-certificate"))
            #expect(!detail.contains(#"id="application-form""#))
            #expect(detail.contains("《中华人民共和国户口登记条例》"))
            #expect(try await client.page("/services/nope").status == .notFound)
            let open = try await client.page("/services/provident-fund-query/open")
            #expect(open.status == .seeOther && open.headers[.location]?.hasPrefix("/signin?next=") == true)
            #expect(try await client.page("/open/services").status == .ok)
        }
    }

    @Test(
        "a resident applies on the page, staff handle it in the console, the resident is told and rates it",
        arguments: TestBackend.available)
    func applyAndHandle(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: HallFixture.prepare) { client, database in
            _ = try await client.residentToken(1)
            let resident = try await client.residentSession(phone: HallFixture.phone(1))
            let detail = String(
                buffer: try await client.page("/services/no-criminal-record-certificate", cookie: resident).body)
            #expect(detail.contains(#"id="application-form""#))
            #expect(detail.contains(#"<select id="f-purpose" name="purpose">"#))
            #expect(!detail.contains(#"min="""#) && !detail.contains(#"maxlength="""#))
            let csrf = try #require(PagesTests.hiddenIn(detail, "csrf"))
            let key = try #require(PagesTests.hiddenIn(detail, "idempotencyKey"))
            let uri = "/services/no-criminal-record-certificate/apply"
            var fields = ["csrf": csrf, "idempotencyKey": key, "purpose": "job", "phone": "13912345678"]

            let invalid = try await client.post(uri, form: fields, cookie: resident)
            #expect(invalid.status == .unprocessableContent)
            let refused = String(buffer: invalid.body)
            #expect(refused.contains(#"id="form-errors""#) && refused.contains("请填写“提交单位”。"))
            #expect(refused.contains(#"value="13912345678""#))
            #expect(
                try await client.post(uri, form: fields.merging(["csrf": "x"]) { $1 }, cookie: resident).status
                    == .forbidden)

            fields["recipient"] = "某公司"
            fields["consent"] = "true"
            let created = try await client.post(uri, form: fields, cookie: resident)
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            #expect(location.hasPrefix("/me/applications/SA"))
            let id = String(location.dropFirst("/me/applications/".count))
            // The same form sent again (a double click) gives the same application.
            #expect(try await client.post(uri, form: fields, cookie: resident).headers[.location] == location)
            let mine = String(buffer: try await client.page("/me/applications", cookie: resident).body)
            #expect(mine.components(separatedBy: "/me/applications/SA").count == 2)

            let psb = try await client.consoleSession("psb.clerk")
            let queue = String(buffer: try await client.page("/console/applications", cookie: psb).body)
            #expect(queue.contains(#"data-application="\#(id)""#))
            let staffPage = String(buffer: try await client.page("/console/applications/\(id)", cookie: psb).body)
            #expect(staffPage.contains(#"id="do-accept""#) && staffPage.contains("某公司"))
            let staffCSRF = try #require(PagesTests.hiddenIn(staffPage, "csrf"))
            let actions = "/console/applications/\(id)/actions"
            #expect(try await client.post(actions, form: ["action": "accept"], cookie: psb).status == .forbidden)
            for action in ["accept", "review", "approve", "complete"] {
                let response = try await client.post(actions, form: ["csrf": staffCSRF, "action": action], cookie: psb)
                #expect(response.status == .seeOther, "\(action)")
            }
            let hpf = try await client.consoleSession("hpf.clerk")
            #expect(try await client.page("/console/applications/\(id)", cookie: hpf).status == .forbidden)
            #expect(!String(buffer: try await client.page("/console/applications", cookie: hpf).body).contains(id))

            let finished = String(buffer: try await client.page(location, cookie: resident).body)
            #expect(finished.contains("已办结") && finished.contains(#"id="rating-form""#))
            let rated = try await client.post(
                "/me/applications/\(id)/rating",
                form: ["csrf": try #require(PagesTests.hiddenIn(finished, "csrf")), "stars": "5", "comment": "很好"],
                cookie: resident)
            #expect(rated.status == .seeOther)
            #expect(String(buffer: try await client.page(location, cookie: resident).body).contains(#"id="my-rating""#))
            #expect(String(buffer: try await client.page("/console/ratings", cookie: psb).body).contains("很好"))

            // Each step told the resident (inbox and SMS), in the same transactions as the steps.
            let topics = try await database.withConnection { sql in
                try await sql.select().column("topic").from("notifications").orderBy("id")
                    .all(decodingColumn: "topic", as: String.self)
            }
            #expect(
                topics == [
                    "application.accepted", "application.in_review", "application.approved", "application.completed",
                ])
            let sms = try await database.withConnection { sql in
                try await sql.select().column("channel").from("notification_deliveries")
                    .all(decodingColumn: "channel", as: String.self)
            }
            #expect(sms.count == 4 && sms.allSatisfy { $0 == "sms" })
        }
    }

    static func hiddenIn(_ html: String, _ name: String) -> String? {
        guard let range = html.range(of: #"name="\#(name)" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}
