import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdOTP
import HummingbirdTesting
import Identity
import Livability
import NIOCore
import NIOFoundationCompat
import Platform
import SQLKit
import Territory
import TestSupport
import Testing

/// A small hand-made town for the life-circle tests: an 8 × 3 street grid at 200 m spacing, community A on the
/// western half, B on the eastern half, C far away in another district; households on a few nodes; facilities of
/// four categories; officials of every level.
enum LivabilityFixture {
    static let communityA = "510104003001"
    static let communityB = "510104003002"
    static let communityC = "510105001001"
    static let password = "Furong-Garden-42"
    static let totpSecret = "TestSecretForTOTP123"
    static let origin = (lon: 104.0, lat: 30.6)
    static let spacing = 200.0
    static let metersPerLat = 111_195.0
    static let metersPerLon = 111_195.0 * cos(30.6 * Double.pi / 180)

    /// Node id of grid column `x`, row `y` (C's two nodes are 25 and 26).
    static func node(_ x: Int, _ y: Int) -> Int64 { Int64(1 + y * 8 + x) }

    static func position(_ x: Double, _ y: Double) -> (lon: Double, lat: Double) {
        (self.origin.lon + x / self.metersPerLon, self.origin.lat + y / self.metersPerLat)
    }

    static var nodes: [NetworkRepository.Node] {
        var nodes: [NetworkRepository.Node] = []
        for y in 0..<3 {
            for x in 0..<8 {
                let p = self.position(Double(x) * self.spacing, Double(y) * self.spacing)
                nodes.append(
                    .init(
                        id: self.node(x, y), divisionCode: x < 4 ? self.communityA : self.communityB, lon: p.lon,
                        lat: p.lat))
            }
        }
        let far = self.position(20_000, 0)
        let farther = self.position(20_150, 0)
        nodes.append(.init(id: 25, divisionCode: self.communityC, lon: far.lon, lat: far.lat))
        nodes.append(.init(id: 26, divisionCode: self.communityC, lon: farther.lon, lat: farther.lat))
        return nodes
    }

    static var edges: [NetworkRepository.Edge] {
        var edges: [NetworkRepository.Edge] = []
        for y in 0..<3 {
            for x in 0..<8 {
                if x + 1 < 8 {
                    edges.append(.init(from: self.node(x, y), to: self.node(x + 1, y), meters: self.spacing))
                }
                if y + 1 < 3 {
                    edges.append(.init(from: self.node(x, y), to: self.node(x, y + 1), meters: self.spacing))
                }
            }
        }
        edges.append(.init(from: 25, to: 26, meters: 150))
        return edges
    }

    /// (household id, community, node, size): A has 6 households, B 6, C 1.
    static let households: [(Int64, String, Int64, Int)] = [
        (1, communityA, node(0, 0), 1), (2, communityA, node(0, 0), 1), (3, communityA, node(0, 0), 1),
        (4, communityA, node(2, 2), 2), (5, communityA, node(2, 2), 3), (6, communityA, node(3, 0), 2),
        (7, communityB, node(5, 1), 1), (8, communityB, node(5, 1), 1), (9, communityB, node(7, 0), 4),
        (10, communityB, node(7, 0), 2), (11, communityB, node(7, 0), 1), (12, communityB, node(7, 0), 1),
        (13, communityC, 26, 2),
    ]

    /// (category, grid x, grid y, community): the registered facilities.
    static let facilities: [(FacilityCategory, Int, Int, String)] = [
        (.school, 0, 0, communityA), (.clinic, 7, 2, communityB), (.communityService, 3, 1, communityA),
        (.communityService, 4, 1, communityB), (.grocery, 2, 1, communityA),
    ]

    /// The officials: username → (role, scope).
    static let officials: [(String, Role, String)] = [
        ("worker.a", .communityWorker, communityA), ("worker.b", .communityWorker, communityB),
        ("street", .streetOfficer, "510104003"), ("city", .cityOfficer, "510100"),
        ("auditor", .auditor, "510100"),
    ]

    /// A valid ID number for the n-th test person.
    static func idNumber(_ n: Int) -> String {
        IDNumber(region: "510104", year: 1980 + n % 30, month: 1 + n % 12, day: 1 + n % 28, sequence: 100 + n).value
    }

    static func phone(_ n: Int) -> String { "139" + String(format: "%08d", n) }

