import Foundation
import HTTPTypes
import HummingbirdOTP
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import ServiceHall
import Territory
import TestSupport
import Testing

@Suite(
    "Service hall in a browser", .enabled(if: WebDriver.isAvailable, "chromedriver is not installed"), .serialized)
struct ServiceHallBrowserTests {
    static let password = "Furong-Garden-42"
    static let secret = "BrowserTestTOTPSecret"
    static let phone = "13912340001"

    /// The shipped catalog and one member of staff of the public security bureau.
    static let prepare: @Sendable (Database) async throws -> Void = { database in
        try await CatalogImporter(database: database).importFile(
            try TestApp.dataFile("service-catalog.json"), fileName: "service-catalog.json")
        let service = IdentityService(database: database, cipher: try TestApp.cipher, hasher: PasswordHasher(cost: 4))
        _ = try await service.createOfficial(
            username: "psb.clerk", name: "市公安局窗口", role: .departmentStaff, scope: "cd-psb",
            password: Self.password, totpSecret: Self.secret, divisions: DivisionRepository(database: database))
    }

    /// Saves a screenshot for people to look at (`.build/screenshots/NAME.png`).
    static func keep(_ browser: WebDriver, _ name: String) async throws {
        let png = try await browser.screenshot()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let directory = TestApp.repositoryRoot.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try png.write(to: directory.appendingPathComponent("\(name).png"))
    }

    /// Waits until the element's text is `expected` (the previous page may still be showing its element).
    static func waitForText(_ browser: WebDriver, _ css: String, _ expected: String) async throws {
        try await browser.waitFor("\(css) reads \(expected)") {
            do {
                return try await browser.findElements(css: css).first?.text == expected
            } catch {
                return false
            }
        }
    }

    @Test("search by pinyin → service → sign in → form (errors, then sent) → staff handle it → resident rates it")
    func applyAndHandle() async throws {
        try await TestApp.with(.sqlite, framework: .live, prepare: Self.prepare) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let id = IDNumber(region: "510104", year: 1990, month: 5, day: 20, sequence: 321).value
            let registration = try await client.execute(
                uri: "/api/v1/residents", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(
                    string:
                        #"{"name":"王芳","idNumber":"\#(id)","phone":"\#(Self.phone)","password":"\#(Self.password)"}"#))
            #expect(registration.status == .created)

            try await WebDriver.withSession(viewport: .phone) { browser in
                try await browser.navigate(to: base + "/services?lang=zh")
                _ = try await browser.waitForElement(css: "#hot")
                try await Self.keep(browser, "services-hall-phone")
                try await browser.findElement(css: "#q").sendKeys("jzz")
                try await browser.findElement(css: "#service-search button").click()
                let first = try await browser.waitForElement(css: "#results li:first-child a")
                #expect(try await first.text == "居住证申领")
                try await Self.keep(browser, "services-search-pinyin-phone")
                try await first.click()
                #expect(try await browser.waitForElement(css: "#service-name").text == "居住证申领")
                try await browser.findElement(css: "#sign-in-to-apply").click()

                try await browser.waitForElement(css: "#username").sendKeys(Self.phone)
                try await browser.findElement(css: "#password").sendKeys(Self.password)
                try await browser.findElement(css: "#signin-form button").click()
                _ = try await browser.waitForElement(css: "#application-form")
                try await browser.findElement(css: "#f-address").sendKeys("成都市锦江区春熙路 1 号")
                try await browser.findElement(css: "#f-phone").sendKeys("1391234")
                try await browser.findElement(css: "#submit-application").click()
                _ = try await browser.waitForElement(css: "#form-errors")
                #expect(try await browser.findElement(css: "#e-phone").text.contains("11 位手机号码"))
                #expect(try await browser.findElement(css: "#e-consent").text.contains("请勾选"))
                try await Self.keep(browser, "service-form-errors-phone")

                try await browser.findElement(css: "#f-phone").clear()
                try await browser.findElement(css: "#f-phone").sendKeys("13912340001")
                _ = try await browser.executeScript("document.getElementById('f-since').value = '2024-03-01'")
                try await browser.findElement(css: "#f-basis option[value='work']").click()
                try await browser.findElement(css: "#f-consent").click()
                try await browser.findElement(css: "#submit-application").click()
                try await Self.waitForText(browser, "#application-status", "已提交")
                let applicationID = try await browser.findElement(css: "#application-id").text
                #expect(applicationID.hasPrefix("SA"))
                try await Self.keep(browser, "my-application-submitted-phone")

                // The department's staff handle it in the console.
                try await browser.navigate(to: base + "/console")
                try await browser.waitForElement(css: "#username").sendKeys("psb.clerk")
                try await browser.findElement(css: "#password").sendKeys(Self.password)
                let code = String(format: "%06d", TOTP(secret: Self.secret).compute(date: Date()))
                try await browser.findElement(css: "#otp").sendKeys(code)
                try await browser.findElement(css: "#login-form button").click()
                _ = try await browser.waitForElement(css: "#my-role")
                try await browser.navigate(to: base + "/console/applications")
                try await browser.waitForElement(css: "tr[data-application='\(applicationID)'] a").click()
                try await Self.keep(browser, "console-application-phone")
                for action in ["accept", "review", "approve", "complete"] {
                    try await browser.waitForElement(css: "#do-\(action)").click()
                }
                try await Self.waitForText(browser, "#application-status", "已办结")
                #expect(try await browser.findElements(css: "#timeline li").count == 5)
                try await Self.keep(browser, "console-application-completed-phone")

                // The resident rates it.
                try await browser.navigate(to: base + "/me/applications/\(applicationID)")
                try await browser.waitForElement(css: "input[name='stars'][value='4']").click()
                try await browser.findElement(css: "#comment").sendKeys("办得很快")
                try await browser.findElement(css: "#submit-rating").click()
                #expect(try await browser.waitForElement(css: "#my-rating").text.contains("办得很快"))
                try await Self.keep(browser, "my-application-rated-phone")

                try await browser.navigate(to: base + "/open/services?lang=zh")
                _ = try await browser.waitForElement(css: "#performance")
                #expect(try await browser.findElement(css: "#on-time-chart").attribute("role") == "img")
                try await Self.keep(browser, "open-services-phone")
            }
        }
    }
}
