import App
import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Listing and method contracts")
struct ListingContractTests {
    /// An unsigned cursor of the old form and a signed one with its key changed.
    static func forgedCursors() -> [String] {
        let encode = { (text: String) in
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        let signature = Cursor(after: "1").token.split(separator: ".")[1]
        return [encode("k:1"), encode("k:zzz") + "." + signature, encode("k:1700000000|zz|x") + "." + signature]
    }

    @Test("every listing answers a forged cursor with 400 invalid_cursor", arguments: TestBackend.available)
    func forgedCursor(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            let resident = try await client.signIn(IdentityFixture.phone(1)).json(TokenResponse.self).accessToken
            let auditor = try await client.officialToken("auditor")
            let city = try await client.officialToken("city")
            let staff = try await client.officialToken("department")
            let listings: [(String, String?)] = [
                ("/api/v1/divisions", nil), ("/api/v1/services", nil), ("/api/v1/places", nil),
                ("/api/v1/communities/\(IdentityFixture.communityA)/facilities", nil),
                ("/api/v1/me/notifications", resident), ("/api/v1/me/applications", resident),
                ("/api/v1/me/appointments", resident), ("/api/v1/me/affairs", resident),
                ("/api/v1/me/bills", resident), ("/api/v1/me/payments", resident), ("/api/v1/audit", auditor),
                ("/api/v1/residents", city), ("/api/v1/staff/applications", staff),
            ]
            for (path, token) in listings {
                for cursor in Self.forgedCursors() {
                    let response = try await client.get(path + "?cursor=" + cursor, token: token)
                    #expect(response.status == .badRequest, "\(path): \(String(buffer: response.body))")
                    #expect(response.problemCode == "invalid_cursor", "\(path)")
                }
            }
        }
    }

    @Test("a method a documented path does not take is 405 with Allow; an unknown path stays 404")
    func methodNotAllowed() async throws {
        try await TestApp.with(.sqlite) { client in
            for (method, path, allow) in [
                (HTTPRequest.Method.post, "/api/v1/divisions", "GET"), (.delete, "/api/v1/me", "GET"),
                (.get, "/api/v1/auth/login", "POST"), (.put, "/api/v1/divisions/510104", "GET"),
                (.get, "//api/v1/auth/login", "POST"),
            ] {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allow, "\(method) \(path)")
                #expect(response.problemCode == "method_not_allowed")
            }
            #expect(try await client.execute(uri: "/api/v1/no-such-thing", method: .post).status == .notFound)
        }
    }
}

@Suite("Registration and officials refuse disguised or dangling data")
struct RegistrationRulesTests {
    @Test(
        "names with bidi overrides or piled combining marks are invalid_text; future birth dates are refused",
        arguments: TestBackend.available)
    func names(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            for name in ["居民\u{202E}1", "Zal\u{0351}\u{0352}\u{0353}\u{0354}go"] {
                let response = try await client.registerResident(5, name: name)
                #expect(response.status == .badRequest)
                #expect(response.problemCode == "invalid_text")
            }
            let future = IDNumber(region: "510104", year: 2999, month: 1, day: 1, sequence: 5).value
            let response = try await client.post(
                "/api/v1/residents",
                json: #"{"name":"居民5","idNumber":"\#(future)","phone":"13900000005","password":"Furong-Garden-42"}"#)
            #expect(response.status == .badRequest)
            #expect(response.problemCode == "invalid_id_number")
        }
    }

    @Test("department staff must belong to a department of the catalog", arguments: TestBackend.available)
    func staffDepartment(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: Self.withCatalog) { client in
            let admin = try await client.officialToken("admin")
            let body = { (division: String) in
                #"{"username":"staff.\#(division)","name":"员工","role":"department_staff","division":"\#(division)","password":"Furong-Garden-42"}"#
            }
            let unknown = try await client.post("/api/v1/officials", json: body("cd-nowhere"), token: admin)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.problemCode == "unknown_department")
            let known = try await client.post("/api/v1/officials", json: body("cd-health"), token: admin)
            #expect(known.status == .created, "\(String(buffer: known.body))")
        }
    }

    /// The identity fixture plus the shipped service catalog.
    static func withCatalog(_ database: Database) async throws {
        try await IdentityFixture.prepare(database)
        try await TestApp.importCatalog(database)
    }
}
