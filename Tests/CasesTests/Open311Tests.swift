import Cases
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Platform
import TestSupport
import Testing

/// Open311 GeoReport v2 as a plain client uses it: form posts, JSON and XML answers, the standard's errors.
@Suite struct Open311Tests {
    static let keyFile = "open311-key"

    func form(_ client: some TestClientProtocol, _ path: String, _ body: String) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
    }

    func json(_ response: TestResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body))
    }

    @Test(arguments: TestBackend.available)
    func clientRoundTrip(_ backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: CasesFixture.standard) { client, database in
            let key = try await Open311Keys(database: database).create(name: "FixMyStreet test").key
            // Discovery and services, JSON and XML.
            let discovery = try self.json(try await client.execute(uri: "/open311/v2/discovery.json", method: .get))
            let endpoints = try #require((discovery as? [String: Any])?["endpoints"] as? [[String: Any]])
            #expect(endpoints.first?["specification"] as? String == "http://wiki.open311.org/GeoReport_v2")
            let services = try #require(
                try self.json(try await client.execute(uri: "/open311/v2/services.json", method: .get))
                    as? [[String: Any]])
            #expect(services.contains { $0["service_code"] as? String == "street-light" })
            let xml = try await client.execute(uri: "/open311/v2/services.xml", method: .get)
            #expect(xml.headers[.contentType] == "text/xml; charset=utf-8")
            #expect(String(buffer: xml.body).contains("<services><service><service_code>gas-leak</service_code>"))
            let definition = try await client.execute(uri: "/open311/v2/services/noise.json", method: .get)
            #expect(String(buffer: definition.body).contains(#""attributes":[]"#))

            // POST requests, form-encoded, as FixMyStreet sends it.
            let body =
                "api_key=\(key)&service_code=street-light&lat=30.65&long=104.07&address_id=\(CasesFixture.communityA)"
                + "&description=%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE+3%E5%A4%A9%E4%BA%86&first_name=Li&phone=13900001111"
            let posted = try await self.form(client, "/open311/v2/requests.json", body)
            #expect(posted.status == .created, "\(String(buffer: posted.body))")
            let created = try #require(try self.json(posted) as? [[String: Any]])
            let id = try #require(created.first?["service_request_id"] as? String)

            let one = try #require(
                try self.json(try await client.execute(uri: "/open311/v2/requests/\(id).json", method: .get))
                    as? [[String: Any]])
            #expect(one.first?["status"] as? String == "open")
            #expect(one.first?["service_code"] as? String == "street-light")
            #expect(one.first?["address_id"] as? String == CasesFixture.communityA)
            // No personal data: the contact never appears.
            let oneXML = String(
                buffer: try await client.execute(uri: "/open311/v2/requests/\(id).xml", method: .get).body)
            #expect(oneXML.contains("<service_requests><request><service_request_id>\(id)</service_request_id>"))
            #expect(!oneXML.contains("13900001111") && !oneXML.contains("Li"))
            let token = try #require(
                try self.json(try await client.execute(uri: "/open311/v2/tokens/\(id).json", method: .get))
                    as? [[String: Any]])
            #expect(token.first?["service_request_id"] as? String == id)

            // Filters and paging.
            let filtered = try #require(
                try self.json(
                    try await client.execute(
                        uri:
                            "/open311/v2/requests.json?service_code=street-light,noise&status=open&page=1&page_size=10",
                        method: .get)) as? [[String: Any]])
            #expect(filtered.map { $0["service_request_id"] as? String } == [id])
            let closed = try #require(
                try self.json(try await client.execute(uri: "/open311/v2/requests.json?status=closed", method: .get))
                    as? [[String: Any]])
            #expect(closed.isEmpty)
            let page2 = try #require(
                try self.json(
                    try await client.execute(uri: "/open311/v2/requests.json?page=2&page_size=1", method: .get))
                    as? [[String: Any]])
            #expect(page2.isEmpty)

            // Updates: the handler accepts it; the feed shows it; a client posts a comment.
            let worker = try await client.token("worker.a")
            #expect(try await client.transition(id, "accept", token: worker).status == .ok)
            let feed = try #require(
                try self.json(try await client.execute(uri: "/open311/v2/servicerequestupdates.json", method: .get))
                    as? [String: Any])
            let updates = try #require(feed["service_request_updates"] as? [[String: Any]])
            #expect(updates.first?["status"] as? String == "ACTION_SCHEDULED")
            let comment = try await self.form(
                client, "/open311/v2/servicerequestupdates.json",
                "api_key=\(key)&service_request_id=\(id)&description=Still+dark+tonight&status=OPEN")
            #expect(comment.status == .ok, "\(String(buffer: comment.body))")
        }
    }

    @Test(arguments: TestBackend.available)
    func errorsInTheStandardFormat(_ backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: CasesFixture.standard) { client, database in
            let key = try await Open311Keys(database: database).create(name: "test").key
            let cases: [(String, Int)] = [
                (
                    "service_code=noise&lat=30.6&long=104.0&address_id=\(CasesFixture.communityA)&description=too+loud+here",
                    403
                ),
                ("api_key=wrong&service_code=noise&lat=30.6&long=104.0&description=too+loud+here", 403),
                ("api_key=\(key)&lat=30.6&long=104.0&address_id=\(CasesFixture.communityA)&description=too+loud", 400),
                (
                    "api_key=\(key)&service_code=ufo&lat=30.6&long=104.0&address_id=\(CasesFixture.communityA)&description=too+loud",
                    400
                ),
                (
                    "api_key=\(key)&service_code=noise&lat=39.9&long=116.4&address_id=\(CasesFixture.communityA)&description=too+loud",
                    400
                ),
                ("api_key=\(key)&service_code=noise&lat=30.6&long=104.0&description=too+loud+here", 400),
            ]
            for (body, code) in cases {
                let response = try await self.form(client, "/open311/v2/requests.json", body)
                #expect(Int(response.status.code) == code, "\(body)")
                let errors = try #require(try self.json(response) as? [[String: Any]], "\(body)")
                #expect(errors.first?["code"] as? Int == code)
                #expect((errors.first?["description"] as? String)?.isEmpty == false)
            }
            let xml = try await self.form(client, "/open311/v2/requests.xml", "service_code=noise")
            #expect(String(buffer: xml.body).contains("<errors><error><code>403</code>"))
            let missing = try await client.execute(uri: "/open311/v2/requests/nope.json", method: .get)
            #expect(missing.status == .notFound)
            let badDate = try await client.execute(uri: "/open311/v2/requests.json?start_date=yesterday", method: .get)
            #expect(badDate.status == .badRequest)
            let count = try await client.execute(uri: "/open311/v2/requests.json", method: .get)
            #expect(String(buffer: count.body) == "[]")
        }
    }
}
