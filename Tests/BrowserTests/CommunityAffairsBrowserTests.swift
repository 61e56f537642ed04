import Foundation
import HummingbirdTesting
import Platform
import SQLKit
import TestSupport
import Testing

@Suite(
    "Community certificates in a browser", .enabled(if: WebDriver.isAvailable, "chromedriver is not installed"),
    .serialized)
struct CommunityAffairsBrowserTests {
    @Test(
        "a resident requests → the community worker approves → the resident opens and verifies → an altered copy fails")
    func requestApproveVerifyTamper() async throws {
        try await TestApp.withDatabase(.sqlite, framework: .live, prepare: CasesBrowserTests.prepare) {
            client, database in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let path: String = try await WebDriver.withSession(viewport: .phone) { browser in
                try await CasesBrowserTests.signInResident(browser, base, next: "/certificates")
                try await browser.waitForElement(css: "#request-residence").click()
                try await browser.waitForElement(css: "#input-since").sendKeys("2016年9月")
                try await browser.findElement(css: "#input-purpose").sendKeys("子女入学")
                try await ServiceHallBrowserTests.keep(browser, "certificates-request-phone")
                try await browser.findElement(css: "#submit-request").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#request-status", "待审核")
                guard case .string(let path) = try await browser.executeScript("return location.pathname") else {
                    throw CancellationError()
                }
                return path
            }
            let id = String(path.split(separator: "/").last ?? "")
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await CasesBrowserTests.signInOfficial(browser, base, "heping.worker")
                try await browser.navigate(to: base + "/console/certificates")
                try await browser.waitForElement(
                    css: "#certificate-queue a[href='/console/certificates/requests/\(id)']"
                )
                .click()
                try await browser.waitForElement(css: "#do-approve").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#request-status", "已出具")
            }
            let number: String = try await WebDriver.withSession(viewport: .phone) { browser in
                try await CasesBrowserTests.signInResident(browser, base, next: path)
                try await browser.waitForElement(css: "#view-document").click()
                let number = try await browser.waitForElement(css: "#certificate-number").text
                #expect(try await browser.findElement(css: "#certificate").text.contains("王芳"))
                try await ServiceHallBrowserTests.keep(browser, "certificates-document-phone")
                try await browser.findElement(css: "#verify-document").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#verdict", "真实有效")
                return number
            }
            try await database.withConnection { sql in
                try await sql.raw(
                    "UPDATE ca_certificates SET content = REPLACE(content, '王芳', '王芬') WHERE number = \(bind: number)"
                ).run()
            }
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await browser.navigate(to: base + "/verify?lang=zh")
                try await browser.waitForElement(css: "#verify-number").sendKeys(number)
                try await browser.findElement(css: "#do-verify").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#verdict", "内容被篡改或签名无效")
                #expect(try await browser.findElements(css: "#verified-fields").isEmpty)
                try await ServiceHallBrowserTests.keep(browser, "certificates-altered-phone")
            }
        }
    }
}
