import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Identity
import Platform
import Synchronization
import Territory
import TestSupport
import Testing

/// The client id registered before the provider starts.
private final class ClientBox: Sendable {
    let id = Mutex<String>("")
}

@Suite("Single sign-on in a browser", .enabled(if: WebDriver.isAvailable, "chromedriver is not installed"), .serialized)
struct SingleSignOnBrowserTests {
    static let password = "Tianfu-Square-2018"

    @Test("a resident signs in at the provider, consents, and lands back at the department with a code")
    func signInAndConsent() async throws {
        // The department's site: its callback shows the code and state it received.
        let router = Router()
        router.get("/cb") { request, _ -> Response in
            let code = request.uri.queryParameters.get("code") ?? "none"
            let state = request.uri.queryParameters.get("state") ?? "none"
            let html = "<html><body><p id=code>\(code)</p><p id=state>\(state)</p></body></html>"
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: .init(string: html)))
        }
        let department = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await department.test(.live) { departmentClient in
            let callback = "http://127.0.0.1:\(try #require(departmentClient.port))/cb"
            let box = ClientBox()
            let prepare: @Sendable (Database) async throws -> Void = { database in
                let (client, _) = try await ClientRepository(database: database).create(
                    name: "交通出行", redirectURIs: [callback], scopes: ["openid", "profile"], confidential: true,
                    pairwise: true)
                box.id.withLock { $0 = client.clientID }
                let service = IdentityService(
                    database: database, cipher: try TestApp.cipher, hasher: PasswordHasher(cost: 4))
                _ = try await service.registerResident(
                    .init(
                        name: "王芳",
                        idNumber: IDNumber(region: "510104", year: 1990, month: 3, day: 8, sequence: 222).value,
                        phone: "13912340000", password: Self.password), address: nil)
            }
            try await TestApp.with(.sqlite, framework: .live, prepare: prepare) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                let query = [
                    "response_type=code", "client_id=\(box.id.withLock { $0 })",
                    "redirect_uri=\(callback.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
                    "scope=openid%20profile", "state=xyz",
                    "code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method=S256",
                    "lang=zh",
                ].joined(separator: "&")
                try await WebDriver.withSession(viewport: .phone) { browser in
                    try await browser.navigate(to: base + "/oauth/authorize?" + query)
                    #expect(try await browser.waitForElement(css: "#client-name").text == "交通出行")
                    try await browser.findElement(css: "#username").sendKeys("13912340000")
                    try await browser.findElement(css: "#password").sendKeys(Self.password)
                    try await browser.findElement(css: "#approve").click()
                    #expect(try await browser.waitForElement(css: "#state").text == "xyz")
                    #expect(try await browser.findElement(css: "#code").text.count >= 40)
                }
            }
        }
    }
}
