import App
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Platform
import TestSupport
import Testing

@Suite("Control characters and media types at the edge")
struct EdgeHygieneTests {
    /// A request carrying a control character somewhere a route reads input.
    struct Case: Sendable, CustomTestStringConvertible {
        let method: HTTPRequest.Method
        let uri: String
        var json: String? = nil
        var form: String? = nil
        var headers: HTTPFields = [:]
        var testDescription: String { "\(self.method) \(self.uri)" }
    }

    static let cases: [Case] = [
        Case(method: .post, uri: "/api/v1/auth/login", json: #"{"username":"a\u0000b","password":"x"}"#),
        Case(
            method: .post, uri: "/api/v1/residents",
            json: #"{"name":"张\u0000三","idNumber":"1","phone":"1","password":"x"}"#),
        Case(method: .post, uri: "/api/v1/residents", json: #"{"name":"张\b三","idNumber":"1","phone":"1"}"#),
        Case(method: .get, uri: "/api/v1/divisions?q=%00"),
        Case(method: .get, uri: "/api/v1/divisions?q=a%0Ab"),
        Case(method: .get, uri: "/api/v1/divisions?cursor=%00abc"),
        Case(method: .get, uri: "/api/v1/me/notifications?cursor=a%01"),
        Case(method: .get, uri: "/api/v1/audit?action=auth.login%00"),
        Case(method: .get, uri: "/api/v1/services?q=%1F"),
        Case(method: .get, uri: "/divisions?q=%00"),
        Case(method: .get, uri: "/api/v1/divisions/%00"),
        Case(
            method: .post, uri: "/api/v1/bills",
            json: #"{"serviceId":"water-bill","title":"水费\u0000","amountFen":100,"dueDate":"2030-01-01"}"#),
        Case(method: .post, uri: "/api/v1/places", json: #"{"id":"p","name":"医院\u0000","kind":"hospital"}"#),
        Case(method: .post, uri: "/signin", form: "username=a%00b&password=x&csrf=c"),
        Case(method: .post, uri: "/console/login", form: "username=a%00&password=x&csrf=c"),
        Case(method: .post, uri: "/oauth/token", form: "grant_type=client_credentials%00"),
    ]

    @Test(
        "a control character anywhere in the input is 400 invalid_characters, never a 5xx",
        arguments: TestBackend.available)
    func refused(backend: TestBackend) async throws {
        try await TestApp.with(backend) { client in
            for item in Self.cases {
                var headers = item.headers
                headers[.accept] = "application/json"
                if item.json != nil { headers[.contentType] = "application/json" }
                if item.form != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
                let response = try await client.execute(
                    uri: item.uri, method: item.method, headers: headers,
                    body: (item.json ?? item.form).map { ByteBuffer(string: $0) })
                #expect(response.status == .badRequest, "\(item.testDescription)")
                #expect(Self.code(response) == "invalid_characters", "\(item.testDescription)")
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            }
        }
    }

    @Test("tabs and line breaks are still allowed in bodies, escaped or not")
    func lineBreaksAllowed() {
        #expect(!ControlCharacters.inJSON(Array(#"{"a":"x\ny\t\r\u000a"}"#.utf8)))
        #expect(ControlCharacters.inJSON(Array(#"{"a":"x\u0000"}"#.utf8)))
        #expect(!ControlCharacters.inJSON(Array(#"{"a":"x\\u0000"}"#.utf8)))
        #expect(!ControlCharacters.inPercentEncoded(Array("a=x%0Ay%09".utf8), allowLineBreaks: true))
        #expect(ControlCharacters.inPercentEncoded(Array("a=x%0Ay".utf8)))
    }

    @Test("a JSON route refuses other media types with 415 and explains bad fields without Swift names")
    func mediaTypesAndMessages() async throws {
        try await TestApp.with(.sqlite) { client in
            for type in ["text/plain", "application/x-www-form-urlencoded", "application/xml"] {
                let response = try await client.execute(
                    uri: "/api/v1/auth/login", method: .post, headers: [.contentType: type],
                    body: ByteBuffer(string: #"{"username":"a","password":"b"}"#))
                #expect(response.status == .unsupportedMediaType, "\(type)")
                #expect(Self.code(response) == "unsupported_media_type")
            }
            let json = try await client.execute(
                uri: "/api/v1/auth/login", method: .post,
                headers: [.contentType: "application/json; charset=utf-8", .acceptLanguage: "en"],
                body: ByteBuffer(string: #"{"username":7,"password":"b"}"#))
            #expect(json.status == .badRequest)
            #expect(Self.code(json) == "invalid_body")
            let text = String(buffer: json.body)
            #expect(text.contains("username"))
            for leak in ["Swift", "String.Type", "CodingKeys", "debugDescription", "Expected to decode"] {
                #expect(!text.contains(leak), "\(text)")
            }
        }
    }

    static func code(_ response: TestResponse) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["code"] as? String
    }
}
