import Foundation
import HummingbirdOTP
import HummingbirdTesting
import Identity
import Platform
import Society
import Territory
import TestSupport
import Testing

@Suite("Volunteering in a browser", .enabled(if: WebDriver.isAvailable, "chromedriver is not installed"), .serialized)
struct SocietyBrowserTests {
    static let password = "Furong-Garden-42"
    static let secret = "BrowserTestTOTPSecret"
    static let phone = "13712340077"
    static let community = "510104003001"

    /// A street with one community, a resident account, the community's worker, and an activity whose shift
    /// started ten minutes ago and lasts an hour, at 和平社区's elderly canteen.
    static let prepare: @Sendable (Database) async throws -> Void = { database in
        let divisions = DivisionRepository(database: database)
        try await divisions.upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(code: community, name: "和平社区", level: .community, parentCode: "510104003"),
        ])
        let identity = IdentityService(database: database, cipher: try TestApp.cipher, hasher: PasswordHasher(cost: 4))
        let id = IDNumber(region: "510104", year: 1990, month: 4, day: 2, sequence: 517).value
        _ = try await identity.registerResident(
            .init(name: "赵敏", idNumber: id, phone: Self.phone, password: Self.password), address: nil)
        _ = try await identity.createOfficial(
            username: "heping.worker", name: "和平社区工作者", role: .communityWorker, scope: community,
            password: Self.password, totpSecret: Self.secret, divisions: divisions)
        let service = VolunteerService(database: database, divisions: divisions, accounts: identity.accounts)
        let now = CityClock.now()
        _ = try await service.post(
            ActivityPlan(
                communityCode: community, title: "为独居老人送餐", description: "社区食堂出餐，分片送到老人家中。",
                place: "和平社区长者食堂", lat: 30.6571, lon: 104.0806,
                shifts: [ShiftPlan(kind: .fixed, startsAt: now - 600, endsAt: now + 3000, capacity: 5)]),
            by: Principal(subject: "heping.worker", role: .communityWorker, scope: community, level: 3))
    }

    /// Signs the resident in on the site, landing on `next`.
    static func resident(_ browser: WebDriver, _ base: String, _ next: String) async throws {
        try await browser.signInResident(base: base, phone: Self.phone, password: Self.password, next: next)
    }

    /// Signs the community worker in to the console with a TOTP code; `again` waits for the next 30-second window,
    /// since a code is accepted once.
    static func worker(_ browser: WebDriver, _ base: String, again: Bool = false) async throws {
        if again {
            let seconds = 30 - Int(Date().timeIntervalSince1970) % 30
            try await Task.sleep(for: .seconds(seconds + 1))
        }
        try await browser.signInOfficial(
            base: base, username: "heping.worker", password: Self.password, totpSecret: Self.secret)
    }

    @Test("a resident opts in and signs up → checks in and out at the place → reports hours → the community verifies")
    func signUpCheckInVerify() async throws {
        try await TestApp.with(.sqlite, framework: .live, prepare: Self.prepare) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await Self.resident(browser, base, "/society")
                try await browser.waitForElement(css: "#volunteer-skills").sendKeys("助老, 驾驶")
                try await browser.findElement(css: "#volunteer-availability").sendKeys("周末")
                try await browser.findElement(css: "#volunteer-community").sendKeys(Self.community)
                try await browser.findElement(css: "#volunteer-submit").click()
                _ = try await browser.waitForElement(css: "#volunteer-summary")
                try await browser.findElement(css: "#activities a").click()
                try await browser.waitForElement(css: "#shifts button[id^='signup-']").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#shifts .signup-status", "已确认")
                try await ServiceHallBrowserTests.keep(browser, "society-signed-up-phone")
            }
            // The worker opens the activity in the console: the check-in link is what the place's QR code holds.
            let link: String = try await WebDriver.withSession(viewport: .phone) { browser in
                try await Self.worker(browser, base)
                try await browser.navigate(to: base + "/console/society")
                try await browser.waitForElement(css: "#console-activities a").click()
                return try #require(try await browser.waitForElement(css: ".checkin-link").attribute("href"))
            }
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await Self.resident(browser, base, "/society")
                _ = try await browser.waitForElement(css: "#activities")
                try await browser.navigate(to: link.hasPrefix("http") ? link : base + link)
                // First from about 600 m away: refused with the distance.
                try await browser.waitForElement(css: "#checkin-lat").sendKeys("30.6625")
                try await browser.findElement(css: "#checkin-lon").sendKeys("104.0806")
                try await browser.findElement(css: "#checkin-submit").click()
                #expect(try await browser.waitForElement(css: "#society-error").text.contains("300"))
                try await browser.findElement(css: "#checkin-lat").clear()
                try await browser.findElement(css: "#checkin-lat").sendKeys("30.6573")
                try await browser.findElement(css: "#checkin-lon").clear()
                try await browser.findElement(css: "#checkin-lon").sendKeys("104.0807")
                try await browser.findElement(css: "#checkin-submit").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#checkin-message", "已签到")
                try await ServiceHallBrowserTests.keep(browser, "society-checked-in-phone")
                try await browser.findElement(css: "#checkin-submit").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#checkin-message", "已签退")
                // Corrects the minutes before the review: an hour is the most the shift allows.
                try await browser.navigate(to: base + "/society/me")
                // The field says max 60; without that hint, the server refuses 61 itself.
                _ = try await browser.executeScript(
                    "document.querySelector(\"input[id^='minutes-']\").removeAttribute('max')")
                try await browser.waitForElement(css: "input[id^='minutes-']").sendKeys("61")
                try await browser.findElement(css: "button[id^='report-']").click()
                #expect(try await browser.waitForElement(css: "#society-error").text.contains("60"))
                try await browser.waitForElement(css: "input[id^='minutes-']").sendKeys("45")
                try await browser.findElement(css: "button[id^='report-']").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#hours-table .hours-reported", "待认证")
            }
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await Self.worker(browser, base, again: true)
                try await browser.navigate(to: base + "/console/society")
                #expect(try await browser.waitForElement(css: "#hours-waiting").text.contains("45"))
                try await ServiceHallBrowserTests.keep(browser, "society-to-verify-phone")
                try await browser.findElement(css: "button[id^='verify-']").click()
                _ = try await browser.waitForElement(css: "#hours-none")
            }
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await Self.resident(browser, base, "/society/me/hours")
                try await ServiceHallBrowserTests.waitForText(browser, "#hours-table .hours-verified", "已认证")
                #expect(try await browser.findElement(css: "#verified-hours strong").text == "0.8")
                #expect(
                    try await browser.findElement(css: "#download-hours").attribute("href")?.hasSuffix(
                        "/society/me/hours.csv") == true)
                try await ServiceHallBrowserTests.keep(browser, "society-hours-verified-phone")
            }
        }
    }
}