    /// Divisions, the register (residents 1 and 9 head households 1 and 9), the network, dwellings, facilities.
    static func prepare(_ database: Database) async throws {
        try await self.prepareTown(database)
        let service = IdentityService(database: database, cipher: try TestApp.cipher, hasher: PasswordHasher(cost: 4))
        for (username, role, scope) in self.officials {
            _ = try await service.createOfficial(
                username: username, name: username, role: role, scope: scope, password: self.password,
                totpSecret: self.totpSecret, divisions: DivisionRepository(database: database))
        }
    }

    /// Everything but the officials.
    static func prepareTown(_ database: Database) async throws {
        try await DivisionRepository(database: database).upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: "510105", name: "青羊区", level: .district, parentCode: "510100"),
            Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(code: "510105001", name: "少城街道", level: .street, parentCode: "510105"),
            Division(code: communityA, name: "社区甲", level: .community, parentCode: "510104003"),
            Division(code: communityB, name: "社区乙", level: .community, parentCode: "510104003"),
            Division(code: communityC, name: "社区丙", level: .community, parentCode: "510105001"),
        ])
        let cipher = try TestApp.cipher
        try await database.withConnection { sql in
            for (id, community, _, size) in self.households {
                try await sql.insert(into: "households").columns("id", "community_code", "address", "size")
                    .values(SQLBind(id), SQLBind(community), SQLBind("\(id)栋1单元10\(id)号"), SQLBind(size)).run()
            }
            for n in [1, 9] {
                let id = self.idNumber(n)
                try await sql.insert(into: "residents")
                    .columns(
                        "id", "household_id", "community_code", "name", "gender", "birth_date", "relation",
                        "id_number_hash", "id_number_enc"
                    )
                    .values(
                        SQLBind(n), SQLBind(n), SQLBind(n == 1 ? communityA : communityB), SQLBind("居民\(n)"),
                        SQLBind("F"), SQLBind("1990-01-01"), SQLBind("head"), SQLBind(cipher.lookupHash(id)),
                        SQLBind(Data(cipher.seal(id)))
                    ).run()
            }
        }
        let positions = Dictionary(uniqueKeysWithValues: self.nodes.map { ($0.id, $0) })
        try await NetworkRepository(database: database).replace(
            nodes: self.nodes, edges: self.edges,
            dwellings: self.households.map { id, community, node, _ in
                .init(
                    householdID: id, communityCode: community, nodeID: node, lon: positions[node]!.lon,
                    lat: positions[node]!.lat)
            })
        let repository = FacilityRepository(database: database)
        for (category, x, y, community) in self.facilities {
            let p = positions[self.node(x, y)]!
            _ = try await repository.insert(
                .init(
                    NewFacility(
                        communityCode: community, category: category, name: "\(category.rawValue) \(x),\(y)",
                        lon: p.lon,
                        lat: p.lat, source: .manual),
                    nodeID: self.node(x, y)))
        }
    }
}

/// JSON helpers over the test client.
extension TestClientProtocol {
    func send(
        _ method: HTTPRequest.Method, _ uri: String, json: String? = nil, token: String? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if json != nil { headers[.contentType] = "application/json" }
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await self.execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// An access token for an official of the fixture.
    func officialToken(_ username: String) async throws -> String {
        let otp = String(format: "%06d", TOTP(secret: LivabilityFixture.totpSecret).compute(date: Date()))
        let response = try await self.send(
            .post, "/api/v1/auth/login",
            json: #"{"username":"\#(username)","password":"\#(LivabilityFixture.password)","otp":"\#(otp)"}"#)
        #expect(response.status == .ok, "\(username): \(String(buffer: response.body))")
        return try response.json(TokenResponse.self).accessToken
    }

    /// Registers register person `n` (1 or 9 are in the register) and returns an access token.
    func residentToken(_ n: Int) async throws -> String {
        let registered = try await self.send(
            .post, "/api/v1/residents",
            json: #"{"name":"居民\#(n)","idNumber":"\#(LivabilityFixture.idNumber(n))","#
                + #""phone":"\#(LivabilityFixture.phone(n))","password":"\#(LivabilityFixture.password)"}"#)
        #expect(registered.status == .created, "\(String(buffer: registered.body))")
        let response = try await self.send(
            .post, "/api/v1/auth/login",
            json: #"{"username":"\#(LivabilityFixture.phone(n))","password":"\#(LivabilityFixture.password)"}"#)
        #expect(response.status == .ok)
        return try response.json(TokenResponse.self).accessToken
    }
}

extension TestResponse {
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(buffer: self.body))
    }

    /// The decoded JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: self.body)) as? [String: Any]) ?? [:]
    }

    /// The `code` of a problem+json body.
    var problemCode: String? { self.object["code"] as? String }
}
