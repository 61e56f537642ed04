import Foundation
import HummingbirdOTP
import HummingbirdTesting
import Identity
import Platform
import Territory
import TestSupport
import Testing

@Suite(
    "Console sign-in in a browser", .enabled(if: WebDriver.isAvailable, "chromedriver is not installed"), .serialized)
struct ConsoleBrowserTests {
    static let password = "Chunxi-Street-2018"
    static let secret = "BrowserTestTOTPSecret"

    /// Divisions and one street officer of 春熙路街道.
    static let prepare: @Sendable (Database) async throws -> Void = { database in
        try await DivisionImporter(database: database).importCSV(
            try TestApp.dataFile("chengdu-divisions.csv"), fileName: "chengdu-divisions.csv")
        let service = IdentityService(database: database, cipher: try TestApp.cipher, hasher: PasswordHasher(cost: 4))
        _ = try await service.createOfficial(
            username: "chunxilu.officer", name: "春熙路街道干部", role: .streetOfficer, scope: "510104003",
            password: Self.password, totpSecret: Self.secret, divisions: DivisionRepository(database: database))
    }

    @Test("an official signs in with password and TOTP, sees the scope, and signs out")
    func signIn() async throws {
        try await TestApp.with(.sqlite, framework: .live, prepare: Self.prepare) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await browser.navigate(to: base + "/console?lang=zh")
                try await browser.findElement(css: "#username").sendKeys("chunxilu.officer")
                try await browser.findElement(css: "#password").sendKeys("wrong-password-123")
                try await browser.findElement(css: "#login-form button").click()
                #expect(try await browser.waitForElement(css: "#login-error").text.contains("不正确"))

                try await browser.findElement(css: "#password").sendKeys(Self.password)
                let code = String(format: "%06d", TOTP(secret: Self.secret).compute(date: Date()))
                try await browser.findElement(css: "#otp").sendKeys(code)
                try await browser.findElement(css: "#login-form button").click()
                #expect(try await browser.waitForElement(css: "#my-scope-code").text == "510104003")
                #expect(try await browser.findElement(css: "#my-role").text == "街道（乡镇）干部")
                #expect(try await browser.findElement(css: "#my-scope-name").text == "春熙路街道")
                try await browser.findElement(css: "#console-nav a[href='/console/residents']").click()
                _ = try await browser.waitForElement(css: "#residents")
                try await browser.findElement(css: "#sign-out").click()
                _ = try await browser.waitForElement(css: "#login-form")
                try await browser.navigate(to: base + "/console/home")
                _ = try await browser.waitForElement(css: "#login-form")
            }
        }
    }
}
