import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import SQLKit
import ServiceHall
import TestSupport
import Testing

@Suite("Applications through the API")
struct ApplicationAPITests {
    /// A valid no-criminal-record application (cd-psb, level 2).
    static let certificate = #"{"form":{"purpose":"job","recipient":"成都某公司","phone":"13912345678","consent":true}}"#
    static let key = HTTPField.Name("Idempotency-Key")!

    @Test(
        "submit, replay, lifecycle with timeline, rating once, other department refused",
        arguments: TestBackend.available)
    func lifecycle(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: HallFixture.prepare) { client in
            let (resident, residentID) = try await client.residentToken(1)
            let uri = "/api/v1/services/no-criminal-record-certificate/applications"
            let created = try await client.request(
                uri, method: .post, json: Self.certificate, token: resident, headers: [Self.key: "k-1"])
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let application = try created.json(ApplicationBody.self)
            #expect(application.status == "submitted" && application.form["purpose"] == "job")
            #expect(application.steps.first?.handlerId == residentID)

            // The same key and body: the same application; the same key with another body: refused.
            let replay = try await client.request(
                uri, method: .post, json: Self.certificate, token: resident, headers: [Self.key: "k-1"])
            #expect(replay.status == .ok)
            #expect(replay.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try replay.json(ApplicationBody.self).id == application.id)
            let other = Self.certificate.replacingOccurrences(of: "job", with: "visa")
            let reused = try await client.request(
                uri, method: .post, json: other, token: resident, headers: [Self.key: "k-1"])
            #expect(reused.status == .unprocessableContent && reused.problemCode == "idempotency_key_reused")
            let noKey = try await client.request(uri, method: .post, json: Self.certificate, token: resident)
            #expect(noKey.status == .badRequest && noKey.problemCode == "idempotency_key_required")
            let mine = try await client.request("/api/v1/me/applications", token: resident)
            #expect(try mine.json(ListBody<ApplicationBody>.self).items.map(\.id) == [application.id])

            // Staff of another department, a district officer and the resident may not handle it.
            let hpf = try await client.officialToken("hpf.clerk")
            let actions = "/api/v1/staff/applications/\(application.id)/actions"
            let foreign = try await client.request(actions, method: .post, json: #"{"action":"accept"}"#, token: hpf)
            #expect(foreign.status == .forbidden && foreign.problemCode == "application_other_department")
            let district = try await client.officialToken("district")
            #expect(
                try await client.request(actions, method: .post, json: #"{"action":"accept"}"#, token: district).status
                    == .forbidden)
            #expect(
                try await client.request(actions, method: .post, json: #"{"action":"accept"}"#, token: resident).status
                    == .forbidden)
            #expect(
                try await client.request("/api/v1/staff/applications", token: hpf).json(ListBody<ApplicationBody>.self)
                    .items.isEmpty)

            let psb = try await client.officialToken("psb.clerk")
            let queue = try await client.request("/api/v1/staff/applications", token: psb)
            #expect(try queue.json(ListBody<ApplicationBody>.self).items.map(\.id) == [application.id])
            // A step out of order, an unknown action, a rejection without a reason: refused, nothing written.
            let early = try await client.request(actions, method: .post, json: #"{"action":"approve"}"#, token: psb)
            #expect(early.status == .conflict && early.problemCode == "transition_not_allowed")
            let unknown = try await client.request(actions, method: .post, json: #"{"action":"stamp"}"#, token: psb)
            #expect(unknown.status == .badRequest)
            for action in ["accept", "review", "approve", "complete"] {
                let response = try await client.request(
                    actions, method: .post, json: #"{"action":"\#(action)"}"#, token: psb)
                #expect(response.status == .ok, "\(action): \(String(buffer: response.body))")
            }
            let done = try await client.request("/api/v1/me/applications/\(application.id)", token: resident)
                .json(ApplicationBody.self)
            #expect(done.status == "completed")
            #expect(done.steps.map(\.status) == ["submitted", "accepted", "in_review", "approved", "completed"])
            #expect(done.steps.dropFirst().allSatisfy { $0.handlerId != nil && $0.handlerId != residentID })
            let again = try await client.request(actions, method: .post, json: #"{"action":"complete"}"#, token: psb)
            #expect(again.status == .conflict)

            // Rating: only the owner, only once, 1–5 stars.
            let rating = "/api/v1/me/applications/\(application.id)/rating"
            let (stranger, _) = try await client.residentToken(2)
            #expect(
                try await client.request(rating, method: .post, json: #"{"stars":5}"#, token: stranger).status
                    == .notFound)
            #expect(
                try await client.request(rating, method: .post, json: #"{"stars":9}"#, token: resident).problemCode
                    == "invalid_rating")
            let rated = try await client.request(
                rating, method: .post, json: #"{"stars":4,"comment":"很快"}"#, token: resident)
            #expect(rated.status == .created)
            #expect(try rated.json(ApplicationBody.self).rating?.stars == 4)
            let twice = try await client.request(rating, method: .post, json: #"{"stars":5}"#, token: resident)
            #expect(twice.status == .conflict && twice.problemCode == "already_rated")
            let staffRatings = try await client.request("/api/v1/staff/ratings", token: psb)
            #expect(String(buffer: staffRatings.body).contains("很快"))
        }
    }

    @Test("rejection needs a reason; unfinished applications cannot be rated", arguments: TestBackend.available)
    func rejection(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: HallFixture.prepare) { client in
            let (resident, _) = try await client.residentToken(1)
            let created = try await client.request(
                "/api/v1/services/no-criminal-record-certificate/applications", method: .post, json: Self.certificate,
                token: resident, headers: [Self.key: "r-1"]
            ).json(ApplicationBody.self)
            let rating = "/api/v1/me/applications/\(created.id)/rating"
            let early = try await client.request(rating, method: .post, json: #"{"stars":1}"#, token: resident)
            #expect(early.status == .conflict && early.problemCode == "application_not_finished")
            let psb = try await client.officialToken("psb.clerk")
            let actions = "/api/v1/staff/applications/\(created.id)/actions"
            let bare = try await client.request(actions, method: .post, json: #"{"action":"reject"}"#, token: psb)
            #expect(bare.problemCode == "reason_required")
            #expect(
                try await client.request("/api/v1/staff/applications/\(created.id)", token: psb).json(
                    ApplicationBody.self
                ).status == "submitted")
            let rejected = try await client.request(
                actions, method: .post, json: #"{"action":"reject","reason":"材料不全：缺少单位证明。"}"#, token: psb)
            let body = try rejected.json(ApplicationBody.self)
            #expect(body.status == "rejected" && body.reason == "材料不全：缺少单位证明。")
            #expect(body.steps.last?.note == "材料不全：缺少单位证明。")
            #expect(
                try await client.request(rating, method: .post, json: #"{"stars":2}"#, token: resident).status
                    == .created)
        }
    }

    @Test("forms are checked field by field, in Chinese and English", arguments: TestBackend.available)
    func validation(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: HallFixture.prepare) { client in
            let (resident, _) = try await client.residentToken(1)
            let bad = #"{"form":{"purpose":"holiday","phone":"12345","colour":"red"}}"#
            let uri = "/api/v1/services/no-criminal-record-certificate/applications"
            let zh = try await client.request(
                uri, method: .post, json: bad, token: resident, headers: [Self.key: "v-1"])
            #expect(zh.status == .unprocessableContent && zh.problemCode == "form_invalid")
            let fields = (zh.problem["fields"] as? String ?? "").split(separator: ",").map(String.init)
            #expect(Set(fields) == ["colour", "purpose", "recipient", "phone", "consent"])
            #expect((zh.problem["field.recipient"] as? String) == "请填写“提交单位”。")
            #expect((zh.problem["field.phone"] as? String)?.contains("11 位手机号码") == true)
            #expect((zh.problem["field.consent"] as? String)?.hasPrefix("请勾选") == true)
            let en = try await client.request(
                uri + "?lang=en", method: .post, json: bad, token: resident, headers: [Self.key: "v-2"])
            #expect((en.problem["field.purpose"] as? String) == "Choose one of the listed options for “Purpose”.")
            // A pattern and a number range.
            let plate =
                #"{"form":{"plate":"京A1","rideDate":"2026-02-30","issue":"detour","details":"绕路很远很远很远很远很远","phone":"13912345678"}}"#
            let taxi = try await client.request(
                "/api/v1/services/taxi-complaint/applications", method: .post, json: plate, token: resident,
                headers: [Self.key: "v-3"])
            #expect(
                Set((taxi.problem["fields"] as? String ?? "").split(separator: ",").map(String.init)) == [
                    "plate", "rideDate",
                ])
            #expect((taxi.problem["field.plate"] as? String)?.contains("川A12345") == true)
            // Nothing was written.
            #expect(
                try await client.request("/api/v1/me/applications", token: resident).json(
                    ListBody<ApplicationBody>.self
                ).items.isEmpty)
        }
    }

    @Test("a service above the resident's level says which level and how to get it", arguments: TestBackend.available)
    func assuranceLevel(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: HallFixture.prepare) { client in
            let (levelOne, _) = try await client.residentToken(5)
            let refused = try await client.request(
                "/api/v1/services/no-criminal-record-certificate/applications", method: .post, json: Self.certificate,
                token: levelOne, headers: [Self.key: "l-1"])
            #expect(refused.status == .forbidden && refused.problemCode == "assurance_level_required")
            #expect(
                refused.problem["requiredLevel"] as? String == "2" && refused.problem["currentLevel"] as? String == "1")
            #expect((refused.problem["detail"] as? String)?.contains("L2") == true)
            #expect((refused.problem["howTo"] as? String)?.contains("/api/v1/me/verification") == true)
            let (levelTwo, _) = try await client.residentToken(1)
            let housing = try await client.request(
                "/api/v1/services/public-rental-housing/applications", method: .post,
                json: #"{"form":{}}"#, token: levelTwo, headers: [Self.key: "l-2"])
            #expect(housing.problem["requiredLevel"] as? String == "3")
            #expect((housing.problem["howTo"] as? String)?.contains("社区") == true)
            let anonymous = try await client.request(
                "/api/v1/services/no-criminal-record-certificate/applications", method: .post, json: Self.certificate,
                headers: [Self.key: "l-3"])
            #expect(anonymous.status == .unauthorized)
            let guide = try await client.request(
                "/api/v1/services/metro-timetable/applications", method: .post, json: #"{"form":{}}"#, token: levelTwo,
                headers: [Self.key: "l-4"])
            #expect(guide.status == .conflict && guide.problemCode == "service_not_applicable")
            let missing = try await client.request(
                "/api/v1/services/no-such-service/applications", method: .post, json: #"{"form":{}}"#, token: levelTwo,
                headers: [Self.key: "l-5"])
            #expect(missing.status == .notFound)
        }
    }

    @Test("concurrent submissions with one key create exactly one application", arguments: TestBackend.available)
    func race(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: HallFixture.prepare) { client in
            let (resident, _) = try await client.residentToken(1)
            let ids = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let response = try await client.request(
                            "/api/v1/services/no-criminal-record-certificate/applications", method: .post,
                            json: Self.certificate, token: resident, headers: [Self.key: "race"])
                        return (Int(response.status.code), try? response.json(ApplicationBody.self).id)
                    }
                }
                var out: [(Int, String?)] = []
                for try await result in group { out.append(result) }
                return out
            }
            #expect(ids.filter { $0.0 == 201 }.count == 1, "\(ids.map(\.0))")
            #expect(ids.allSatisfy { $0.0 == 201 || $0.0 == 200 })
            #expect(Set(ids.compactMap(\.1)).count == 1)
            let mine = try await client.request("/api/v1/me/applications", token: resident)
            #expect(try mine.json(ListBody<ApplicationBody>.self).items.count == 1)
        }
    }
}
