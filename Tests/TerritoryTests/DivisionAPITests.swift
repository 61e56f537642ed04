import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Platform
import Territory
import TestSupport
import Testing

/// Imports the real divisions before the application starts.
let importDivisions: @Sendable (Database) async throws -> Void = { database in
    try await DivisionImporter(database: database).importCSV(
        try TestApp.dataFile("chengdu-divisions.csv"), fileName: "chengdu-divisions.csv"
    )
}

private struct ListBody: Decodable {
    let items: [Division]
    let nextCursor: String?
}

private struct DetailBody: Decodable {
    struct Counts: Decodable {
        let children: Int
        let districts: Int
        let streets: Int
        let communities: Int
    }
    let division: Division
    let ancestors: [Division]
    let childCounts: Counts
}

private struct ProblemBody: Decodable {
    let status: Int
    let code: String
    let detail: String
    let type: String
    let title: String
}

private func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(buffer: response.body))
}

@Suite("Division API")
struct DivisionAPITests {
    @Test("the detail cache serves fresh entries and drops expired ones")
    func cache() async throws {
        let cache = DivisionDetailCache(lifetime: .milliseconds(50), capacity: 2)
        cache.store(ByteBuffer(string: "a"), for: "510104")
        #expect(cache.value(for: "510104") == ByteBuffer(string: "a"))
        try await Task.sleep(for: .milliseconds(80))
        #expect(cache.value(for: "510104") == nil)
        cache.store(ByteBuffer(string: "b"), for: "510105")
        cache.removeAll()
        #expect(cache.value(for: "510105") == nil)
    }

    @Test("lists districts and a district's streets; searches by name", arguments: TestBackend.available)
    func listsAndFilters(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: importDivisions) { client in
            let districts = try await client.execute(uri: "/api/v1/divisions?level=district", method: .get)
            #expect(districts.status == .ok)
            let body = try decode(ListBody.self, districts)
            #expect(body.items.count == 20)
            #expect(body.nextCursor == nil)
            #expect(body.items.first?.name == "锦江区")

            let streets = try decode(
                ListBody.self, try await client.execute(uri: "/api/v1/divisions?parent=510104", method: .get)
            )
            #expect(streets.items.count == 11)
            #expect(streets.items.allSatisfy { $0.parentCode == "510104" && $0.level == .street })

            let search = try decode(
                ListBody.self,
                try await client.execute(uri: "/api/v1/divisions?q=%E6%98%A5%E7%86%99", method: .get)
            )
            #expect(search.items.map(\.code) == ["510104003"])
            let percent = try decode(
                ListBody.self, try await client.execute(uri: "/api/v1/divisions?q=%25", method: .get))
            #expect(percent.items.isEmpty)
        }
    }

    @Test("cursor pagination walks every street exactly once", arguments: TestBackend.available)
    func paginates(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: importDivisions) { client in
            var seen: [String] = []
            var cursor: String? = nil
            var pages = 0
            repeat {
                let uri = "/api/v1/divisions?level=street&limit=50" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try decode(ListBody.self, try await client.execute(uri: uri, method: .get))
                seen += page.items.map(\.code)
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil && pages < 20
            #expect(pages == 6)
            #expect(seen.count == 261)
            #expect(Set(seen).count == 261)
            #expect(seen == seen.sorted())
        }
    }

    @Test("a division comes with its ancestors and subtree counts", arguments: TestBackend.available)
    func detail(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: importDivisions) { client in
            let street = try decode(
                DetailBody.self, try await client.execute(uri: "/api/v1/divisions/510104003", method: .get))
            #expect(street.division.name == "春熙路街道")
            #expect(street.ancestors.map(\.code) == ["510100", "510104"])
            #expect(street.childCounts.children == 0)

            let city = try decode(
                DetailBody.self, try await client.execute(uri: "/api/v1/divisions/510100", method: .get))
            #expect(city.ancestors.isEmpty)
            #expect(city.childCounts.children == 20)
            #expect(city.childCounts.districts == 20)
            #expect(city.childCounts.streets == 261)

            let jianyang = try decode(
                DetailBody.self, try await client.execute(uri: "/api/v1/divisions/510185", method: .get))
            #expect(jianyang.childCounts.streets == 37)
        }
    }

    @Test(
        "bad input gets problem+json with a stable code",
        arguments: [
            ("/api/v1/divisions/999999", HTTPResponse.Status.notFound, "division_not_found"),
            ("/api/v1/divisions/abc", .notFound, "division_not_found"),
            ("/api/v1/divisions?cursor=%21%21", .badRequest, "invalid_cursor"),
            ("/api/v1/divisions?limit=1000", .badRequest, "invalid_parameter"),
            ("/api/v1/divisions?limit=ten", .badRequest, "invalid_parameter"),
            ("/api/v1/divisions?level=province", .badRequest, "invalid_parameter"),
            ("/api/v1/divisions?parent=51x", .badRequest, "invalid_parameter"),
            ("/api/v1/divisions?sort=name", .badRequest, "unknown_parameter"),
            ("/api/v1/divisions?level=city&level=street", .badRequest, "invalid_parameter"),
            ("/api/v1/nothing-here", .notFound, "not_found"),
        ]
    )
    func badInput(uri: String, status: HTTPResponse.Status, code: String) async throws {
        try await TestApp.with(.sqlite, prepare: importDivisions) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == status)
            #expect(response.headers[.contentType] == "application/problem+json; charset=utf-8")
            let problem = try decode(ProblemBody.self, response)
            #expect(problem.code == code)
            #expect(problem.status == Int(status.code))
            #expect(!problem.detail.isEmpty)
        }
    }

    @Test("errors speak English when asked")
    func englishProblem() async throws {
        try await TestApp.with(.sqlite, prepare: importDivisions) { client in
            let response = try await client.execute(
                uri: "/api/v1/divisions/999999", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.8"]
            )
            let problem = try decode(ProblemBody.self, response)
            #expect(problem.detail == "No division has the code '999999'.")
        }
    }
}
