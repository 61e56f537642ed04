import Cases
import Foundation
import HTTPTypes
import HummingbirdTesting
import Livability
import NIOCore
import NIOFoundationCompat
import Platform
import Territory
import TestSupport
import Testing

/// A report with a position and no community is placed by the life circle's street network: the community of the
/// nearest node, or a refusal when no street of the city is near.
@Suite struct ReportByPositionTests {
    static let communityA = "510104003001"
    static let communityB = "510104003002"
    /// Community A's streets around (104.000, 30.600), B's one kilometre east.
    static let metersPerLon = 111_195.0 * cos(30.6 * Double.pi / 180)

    static func lon(_ meters: Double) -> Double { 104.0 + meters / self.metersPerLon }

    static func prepare(_ database: Database) async throws {
        try await DivisionRepository(database: database).upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(code: communityA, name: "社区甲", level: .community, parentCode: "510104003"),
            Division(code: communityB, name: "社区乙", level: .community, parentCode: "510104003"),
        ])
        let nodes = (0..<6).map { n in
            NetworkRepository.Node(
                id: Int64(n + 1), divisionCode: n < 3 ? communityA : communityB, lon: self.lon(Double(n) * 200),
                lat: 30.6)
        }
        let edges = (0..<5).map { NetworkRepository.Edge(from: Int64($0 + 1), to: Int64($0 + 2), meters: 200) }
        try await NetworkRepository(database: database).replace(nodes: nodes, edges: edges, dwellings: [])
    }

    @Test(arguments: TestBackend.available)
    func open311PlacesAPointOnTheNearestStreet(_ backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: Self.prepare) { client, database in
            let key = try await Open311Keys(database: database).create(name: "position test").key
            func post(lat: Double, lon: Double) async throws -> TestResponse {
                try await client.execute(
                    uri: "/open311/v2/requests.json", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(
                        string: "api_key=\(key)&service_code=street-light&lat=\(lat)&long=\(lon)&description=lamp+out"))
            }
            // 30 m north of B's second street node.
            let placed = try await post(lat: 30.6003, lon: Self.lon(800))
            #expect(placed.status == .created, "\(String(buffer: placed.body))")
            let created = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: placed.body)) as? [[String: Any]])
            let id = try #require(created.first?["service_request_id"] as? String)
            let record = try #require(try await CaseRepository(database: database).find(id))
            #expect(record.divisionCode == Self.communityB)

            // Inside the city's box but kilometres from any street: refused, nothing written.
            let nowhere = try await post(lat: 30.7, lon: 104.3)
            #expect(nowhere.status == .badRequest, "\(String(buffer: nowhere.body))")
            #expect(String(buffer: nowhere.body).contains("社区"))
            // Neither a position nor a community.
            let bare = try await client.execute(
                uri: "/open311/v2/requests.json", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "api_key=\(key)&service_code=street-light&description=lamp+out"))
            #expect(bare.status == .badRequest)
            #expect(try await CaseRepository(database: database).count(CaseQuery()) == 1)
        }
    }
}
