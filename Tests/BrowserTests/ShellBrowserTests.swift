import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import SQLKit
import TestSupport
import Testing

/// The resident app shell on a phone: the bottom tab bar, the tab pages, the unread badge; a top bar on a wide
/// screen; none on the console.
@Suite(
    "Resident app shell in a browser", .enabled(if: WebDriver.isAvailable, "chromedriver is not installed"), .serialized
)
struct ShellBrowserTests {
    /// A number the page's script returns.
    static func number(_ browser: WebDriver, _ script: String) async throws -> Double {
        guard case .number(let value) = try await browser.executeScript(script) else {
            Issue.record("not a number: \(script)")
            return .nan
        }
        return value
    }

    @Test("a resident moves through the tabs on a phone, sees the unread badge and signs out from 我的")
    func phoneTabs() async throws {
        try await TestApp.withDatabase(.sqlite, framework: .live, prepare: AffairsBrowserTests.prepare) {
            client, database in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let id = IDNumber(region: "510104", year: 1990, month: 5, day: 2, sequence: 311).value
            let account = try await AffairsBrowserTests.post(
                client, "/api/v1/residents",
                #"{"name":"王芳","idNumber":"\#(id)","phone":"13912340078","password":"\#(AffairsBrowserTests.password)"}"#
            )
            let accountID = try #require(account["id"] as? String)
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await browser.navigate(to: base + "/?lang=zh")
                try await ServiceHallBrowserTests.keep(browser, "shell-home-phone")
                // The header is one line; the tab bar sits on the bottom edge with 44-px targets.
                #expect(try await Self.number(browser, "return document.querySelector('header.top').offsetHeight") < 72)
                #expect(
                    try await Self.number(
                        browser, "return document.querySelector('#tabbar').getBoundingClientRect().bottom")
                        == (try await Self.number(browser, "return window.innerHeight")))
                for tab in ["home", "services", "affairs", "community", "me"] {
                    let rect = "document.querySelector('#tabbar-\(tab)').getBoundingClientRect()"
                    #expect(try await Self.number(browser, "return \(rect).height") >= 44, "\(tab)")
                    #expect(try await Self.number(browser, "return \(rect).width") >= 44, "\(tab)")
                }
                #expect(try await browser.findElement(css: "#tabbar-home").attribute("aria-current") == "page")

                try await browser.findElement(css: "#tabbar-community").click()
                #expect(try await browser.waitForElement(css: "#tab-title").text == "社区")
                #expect(try await browser.findElement(css: "#tabbar-community").attribute("aria-current") == "page")
                let labels = try await browser.findElements(css: "#tab-entries a")
                #expect(labels.count >= 4)
                try await ServiceHallBrowserTests.keep(browser, "shell-community-phone")
                try await browser.findElement(css: "#nav-open-cases").click()
                _ = try await browser.waitForElement(css: "#tabbar-community[aria-current='page']")

                try await browser.findElement(css: "#tabbar-services").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#tab-title", "办事")
                try await browser.findElement(css: "#nav-bills").click()
                try await browser.waitForElement(css: "#username").sendKeys("13912340078")
                try await browser.findElement(css: "#password").sendKeys(AffairsBrowserTests.password)
                try await browser.findElement(css: "#signin-form button").click()
                _ = try await browser.waitForElement(css: "#tabbar-services[aria-current='page']")

                try await database.withConnection { sql in
                    for n in 1...3 {
                        try await sql.insert(into: "notifications")
                            .columns("account_id", "topic", "title_zh", "title_en", "body_zh", "body_en", "created_at")
                            .values(
                                SQLBind(accountID), SQLBind("test.\(n)"), SQLBind("办件已受理"), SQLBind("Accepted"),
                                SQLBind("您的申请已受理。"), SQLBind("Your application was accepted."),
                                SQLBind(CityClock.now())
                            )
                            .run()
                    }
                }
                try await browser.findElement(css: "#tabbar-me").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#tab-title", "我的")
                #expect(try await browser.findElement(css: "#tabbar-me-badge").text.hasPrefix("3"))
                #expect(try await browser.findElement(css: "#profile-name").text == "王芳")
                #expect(try await browser.findElement(css: "#profile-phone").text == "139****0078")
                try await ServiceHallBrowserTests.keep(browser, "shell-me-phone")
                try await browser.findElement(css: "#nav-inbox").click()
                _ = try await browser.waitForElement(css: "#tabbar-me[aria-current='page']")
                try await browser.findElement(css: "#tabbar-me").click()
                try await browser.waitForElement(css: "#sign-out").click()
                _ = try await browser.waitForElement(css: "#sign-in")

                try await browser.navigate(to: base + "/console")
                _ = try await browser.waitForElement(css: "#login-form")
                #expect(try await browser.findElements(css: "#tabbar").isEmpty)
            }
            try await WebDriver.withSession(viewport: .custom(width: 1280, height: 900)) { browser in
                try await browser.navigate(to: base + "/community?lang=zh")
                let top = try await Self.number(
                    browser, "return document.querySelector('#tabbar').getBoundingClientRect().top")
                #expect(top < 120)
                try await ServiceHallBrowserTests.keep(browser, "shell-community-desktop")
            }
        }
    }

    /// The code of the latest SMS queued for an account (the outbox's message).
    static func lastCode(_ database: Database, accountID: String) async throws -> String {
        let body = try await database.withConnection { sql in
            try await sql.select().column("body_zh").from("notifications").where("account_id", .equal, accountID)
                .where("topic", .equal, "auth.sms_code").orderBy("id", .descending).limit(1)
                .first(decodingColumn: "body_zh", as: String.self)
        }
        return String((body ?? "").drop { !$0.isNumber }.prefix(6))
    }

    @Test("locked out after five wrong passwords, a resident signs in with an SMS code, then resets the password")
    func smsSignIn() async throws {
        try await TestApp.withDatabase(.sqlite, framework: .live, prepare: AffairsBrowserTests.prepare) {
            client, database in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let phone = "13912340079"
            let id = IDNumber(region: "510104", year: 1991, month: 6, day: 3, sequence: 312).value
            let account = try await AffairsBrowserTests.post(
                client, "/api/v1/residents",
                #"{"name":"赵敏","idNumber":"\#(id)","phone":"\#(phone)","password":"\#(AffairsBrowserTests.password)"}"#)
            let accountID = try #require(account["id"] as? String)
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await browser.navigate(to: base + "/signin?next=%2Fme&lang=zh")
                for attempt in 0..<6 {
                    try await browser.waitForElement(css: "#username").clear()
                    try await browser.findElement(css: "#username").sendKeys(phone)
                    try await browser.findElement(css: "#password").sendKeys("wrong-password-\(attempt)")
                    try await browser.findElement(css: "#signin-form button").click()
                    _ = try await browser.waitForElement(css: "#signin-error")
                }
                #expect(try await browser.findElement(css: "#signin-error").text.contains("短信验证码"))
                try await ServiceHallBrowserTests.keep(browser, "signin-locked-phone")
                try await browser.findElement(css: "#signin-sms").click()
                try await browser.waitForElement(css: "#sms-phone").sendKeys(phone)
                try await browser.findElement(css: "#sms-get-code").click()
                _ = try await browser.waitForElement(css: "#sms-sent")
                try await browser.findElement(css: "#sms-code").sendKeys(
                    try await Self.lastCode(database, accountID: accountID))
                try await ServiceHallBrowserTests.keep(browser, "signin-sms-phone")
                try await browser.findElement(css: "#sms-submit").click()
                #expect(try await browser.waitForElement(css: "#profile-name").text == "赵敏")
                try await browser.waitForElement(css: "#sign-out").click()
                _ = try await browser.waitForElement(css: "#sign-in")

                // Forgot password: a reset code, the new password, then the password sign-in works again.
                try await database.withConnection { sql in
                    try await sql.update("identity_sms_codes").set("created_at", to: CityClock.now() - 400).run()
                }
                try await browser.navigate(to: base + "/signin?next=%2Fme")
                try await browser.waitForElement(css: "#signin-forgot").click()
                try await browser.waitForElement(css: "#sms-phone").sendKeys(phone)
                try await browser.findElement(css: "#sms-get-code").click()
                _ = try await browser.waitForElement(css: "#sms-sent")
                try await browser.findElement(css: "#sms-code").sendKeys(
                    try await Self.lastCode(database, accountID: accountID))
                try await browser.findElement(css: "#new-password").sendKeys("Jinli-Street-2026")
                try await ServiceHallBrowserTests.keep(browser, "signin-reset-phone")
                try await browser.findElement(css: "#sms-submit").click()
                _ = try await browser.waitForElement(css: "#signin-reset-done")
                try await browser.findElement(css: "#username").sendKeys(phone)
                try await browser.findElement(css: "#password").sendKeys("Jinli-Street-2026")
                try await browser.findElement(css: "#signin-form button").click()
                #expect(try await browser.waitForElement(css: "#profile-name").text == "赵敏")
            }
        }
    }
}
