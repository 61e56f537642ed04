import Foundation
import HTTPTypes
import HummingbirdTesting
import Livability
import NIOCore
import Platform
import TestSupport
import Testing

/// A JSON body for a facility at grid node (x, y) of the fixture.
private func body(_ category: String, _ name: String, x: Int, y: Int, extra: String = "") -> String {
    let p = LivabilityFixture.nodes[Int(LivabilityFixture.node(x, y)) - 1]
    return #"{"category":"\#(category)","name":"\#(name)","lon":\#(p.lon),"lat":\#(p.lat)\#(extra)}"#
}

@Suite("Facilities registry API")
struct FacilityAPITests {
    @Test("workers manage their own community; others are refused", arguments: TestBackend.available)
    func crudAndAuthorization(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: LivabilityFixture.prepare) { client in
            let a = LivabilityFixture.communityA
            let workerA = try await client.officialToken("worker.a")
            let workerB = try await client.officialToken("worker.b")
            let street = try await client.officialToken("street")
            let auditor = try await client.officialToken("auditor")

            let anonymous = try await client.send(
                .post, "/api/v1/communities/\(a)/facilities", json: body("school", "x", x: 1, y: 1))
            #expect(anonymous.status == .unauthorized)
            let other = try await client.send(
                .post, "/api/v1/communities/\(a)/facilities", json: body("school", "x", x: 1, y: 1), token: workerB)
            #expect(other.status == .forbidden)
            #expect(other.problemCode == "forbidden")
            let wrongRole = try await client.send(
                .post, "/api/v1/communities/\(a)/facilities", json: body("school", "x", x: 1, y: 1), token: auditor)
            #expect(wrongRole.status == .forbidden)

            let created = try await client.send(
                .post, "/api/v1/communities/\(a)/facilities",
                json: body(
                    "reading_room", "社区书屋", x: 1, y: 1, extra: #","openingHours":"Tu-Su 09:00-21:00","operator":"居委会""#),
                token: workerA)
            #expect(created.status == .created, "\(String(buffer: created.body))")
            let id = try #require(created.object["id"] as? String)
            #expect(created.headers[.location] == "/api/v1/facilities/\(id)")
            #expect(created.object["nodeId"] as? Int == Int(LivabilityFixture.node(1, 1)))
            #expect(created.object["source"] as? String == "manual")
            #expect(created.object["openingHours"] as? String == "Tu-Su 09:00-21:00")

            // Public reading, one facility and the community's list.
            let read = try await client.send(.get, "/api/v1/facilities/\(id)")
            #expect(read.object["name"] as? String == "社区书屋")
            let list = try await client.send(.get, "/api/v1/communities/\(a)/facilities?category=reading_room")
            #expect((list.object["items"] as? [[String: Any]])?.count == 1)
            #expect(list.object["nextCursor"] is NSNull)
            let paged = try await client.send(.get, "/api/v1/communities/\(a)/facilities?limit=2")
            let cursor = try #require(paged.object["nextCursor"] as? String)
            let rest = try await client.send(.get, "/api/v1/communities/\(a)/facilities?limit=2&cursor=\(cursor)")
            #expect((rest.object["items"] as? [[String: Any]])?.count == 2)

            // Coverage follows at once: households of A now reach a reading room.
            let coverage = try await client.send(.get, "/api/v1/divisions/\(a)/coverage")
            let rows = try #require(coverage.object["categories"] as? [[String: Any]])
            #expect(rows.first { $0["category"] as? String == "reading_room" }?["covered"] as? Int == 6)

            // Changing: B's worker may not, the street officer may; moving re-snaps.
            let refused = try await client.send(
                .patch, "/api/v1/facilities/\(id)", json: #"{"name":"改名"}"#, token: workerB)
            #expect(refused.status == .forbidden)
            // Refused before the body is read: a stranger learns nothing from validation errors.
            let refusedBody = try await client.send(
                .patch, "/api/v1/facilities/\(id)", json: "not json", token: workerB)
            #expect(refusedBody.status == .forbidden)
            let anonymousPatch = try await client.send(.patch, "/api/v1/facilities/\(id)", json: "not json")
            #expect(anonymousPatch.status == .unauthorized)
            let moved = try await client.send(
                .patch, "/api/v1/facilities/\(id)",
                json:
                    #"{"name":"新书屋","lon":\#(LivabilityFixture.nodes[Int(LivabilityFixture.node(2, 2)) - 1].lon),"lat":\#(LivabilityFixture.nodes[Int(LivabilityFixture.node(2, 2)) - 1].lat),"openingHours":""}"#,
                token: street)
            #expect(moved.status == .ok, "\(String(buffer: moved.body))")
            #expect(moved.object["nodeId"] as? Int == Int(LivabilityFixture.node(2, 2)))
            #expect(moved.object["openingHours"] is NSNull)
            #expect(moved.object["operator"] as? String == "居委会")

            #expect(try await client.send(.delete, "/api/v1/facilities/\(id)", token: workerB).status == .forbidden)
            #expect(try await client.send(.delete, "/api/v1/facilities/\(id)").status == .unauthorized)
            #expect(try await client.send(.delete, "/api/v1/facilities/\(id)", token: workerA).status == .noContent)
            let gone = try await client.send(.get, "/api/v1/facilities/\(id)")
            #expect(gone.status == .notFound)
            #expect(gone.problemCode == "facility_not_found")
            #expect(try await client.send(.delete, "/api/v1/facilities/\(id)", token: workerA).status == .notFound)
        }
    }

    @Test("bad input is refused with stable codes", arguments: TestBackend.available)
    func validation(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: LivabilityFixture.prepare) { client in
            let a = LivabilityFixture.communityA
            let token = try await client.officialToken("street")
            let path = "/api/v1/communities/\(a)/facilities"
            let cases: [(String, String, String?)] = [
                (body("bank", "x", x: 1, y: 1), "invalid_facility", "category"),
                (body("school", "  ", x: 1, y: 1), "invalid_facility", "name"),
                (body("school", String(repeating: "长", count: 81), x: 1, y: 1), "invalid_facility", "name"),
                (#"{"category":"school","name":"x","lon":200,"lat":30.6}"#, "invalid_facility", "lon"),
                (#"{"category":"school","name":"x","lat":30.6}"#, "invalid_facility", "lon"),
                (#"{"category":"school","name":"x","lon":"east","lat":30.6}"#, "invalid_facility", "body"),
                ("not json", "invalid_facility", "body"),
            ]
            for (json, code, field) in cases {
                let response = try await client.send(.post, path, json: json, token: token)
                #expect(response.status == .badRequest, "\(json)")
                #expect(response.problemCode == code, "\(json)")
                #expect(response.object["field"] as? String == field, "\(json)")
            }
            // Far from every street of the network, and inside community B's streets.
            let far = try await client.send(
                .post, path, json: #"{"category":"school","name":"x","lon":104.5,"lat":30.6}"#, token: token)
            #expect(far.status == .unprocessableContent)
            #expect(far.problemCode == "facility_off_network")
            let elsewhere = try await client.send(.post, path, json: body("school", "x", x: 6, y: 1), token: token)
            #expect(elsewhere.status == .unprocessableContent)
            #expect(elsewhere.problemCode == "facility_outside_community")
            let notCommunity = try await client.send(
                .post, "/api/v1/communities/510104003/facilities", json: body("school", "x", x: 1, y: 1), token: token)
            #expect(notCommunity.problemCode == "community_not_found")
            #expect(try await client.send(.get, "/api/v1/communities/510104003999/facilities").status == .notFound)
            #expect(try await client.send(.get, "/api/v1/facilities/nope").problemCode == "facility_not_found")
            let badCursor = try await client.send(.get, "/api/v1/communities/\(a)/facilities?cursor=%%%")
            #expect(badCursor.status == .badRequest)
        }
    }

    @Test("concurrent creations all land and all count", arguments: TestBackend.available)
    func concurrentCreations(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: LivabilityFixture.prepare) { client in
            let token = try await client.officialToken("street")
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<12 {
                    let community = n % 2 == 0 ? LivabilityFixture.communityA : LivabilityFixture.communityB
                    let json = body("sport", "健身点 \(n)", x: n % 2 == 0 ? n % 4 : 4 + n % 4, y: n % 3)
                    group.addTask {
                        try await client.send(
                            .post, "/api/v1/communities/\(community)/facilities", json: json, token: token
                        )
                        .status.code
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 201 }, "\(statuses)")
            let a = try await client.send(
                .get, "/api/v1/communities/\(LivabilityFixture.communityA)/facilities?category=sport")
            let b = try await client.send(
                .get, "/api/v1/communities/\(LivabilityFixture.communityB)/facilities?category=sport")
            #expect(((a.object["items"] as? [Any])?.count ?? 0) + ((b.object["items"] as? [Any])?.count ?? 0) == 12)
            // Every household is within 1,200 m of some sport facility now.
            let street = try await client.send(.get, "/api/v1/divisions/510104003/coverage")
            let rows = try #require(street.object["categories"] as? [[String: Any]])
            #expect(rows.first { $0["category"] as? String == "sport" }?["covered"] as? Int == 12)
        }
    }
}
