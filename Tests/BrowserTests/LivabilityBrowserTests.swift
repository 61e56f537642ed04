import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import Livability
import NIOCore
import Platform
import Population
import SQLKit
import Territory
import TestSupport
import Testing

@testable import Identity

/// Saves a screenshot for people to look at (`.build/screenshots/NAME.png`) and checks it is a real PNG.
private func keep(_ browser: WebDriver, _ name: String) async throws {
    let png = try await browser.screenshot()
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    let directory = TestApp.repositoryRoot.appendingPathComponent(".build/screenshots")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try png.write(to: directory.appendingPathComponent("\(name).png"))
}

@Suite("Life circle in a browser", .enabled(if: WebDriver.isAvailable, "chromedriver is not installed"), .serialized)
struct LivabilityBrowserTests {
    /// The real divisions, a tiny demo city and its life circle.
    static let prepare: @Sendable (Database) async throws -> Void = { database in
        try await DivisionImporter(database: database).importCSV(
            try TestApp.dataFile("chengdu-divisions.csv"), fileName: "chengdu-divisions.csv")
        let cipher = try TestApp.cipher
        _ = try await DemoSeeder(database: database, cipher: cipher, logger: TestDatabase.logger).seed(
            scale: 0.0004, seed: 20_181_225, legacyCSV: try TestApp.dataFile("chengdu-communities-legacy.csv"),
            replace: false)
        _ = try await LivabilityDemoSeeder(database: database, logger: TestDatabase.logger).seed(
            seed: 20_181_225, replace: false)
        // One more register entry with a known ID number, in the first household.
        try await database.withConnection { sql in
            let household = try await sql.select().columns("id", "community_code").from("households").orderBy("id")
                .limit(1).first()
            try await sql.insert(into: "residents")
                .columns(
                    "id", "household_id", "community_code", "name", "gender", "birth_date", "relation",
                    "id_number_hash", "id_number_enc"
                )
                .values(
                    SQLBind(99_999_999), SQLBind(try household?.decode(column: "id", as: Int.self) ?? 1),
                    SQLBind(try household?.decode(column: "community_code", as: String.self) ?? ""),
                    SQLBind(Self.residentName), SQLBind("F"), SQLBind("1990-01-01"), SQLBind("head"),
                    SQLBind(cipher.lookupHash(Self.idNumber)), SQLBind(Data(cipher.seal(Self.idNumber)))
                ).run()
        }
    }

    static let residentName = "林小满"
    static let idNumber = IDNumber(region: "510104", year: 1990, month: 1, day: 1, sequence: 998).value
    static let phone = "13900009999"
    static let password = "Furong-Garden-42"

    /// A community of 锦江区 some of whose households lack `category` within 15 minutes, found through the public
    /// ranking API (streets, then their communities, worst first).
    static func communityLacking(_ category: String, client: some TestClientProtocol) async throws -> String {
        func items(_ uri: String) async throws -> [[String: Any]] {
            let response = try await client.execute(uri: uri, method: .get, headers: [:], body: nil)
            let object = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
            return ((object as? [String: Any])?["items"] as? [[String: Any]] ?? []).compactMap {
                $0["coverage"] as? [String: Any]
            }
        }
        for street in try await items("/api/v1/divisions/510104/ranking?category=\(category)").reversed() {
            let code = street["code"] as? String ?? ""
            for community in try await items("/api/v1/divisions/\(code)/ranking?category=\(category)").reversed() {
                let households = community["households"] as? Int ?? 0
                let covered =
                    (community["categories"] as? [[String: Any]])?.first {
                        $0["category"] as? String == category
                    }?["covered"] as? Int
                if households > 0, let covered, covered < households { return community["code"] as? String ?? "" }
            }
        }
        throw TestSetupError("no community of 锦江区 lacks \(category)")
    }

    /// Waits until the server has built its life-circle index (the first read builds it from the tables, which in
    /// a debug build on PostgreSQL can outlast the test client's 20-second timeout; the build goes on regardless).
    static func warmIndex(client: some TestClientProtocol) async throws {
        for _ in 0..<8 {
            let response = try? await client.execute(
                uri: "/api/v1/divisions/510100/coverage", method: .get, headers: [:], body: nil)
            if response?.status == .ok { return }
        }
        throw TestSetupError("the life-circle index was not built in time")
    }

    /// A city officer with a site session (officials sign in to pages through the single sign-on session); returns
    /// the session's cookie token.
    static func plannerSession(_ database: Database) async throws -> String {
        let identity = IdentityService(database: database, cipher: try TestApp.cipher, hasher: PasswordHasher(cost: 4))
        let created = try await identity.createOfficial(
            username: "planner", name: "规划员", role: .cityOfficer, scope: "510100", password: "Furong-Garden-42",
            divisions: DivisionRepository(database: database))
        return try await ConsoleSessionRepository(database: database).open(accountID: created.account.id)
    }

