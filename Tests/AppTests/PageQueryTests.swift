import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@Suite("Pages and unknown query parameters")
struct PageQueryTests {
    /// What WeChat and campaign links append to every shared URL.
    static let shared = "from=singlemessage&isappinstalled=0&utm_source=wechat&utm_medium=share"

    @Test("every page ignores parameters it does not know; the API stays strict", arguments: TestBackend.available)
    func pagesIgnoreUnknownParameters(backend: TestBackend) async throws {
        try await TestApp.with(backend) { client in
            let pages = [
                "/", "/services", "/bills", "/me/affairs", "/me/notifications",
                "/signin", "/console", "/divisions", "/divisions/510104", "/near-me", "/appointments",
                "/open/services",
            ]
            for page in pages {
                let response = try await client.execute(uri: page + "?" + Self.shared, method: .get)
                #expect(response.status != .badRequest, "\(page): \(response.status)")
                let plain = try await client.execute(uri: page, method: .get)
                #expect(response.status == plain.status, "\(page)")
            }
            let api = try await client.execute(uri: "/api/v1/divisions?" + Self.shared, method: .get)
            #expect(api.status == .badRequest)
            #expect(String(buffer: api.body).contains("unknown_parameter"))
        }
    }
}
