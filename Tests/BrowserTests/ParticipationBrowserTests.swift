import Foundation
import HTTPTypes
import HummingbirdOTP
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import Population
import Territory
import TestSupport
import Testing

@Suite("Participation in a browser", .enabled(if: WebDriver.isAvailable, "chromedriver is not installed"), .serialized)
struct ParticipationBrowserTests {
    static let password = "Furong-Garden-42"
    static let secret = "BrowserTestTOTPSecret"
    static let phone = "13912340188"
    static let community = "510104003001"
    static let idNumber = IDNumber(region: "510104", year: 1979, month: 6, day: 2, sequence: 233).value

    static let prepare: @Sendable (Database) async throws -> Void = { database in
        let divisions = DivisionRepository(database: database)
        try await divisions.upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(code: Self.community, name: "红星路社区", level: .community, parentCode: "510104003"),
        ])
        let cipher = try TestApp.cipher
        let register = RegisterRepository(database: database)
        _ = try await register.enrol(
            communityCode: Self.community, address: "3栋1单元201号",
            residents: [("王小丽", try IDNumber(validating: Self.idNumber))], cipher: cipher)
        _ = try await register.enrol(
            communityCode: Self.community, address: "3栋1单元202号",
            residents: [("赵大海", IDNumber(region: "510104", year: 1960, month: 1, day: 9, sequence: 311))],
            cipher: cipher)
        let service = IdentityService(database: database, cipher: cipher, hasher: PasswordHasher(cost: 4))
        for username in ["hongxing.setup", "hongxing.worker", "hongxing.worker2"] {
            _ = try await service.createOfficial(
                username: username, name: username, role: .communityWorker, scope: Self.community,
                password: Self.password, totpSecret: Self.secret, divisions: divisions)
        }
    }

    static func post(_ client: some TestClientProtocol, _ uri: String, _ json: String, token: String? = nil)
        async throws -> [String: Any]
    {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(
            uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
        #expect(response.status.code < 300, "\(uri): \(String(buffer: response.body))")
        return (try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
            ?? [:]
    }

    static func consoleSignIn(_ browser: WebDriver, _ base: String, _ username: String) async throws {
        try await browser.signInOfficial(
            base: base, username: username, password: Self.password, totpSecret: Self.secret)
    }

    @Test("a resident supports a proposal, casts a secret ballot and checks the receipt; officials enter paper ballots")
    func walkThrough() async throws {
        try await TestApp.with(.sqlite, framework: .live, prepare: Self.prepare) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            _ = try await Self.post(
                client, "/api/v1/residents",
                #"{"name":"王小丽","idNumber":"\#(Self.idNumber)","phone":"\#(Self.phone)","password":"\#(Self.password)"}"#
            )
            let resident = try #require(
                try await Self.post(
                    client, "/api/v1/auth/login", #"{"username":"\#(Self.phone)","password":"\#(Self.password)"}"#)[
                        "accessToken"] as? String)
            let code = String(format: "%06d", TOTP(secret: Self.secret).compute(date: Date()))
            let worker = try #require(
                try await Self.post(
                    client, "/api/v1/auth/login",
                    #"{"username":"hongxing.setup","password":"\#(Self.password)","otp":"\#(code)"}"#)["accessToken"]
                    as? String)
            let now = Int64(Date().timeIntervalSince1970)
            let vote = try await Self.post(
                client, "/api/v1/participation/communities/\(Self.community)/votes",
                """
                {"titleZh":"3栋加装电梯","titleEn":"A lift for building 3","description":"一户一票","kind":"yes_no_abstain",\
                "unit":"household","opensAt":"\(CityClock.rfc3339(now - 60))","closesAt":"\(CityClock.rfc3339(now + 3600))",\
                "quorumPercent":50,"threshold":"two_thirds_cast"}
                """, token: worker)
            let voteID = try #require(vote["id"] as? String)
            let proposal = try await Self.post(
                client, "/api/v1/participation/communities/\(Self.community)/proposals",
                #"{"title":"院坝加装休闲座椅","body":"3栋前院坝没有座椅，老人休息不便。","place":"3栋前院坝","costFen":1200000}"#,
                token: resident)
            let proposalID = try #require(proposal["id"] as? String)

            try await WebDriver.withSession(viewport: .phone) { browser in
                try await browser.navigate(to: base + "/signin?lang=zh&next=/participation")
                try await browser.waitForElement(css: "#username").sendKeys(Self.phone)
                try await browser.findElement(css: "#password").sendKeys(Self.password)
                try await browser.findElement(css: "#signin-form button").click()
                #expect(try await browser.waitForElement(css: "#community-name").text == "红星路社区")
                try await ServiceHallBrowserTests.keep(browser, "participation-community-phone")

                try await browser.findElement(css: "#proposal-\(proposalID)").click()
                try await browser.waitForElement(css: "#support").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#proposal-supports", "1 / 20")

                try await browser.navigate(to: base + "/participation/votes/\(voteID)")
                try await browser.waitForElement(css: "#choice-0").click()
                try await ServiceHallBrowserTests.keep(browser, "participation-vote-phone")
                try await browser.findElement(css: "#cast").click()
                let link = try await browser.waitForElement(css: "#receipt-link", timeout: .seconds(20))
                let hash = try await link.text
                #expect(hash.count == 64)
                try await link.click()
                #expect(try await browser.waitForElement(css: "#receipt-found").text.contains("赞成"))
                try await ServiceHallBrowserTests.keep(browser, "participation-receipt-phone")
            }

            try await WebDriver.withSession(viewport: .phone) { browser in
                for (username, expected) in [("hongxing.worker", "待第二人录入"), ("hongxing.worker2", "已确认")] {
                    try await Self.consoleSignIn(browser, base, username)
                    try await browser.navigate(to: base + "/console/participation")
                    try await browser.waitForElement(css: "#station-\(voteID)").sendKeys("3栋大厅")
                    try await browser.findElement(css: "#counts-\(voteID)").sendKeys("0,1,0")
                    try await browser.findElement(css: "#ballots-\(voteID)").sendKeys("1")
                    try await browser.findElement(css: "#voters-\(voteID)").sendKeys("2")
                    try await ServiceHallBrowserTests.keep(browser, "participation-paper-\(username)-phone")
                    try await browser.findElement(css: "#enter-\(voteID)").click()
                    #expect(try await browser.waitForElement(css: "#console-message").text == expected)
                    try await browser.navigate(to: base + "/console/home")
                    try await browser.waitForElement(css: "#sign-out").click()
                    _ = try await browser.waitForElement(css: "#login-form")
                }
            }
        }
    }

    @Test("a community worker calls a council meeting from the console; a resident finds it and registers")
    func meetingCalledAndRegistered() async throws {
        try await TestApp.with(.sqlite, framework: .live, prepare: Self.prepare) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            _ = try await Self.post(
                client, "/api/v1/residents",
                #"{"name":"王小丽","idNumber":"\#(Self.idNumber)","phone":"\#(Self.phone)","password":"\#(Self.password)"}"#
            )
            let path: String = try await WebDriver.withSession(viewport: .phone) { browser in
                try await Self.consoleSignIn(browser, base, "hongxing.setup")
                try await browser.navigate(to: base + "/console/home")
                try await browser.waitForElement(css: "a[href='/console/participation/meetings']").click()
                _ = try await browser.waitForElement(css: "#call-form")
                try await browser.findElement(css: "#meeting-title-input").sendKeys("十二月居民议事会")
                let tomorrow = CityClock.localDate(CityClock.now() + 86_400)
                _ = try await browser.executeScript(
                    "document.querySelector('#starts-at').value = arguments[0]",
                    arguments: [.string(tomorrow + "T19:30")])
                try await browser.findElement(css: "#place").sendKeys("社区活动室")
                try await browser.findElement(css: "#quorum").sendKeys("10")
                try await browser.findElement(css: "#free-items").sendKeys("春节邻里活动安排")
                try await ServiceHallBrowserTests.keep(browser, "participation-call-meeting-phone")
                try await browser.findElement(css: "#call-meeting").click()
                #expect(try await browser.waitForElement(css: "#meeting-title").text == "十二月居民议事会")
                #expect(try await browser.findElement(css: "#item-1").text.contains("春节邻里活动安排"))
                guard case .string(let path) = try await browser.executeScript("return location.pathname") else {
                    throw CancellationError()
                }
                return path.replacingOccurrences(of: "/console", with: "")
            }
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await browser.navigate(to: base + "/signin?lang=zh&next=/participation")
                try await browser.waitForElement(css: "#username").sendKeys(Self.phone)
                try await browser.findElement(css: "#password").sendKeys(Self.password)
                try await browser.findElement(css: "#signin-form button").click()
                _ = try await browser.waitForElement(css: "#community-name")
                try await browser.findElement(css: "#meetings a[href='\(path)']").click()
                try await browser.waitForElement(css: "#meeting-register").click()
                _ = try await browser.waitForElement(css: "#meeting-registered-note")
                #expect(try await browser.findElement(css: "#meeting-registered").text == "1")
                try await ServiceHallBrowserTests.keep(browser, "participation-meeting-phone")
            }
        }
    }
}