    @Test(
        "a planner goes from the district ranking to a community's gaps and tries a new reading room there",
        .serialized, arguments: TestBackend.available)
    func mapAndPlanner(backend: TestBackend) async throws {
        // Screenshots of the PostgreSQL run are kept apart.
        let suffix = backend == .sqlite ? "" : "-" + backend.rawValue
        try await TestApp.withDatabase(backend, framework: .live, prepare: Self.prepare) { client, database in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            try await Self.warmIndex(client: client)
            let lacking = try await Self.communityLacking("reading_room", client: client)
            let session = try await Self.plannerSession(database)
            try await WebDriver.withSession(viewport: .desktop) { browser in
                // Household-level gaps are for officials of the scope: the planner is a signed-in city officer.
                try await browser.navigate(to: base + "/healthz")
                _ = try await browser.executeScript("document.cookie = 'cc_session=\(session); path=/';")
                try await browser.navigate(to: base + "/divisions/510104/livability?lang=zh")
                #expect(try await browser.findElement(css: "#division-name").text == "锦江区")
                #expect(try await browser.findElements(css: "#coverage tbody tr").count == 8)
                try await keep(browser, "livability-district-desktop" + suffix)
                try await browser.findElement(css: "#ranking a").click()
                _ = try await browser.waitForElement(css: "#ranking a")
                try await browser.findElement(css: "#ranking a").click()
                _ = try await browser.waitForElement(css: "svg.life-map")
                #expect(try await browser.findElements(css: "svg.life-map line").count > 20)
                #expect(try await browser.findElements(css: "svg.life-map g.facility").count > 0)
                // Four walking-time bands and the gap ring; the planner adds the proposed facility.
                #expect(try await browser.findElements(css: "#legend li").count == 5)

                // A community with households beyond 15 minutes of a reading room: the map rings them.
                try await browser.navigate(to: base + "/communities/\(lacking)/map?lang=zh")
                try await browser.findElement(css: "#categories a[href$='category=reading_room']").click()
                _ = try await browser.waitForElement(
                    css: "#categories a[aria-current=true][href$='category=reading_room']")
                #expect(try await browser.findElements(css: "svg.life-map circle.gap").count > 0)
                try await keep(browser, "livability-map-desktop" + suffix)

                try await browser.findElement(css: "#open-planner").click()
                _ = try await browser.waitForElement(css: "#planner-form")
                #expect(try await browser.findElement(css: "#category option[selected]").text == "阅览室")
                // A click on the map fills the coordinates (the page's only script).
                try await browser.findElement(css: "svg.life-map").click()
                let lon = try await browser.findElement(css: "#lon").property("value").stringValue ?? ""
                #expect(Double(lon) != nil, "lon filled: \(lon)")
                // Then on a ringed household: a reading room there brings it (at least) within 15 minutes.
                _ = try await browser.executeScript(
                    """
                    var ring = document.querySelector("svg.life-map circle.gap");
                    ring.scrollIntoView({block: "center"});
                    var box = ring.getBoundingClientRect();
                    document.querySelector("svg.life-map").dispatchEvent(new MouseEvent("click",
                        {clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true}));
                    """)
                try await browser.findElement(css: "#simulate").click()
                let summary = try await browser.waitForElement(css: "#planner-summary").text
                #expect(summary.contains("阅览室"))
                let gained = summary.firstMatch(of: /：(\d+) 户/).flatMap { Int($0.1) } ?? 0
                #expect(gained > 0, "\(summary)")
                #expect(try await browser.findElements(css: "#changes tbody tr").count >= 1)
                #expect(try await browser.findElements(css: "svg.life-map g.proposed").count == 1)
                #expect(try await browser.findElements(css: "#legend li").count == 6)
                try await keep(browser, "livability-planner-desktop" + suffix)
            }
            // A resident registered with the register's name and ID number signs in and sees near me.
            let registered = try await client.execute(
                uri: "/api/v1/residents", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(
                    string: #"{"name":"\#(Self.residentName)","idNumber":"\#(Self.idNumber)","phone":"\#(Self.phone)","#
                        + #""password":"\#(Self.password)"}"#))
            #expect(registered.status == .created)
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await browser.navigate(to: base + "/near-me?lang=zh")
                _ = try await browser.waitForElement(css: "#signin-form")
                try await browser.findElement(css: "#username").sendKeys(Self.phone)
                try await browser.findElement(css: "#password").sendKeys(Self.password)
                try await browser.findElement(css: "#signin-form button").click()
                _ = try await browser.waitForElement(css: "#near")
                #expect(try await browser.findElements(css: "#near li").count == 8)
                try await keep(browser, "livability-near-me-phone" + suffix)

                try await browser.navigate(to: base + "/divisions/510100/livability?lang=zh")
                #expect(try await browser.findElements(css: "#ranking tr").count == 20)
                try await keep(browser, "livability-city-phone" + suffix)
                try await browser.findElement(css: "#ranking a").click()
                try await browser.findElement(css: "#ranking a").click()
                try await browser.findElement(css: "#ranking a").click()
                _ = try await browser.waitForElement(css: "svg.life-map")
                try await keep(browser, "livability-map-phone" + suffix)
            }
        }
    }
}
