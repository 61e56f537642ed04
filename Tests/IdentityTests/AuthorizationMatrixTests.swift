import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Every role against every protected route")
struct AuthorizationMatrixTests {
    /// Who may do what: the expected status per official for each route, on residents of communities A and B.
    struct Expectation {
        let listCount: Int?  // nil: the list is refused with 403
        let readA: Int
        let readB: Int
        let confirmA: Int
        let audit: Int
    }

    static let expectations: [String: Expectation] = [
        "worker.a": Expectation(listCount: 1, readA: 200, readB: 404, confirmA: 200, audit: 403),
        "worker.b": Expectation(listCount: 1, readA: 404, readB: 200, confirmA: 404, audit: 403),
        "street": Expectation(listCount: 2, readA: 200, readB: 200, confirmA: 403, audit: 403),
        "district": Expectation(listCount: 2, readA: 200, readB: 200, confirmA: 403, audit: 403),
        "other.district": Expectation(listCount: 1, readA: 404, readB: 404, confirmA: 403, audit: 403),
        "city": Expectation(listCount: 3, readA: 200, readB: 200, confirmA: 403, audit: 403),
        "department": Expectation(listCount: nil, readA: 403, readB: 403, confirmA: 403, audit: 403),
        "auditor": Expectation(listCount: nil, readA: 403, readB: 403, confirmA: 403, audit: 200),
        "admin": Expectation(listCount: nil, readA: 403, readB: 403, confirmA: 403, audit: 403),
    ]

    @Test("the matrix holds", arguments: TestBackend.available)
    func matrix(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            var ids: [Int: String] = [:]
            for n in 1...3 {
                let response = try await client.registerResident(n)
                ids[n] = try response.json(ProfileBody.self).id
            }
            let (a, b) = (ids[1]!, ids[2]!)
            // A TOTP code signs in once (replays are refused), so each official signs in once for the whole matrix.
            var tokens: [String: String] = [:]
            for (username, _, _) in IdentityFixture.officials {
                tokens[username] = try await client.officialToken(username)
            }
            let resident = try await client.signIn(IdentityFixture.phone(1)).json(TokenResponse.self).accessToken
            // Residents and anonymous callers reach none of the officials' routes.
            for token in [resident, nil] as [String?] {
                let expected: Int = token == nil ? 401 : 403
                #expect(try await client.get("/api/v1/residents", token: token).status.code == expected)
                #expect(try await client.get("/api/v1/residents/\(a)", token: token).status.code == expected)
                #expect(
                    try await client.post("/api/v1/residents/\(a)/confirmation", json: "", token: token).status.code
                        == expected)
                #expect(try await client.get("/api/v1/audit", token: token).status.code == expected)
            }
            for (username, expectation) in Self.expectations.sorted(by: { $0.key < $1.key }) {
                let token = tokens[username]!
                let list = try await client.get("/api/v1/residents", token: token)
                if let count = expectation.listCount {
                    #expect(list.status == .ok, "\(username)")
                    #expect(try list.json(PageBody.self).items.count == count, "\(username)")
                } else {
                    #expect(list.status == .forbidden, "\(username)")
                }
                #expect(
                    try await client.get("/api/v1/residents/\(a)", token: token).status.code == expectation.readA,
                    "\(username) reads A")
                #expect(
                    try await client.get("/api/v1/residents/\(b)", token: token).status.code == expectation.readB,
                    "\(username) reads B")
                #expect(
                    try await client.get("/api/v1/audit", token: token).status.code == expectation.audit,
                    "\(username) audit")
                if expectation.confirmA != 200 {
                    let status = try await client.post("/api/v1/residents/\(a)/confirmation", json: "", token: token)
                        .status.code
                    #expect(status == expectation.confirmA, "\(username) confirms A")
                }
            }
            // Last, the one allowed confirmation: A's own community worker raises A to L3, and it is audited.
            let worker = tokens["worker.a"]!
            let confirmed = try await client.post("/api/v1/residents/\(a)/confirmation", json: "", token: worker)
            #expect(confirmed.status == .ok)
            #expect(try confirmed.json(ProfileBody.self).level == 3)
            let auditor = tokens["auditor"]!
            let audit = String(buffer: try await client.get("/api/v1/audit?limit=200", token: auditor).body)
            #expect(audit.contains("L2→L3"))
        }
    }

    @Test("only a platform administrator creates officials, inside its scope", arguments: TestBackend.available)
    func createOfficials(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            func body(_ username: String, role: String = "community_worker", division: String = "510104003002")
                -> String
            {
                #"{"username":"\#(username)","name":"新同事","role":"\#(role)","division":"\#(division)","#
                    + #""password":"Sufficiently-long-9"}"#
            }
            #expect(try await client.post("/api/v1/officials", json: body("new.one")).status == .unauthorized)
            for username in ["city", "district", "auditor", "department", "worker.a"] {
                let token = try await client.officialToken(username)
                let refused = try await client.post("/api/v1/officials", json: body("new.one"), token: token)
                #expect(refused.status == .forbidden, "\(username)")
            }
            let admin = try await client.officialToken("admin")
            let created = try await client.post("/api/v1/officials", json: body("new.one"), token: admin)
            #expect(created.status == .created, "\(String(buffer: created.body))")
            #expect((OIDCFixture.object(created)["otpauthURI"] as? String)?.hasPrefix("otpauth://totp/") == true)
            #expect(try await client.post("/api/v1/officials", json: body("new.one"), token: admin).status == .conflict)
            let nowhere = try await client.post(
                "/api/v1/officials", json: body("new.two", division: "510199"), token: admin)
            #expect(nowhere.problemCode == "invalid_parameter")
            let resident = try await client.post(
                "/api/v1/officials", json: body("new.three", role: "resident"), token: admin)
            #expect(resident.status == .badRequest)
        }
    }

    @Test("the audit log pages with a cursor", arguments: TestBackend.available)
    func auditPaging(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            let auditor = try await client.officialToken("auditor")
            var seen: [Int64] = []
            var cursor: String?
            repeat {
                let uri = "/api/v1/audit?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.get(uri, token: auditor).json(AuditPage.self)
                seen += page.items.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen.count >= 10)  // nine officials created, one sign-in
            #expect(seen == seen.sorted(by: >))
            #expect(Set(seen).count == seen.count)
        }
    }
}

struct PageBody: Decodable {
    let items: [ProfileBody]
    let nextCursor: String?
}

struct AuditPage: Decodable {
    let items: [AuditEntry]
    let nextCursor: String?
}
