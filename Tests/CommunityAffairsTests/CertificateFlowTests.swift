import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import SQLKit
import TestSupport
import Testing

/// A certificate from request to verification through the API, with every refusal on the way, on both databases.
@Suite struct CertificateFlowTests {
    static let residence = #"{"kind":"residence","inputs":{"since":"2015年3月","purpose":"子女入学"}}"#

    @Test("request, review by the own community, issue, verify, alter, revoke", arguments: TestBackend.available)
    func endToEnd(_ backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: AffairsCity.prepare) { client, database in
            let head = try await client.signIn("13900000001")
            let workerA = try await client.signIn("worker.a")
            let workerB = try await client.signIn("worker.b")

            let created = try await client.call(.post, "/api/v1/certificates/requests", Self.residence, as: head)
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let id = try #require(created.object["id"] as? String)
            #expect(created.object["communityCode"] as? String == AffairsCity.communityA)

            let outside = try await client.call(
                .post, "/api/v1/certificates/requests/\(id)/review", #"{"decision":"approve"}"#, as: workerB)
            #expect(outside.status == .forbidden)
            #expect(outside.code == "certificate_outside_community")
            let bare = try await client.call(
                .post, "/api/v1/certificates/requests/\(id)/review", #"{"decision":"reject"}"#, as: workerA)
            #expect(bare.status == .unprocessableContent)

            let approved = try await client.call(
                .post, "/api/v1/certificates/requests/\(id)/review", #"{"decision":"approve"}"#, as: workerA)
            #expect(approved.status == .ok, "\(String(buffer: approved.body))")
            #expect(approved.object["status"] as? String == "issued")
            let number = try #require(approved.object["certificateNumber"] as? String)
            #expect(number.hasPrefix("\(AffairsCity.communityA)-"))
            let again = try await client.call(
                .post, "/api/v1/certificates/requests/\(id)/review", #"{"decision":"approve"}"#, as: workerA)
            #expect(again.status == .conflict)

            let document = try await client.call(.get, "/api/v1/certificates/documents/\(number)", as: head)
            #expect(document.status == .ok)
            let text = String(buffer: document.body)
            #expect(text.contains("王大明"))
            #expect(text.contains("3栋2单元401号"))
            #expect(!text.contains(AffairsCity.idNumber(1)), "the document masks the ID number")
            #expect(text.contains(IDNumber.mask(AffairsCity.idNumber(1))))
            let stranger = try await client.signIn("13900000003")
            #expect(
                try await client.call(.get, "/api/v1/certificates/documents/\(number)", as: stranger).status
                    == .notFound)

            let verified = try await client.call(.get, "/api/v1/verify/\(number)")
            #expect(verified.object["verdict"] as? String == "genuine")
            #expect(!String(buffer: verified.body).contains(AffairsCity.idNumber(1)))

            // The holder's copy checks out; the same copy with one field changed does not.
            let held = try #require(document.object["content"] as? [String: Any])
            let signature = try #require(document.object["signature"] as? String)
            #expect(try await Self.verify(client, held, signature) == "genuine")
            var changed = held
            changed["validUntil"] = "2099-12-31"
            #expect(try await Self.verify(client, changed, signature) == "altered")

            let revoked = try await client.call(
                .post, "/api/v1/certificates/documents/\(number)/revocation", #"{"reason":"居民已迁出"}"#, as: workerA)
            #expect(revoked.status == .ok)
            let afterRevocation = try await client.call(.get, "/api/v1/verify/\(number)")
            #expect(afterRevocation.object["verdict"] as? String == "revoked")
            #expect(afterRevocation.object["revokedReason"] as? String == "居民已迁出")
            #expect(
                try await client.call(
                    .post, "/api/v1/certificates/documents/\(number)/revocation", #"{"reason":"再次"}"#, as: workerA
                ).status == .conflict)

            // Someone edits the registry's row behind the platform's back: the signature no longer matches.
            try await database.withConnection { sql in
                try await sql.raw(
                    "UPDATE ca_certificates SET content = REPLACE(content, '王大明', '王二明') WHERE number = \(bind: number)"
                ).run()
            }
            #expect(try await client.call(.get, "/api/v1/verify/\(number)").object["verdict"] as? String == "altered")
            #expect(try await client.call(.get, "/api/v1/verify/NO-SUCH-1").object["verdict"] as? String == "unknown")

            let actions = try await database.withConnection { sql in
                try await sql.select().column("action").from("audit_log").where("target", .equal, number).all()
                    .map { try $0.decode(column: "action", as: String.self) }
            }
            #expect(Set(actions) == ["certificate.issue", "certificate.reveal", "certificate.revoke"])
        }
    }

    /// Posts a held document to the public check; returns the verdict.
    static func verify(_ client: some TestClientProtocol, _ content: [String: Any], _ signature: String) async throws
        -> String?
    {
        let body = try JSONSerialization.data(withJSONObject: ["content": content, "signature": signature])
        return try await client.call(.post, "/api/v1/verify", String(decoding: body, as: UTF8.self)).object["verdict"]
            as? String
    }

    @Test(
        "requests off the list, below the level, by a non-head or with bad input are refused with reasons",
        arguments: TestBackend.available)
    func refusals(_ backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AffairsCity.prepare) { client in
            let head = try await client.signIn("13900000001")
            let child = try await client.signIn("13900000002")
            let post: (String, String) async throws -> TestResponse = { body, token in
                try await client.call(.post, "/api/v1/certificates/requests", body, as: token)
            }
            let police = try await post(#"{"kind":"no-criminal-record"}"#, head)
            #expect(police.status == .unprocessableContent)
            #expect(police.code == "certificate_not_community_work")
            #expect(police.object["department"] as? String == "cd-psb")
            #expect(police.object["serviceUrl"] as? String == "/services/no-criminal-record-certificate")
            #expect((police.object["detail"] as? String)?.contains("成都市公安局") == true)
            #expect(try await post(#"{"kind":"good-conduct"}"#, head).code == "certificate_not_on_list")
            let level = try await post(#"{"kind":"hardship","inputs":{"facts":"x","purpose":"y"}}"#, head)
            #expect(level.status == .forbidden)
            #expect(level.code == "assurance_level_required")
            let school = #"{"kind":"school-residence","inputs":{"child":"王小明"}}"#
            #expect(try await post(school, child).code == "certificate_not_eligible")
            #expect(try await post(school, head).status == .created)
            #expect(
                try await post(#"{"kind":"residence","inputs":{"since":"2015"}}"#, head).code
                    == "invalid_certificate_request")
            #expect(
                try await post(#"{"kind":"residence","inputs":{"since":"2015","purpose":"a","x":"b"}}"#, head).code
                    == "invalid_certificate_request")
            let official = try await client.signIn("worker.a")
            #expect(try await post(Self.residence, official).status == .forbidden)
            #expect(
                try await client.call(.post, "/api/v1/certificates/requests", Self.residence).status == .unauthorized)
        }
    }

    @Test(
        "asking for more sends the request back to the resident, and a supplement back to the queue",
        arguments: TestBackend.available)
    func askForMore(_ backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AffairsCity.prepare) { client in
            let head = try await client.signIn("13900000001")
            let child = try await client.signIn("13900000002")
            let worker = try await client.signIn("worker.a")
            let first = try await client.call(.post, "/api/v1/certificates/requests", Self.residence, as: head)
            let id = try #require(first.object["id"] as? String)
            #expect(try await client.call(.get, "/api/v1/certificates/requests/\(id)", as: child).status == .notFound)
            let more = try await client.call(
                .post, "/api/v1/certificates/requests/\(id)/review", #"{"decision":"more","note":"请补充租房合同"}"#,
                as: worker)
            #expect(more.object["status"] as? String == "needs_more")
            let queue = try await client.call(.get, "/api/v1/certificates/requests?status=submitted", as: worker)
            #expect((queue.object["items"] as? [Any])?.isEmpty == true)
            let supplied = try await client.call(
                .post, "/api/v1/certificates/requests/\(id)/supplement", #"{"note":"已上传租房合同"}"#, as: head)
            #expect(supplied.object["status"] as? String == "submitted")
            let timeline = try #require(supplied.object["timeline"] as? [[String: Any]])
            #expect(timeline.compactMap { $0["action"] as? String } == ["submit", "more", "supplement"])
            let rejected = try await client.call(
                .post, "/api/v1/certificates/requests/\(id)/review", #"{"decision":"reject","note":"合同非本人"}"#,
                as: worker)
            #expect(rejected.object["status"] as? String == "rejected")
            #expect(rejected.object["note"] as? String == "合同非本人")
        }
    }
}
