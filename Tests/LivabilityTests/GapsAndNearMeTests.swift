import Foundation
import HTTPTypes
import HummingbirdTesting
import Livability
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Gap lists and near me")
struct GapsAndNearMeTests {
    @Test("officials of the scope list households and what they lack", arguments: TestBackend.available)
    func gaps(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: LivabilityFixture.prepare) { client in
            let b = LivabilityFixture.communityB
            #expect(try await client.send(.get, "/api/v1/communities/\(b)/gaps").status == .unauthorized)
            let workerA = try await client.officialToken("worker.a")
            #expect(try await client.send(.get, "/api/v1/communities/\(b)/gaps", token: workerA).status == .forbidden)
            let workerB = try await client.officialToken("worker.b")
            let first = try await client.send(.get, "/api/v1/communities/\(b)/gaps?limit=4", token: workerB)
            #expect(first.status == .ok, "\(String(buffer: first.body))")
            let items = try #require(first.object["items"] as? [[String: Any]])
            #expect(items.map { $0["householdId"] as? Int } == [7, 8, 9, 10])
            // Addresses are cut to the building; no school reaches B.
            #expect(items.first?["address"] as? String == "7栋…")
            #expect((items.first?["lacking"] as? [String])?.contains("school") == true)
            #expect((items.first?["lacking"] as? [String])?.contains("clinic") == false)
            let cursor = try #require(first.object["nextCursor"] as? String)
            let second = try await client.send(
                .get, "/api/v1/communities/\(b)/gaps?limit=4&cursor=\(cursor)", token: workerB)
            #expect((second.object["items"] as? [[String: Any]])?.map { $0["householdId"] as? Int } == [11, 12])
            #expect(second.object["nextCursor"] is NSNull)

            // Filtered by a category nobody lacks: empty.
            let city = try await client.officialToken("city")
            let clinic = try await client.send(.get, "/api/v1/communities/\(b)/gaps?category=clinic", token: city)
            #expect((clinic.object["items"] as? [Any])?.isEmpty == true)
            #expect(
                try await client.send(.get, "/api/v1/communities/510104003/gaps", token: city).problemCode
                    == "community_not_found")
        }
    }

    @Test("a matched resident sees the nearest service of each kind", arguments: TestBackend.available)
    func nearMe(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: LivabilityFixture.prepare) { client in
            #expect(try await client.send(.get, "/api/v1/me/near").status == .unauthorized)
            let official = try await client.officialToken("worker.a")
            #expect(try await client.send(.get, "/api/v1/me/near", token: official).status == .forbidden)

            // Resident 1 lives in household 1 at grid node (0,0).
            let token = try await client.residentToken(1)
            let near = try await client.send(.get, "/api/v1/me/near", token: token)
            #expect(near.status == .ok, "\(String(buffer: near.body))")
            #expect(near.object["communityCode"] as? String == LivabilityFixture.communityA)
            let items = try #require(near.object["items"] as? [[String: Any]])
            #expect(items.count == 8)
            func item(_ category: String) -> [String: Any]? { items.first { $0["category"] as? String == category } }
            #expect(item("school")?["meters"] as? Int == 0)
            #expect(item("school")?["withinHorizon"] as? Bool == true)
            // The clinic at (7,2): 7 × 200 + 2 × 200 = 1,800 m, 23 minutes, beyond the circle but within 3 km.
            #expect(item("clinic")?["meters"] as? Int == 1800)
            #expect(item("clinic")?["minutes"] as? Int == 23)
            #expect(item("clinic")?["withinHorizon"] as? Bool == false)
            #expect(((item("clinic")?["facility"] as? [String: Any])?["name"] as? String) == "clinic 7,2")
            // The nearer of the two service centres: (3,1) at 800 m.
            #expect(item("community_service")?["meters"] as? Int == 800)
            #expect(item("community_service")?["countWithinHorizon"] as? Int == 2)
            #expect(item("dining")?["facility"] is NSNull)

            // Someone not in the register (level 1) has no home on the map.
            let stranger = try await client.residentToken(5)
            #expect(
                try await client.send(.get, "/api/v1/me/near", token: stranger).problemCode == "no_registered_household"
            )
        }
    }
}
