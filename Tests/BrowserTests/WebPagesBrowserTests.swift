import Foundation
import HummingbirdTesting
import Platform
import Territory
import TestSupport
import Testing

/// Saves a screenshot for people to look at (`.build/screenshots/NAME.png`) and checks it is a real PNG.
private func keepScreenshot(_ browser: WebDriver, _ name: String) async throws {
    let png = try await browser.screenshot()
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    let directory = TestApp.repositoryRoot.appendingPathComponent(".build/screenshots")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try png.write(to: directory.appendingPathComponent("\(name).png"))
}

/// Runs `body` with the live application (real socket, divisions imported) and a headless Chromium.
private func withBrowser(
    viewport: BrowserViewport = .phone, _ body: @Sendable (WebDriver, String) async throws -> Void
) async throws {
    try await TestApp.with(.sqlite, framework: .live, prepare: importDivisions) { client in
        let base = "http://127.0.0.1:\(try #require(client.port))"
        try await WebDriver.withSession(viewport: viewport) { browser in
            try await body(browser, base)
        }
    }
}

/// Imports the real divisions before the application starts.
private let importDivisions: @Sendable (Database) async throws -> Void = { database in
    try await DivisionImporter(database: database).importCSV(
        try TestApp.dataFile("chengdu-divisions.csv"), fileName: "chengdu-divisions.csv"
    )
}

@Suite("Web pages in a browser", .enabled(if: WebDriver.isAvailable, "chromedriver is not installed"), .serialized)
struct WebPagesBrowserTests {
    @Test("a resident on a phone goes from the home page down to a street")
    func homeToStreet() async throws {
        try await withBrowser { browser, base in
            // Headless Chromium asks for English whatever its flags say; the first visit picks Chinese explicitly.
            try await browser.navigate(to: base + "/?lang=zh")
            #expect(try await browser.title.contains("市民云"))
            let stats = try await browser.findElements(css: "#city-stats strong")
            #expect(try await stats.first?.text == "20")
            try await keepScreenshot(browser, "home-phone")

            try await browser.findElement(css: "a.button[href='/divisions']").click()
            #expect(try await browser.findElement(css: "#division-name").text == "成都市")
            try await browser.findElement(css: "#children a[href='/divisions/510104']").click()
            #expect(try await browser.findElement(css: "#division-name").text == "锦江区")
            try await browser.findElement(css: "#children a[href='/divisions/510104003']").click()
            #expect(try await browser.findElement(css: "#division-name").text == "春熙路街道")
            let crumbs = try await browser.findElement(css: "nav.crumbs").text
            #expect(crumbs.contains("成都市") && crumbs.contains("锦江区"))
            try await keepScreenshot(browser, "division-street-phone")
        }
    }

    @Test("searching divisions works without JavaScript")
    func search() async throws {
        try await withBrowser(viewport: .desktop) { browser, base in
            try await browser.navigate(to: base + "/divisions?lang=zh")
            let input = try await browser.findElement(css: "#q")
            try await input.sendKeys("春熙")
            try await browser.findElement(css: "form.search button").click()
            let results = try await browser.findElement(css: "#results").text
            #expect(results.contains("春熙路街道"))
            #expect(try await browser.currentURL.absoluteString.contains("q="))
            try await keepScreenshot(browser, "division-search-desktop")
        }
    }

    @Test("the language switch shows English and remembers it")
    func english() async throws {
        try await withBrowser { browser, base in
            try await browser.navigate(to: base + "/divisions/510104?lang=zh")
            try await browser.findElement(css: "#switch-language").click()
            #expect(try await browser.findElement(css: "#tabbar-community").text == "Community")
            try await browser.findElement(css: "#tabbar-community").click()
            #expect(try await browser.waitForElement(css: "#nav-divisions").text == "Divisions")
            try await browser.navigate(to: base + "/console")
            #expect(try await browser.findElement(css: "h1").text == "Console sign-in")
            #expect(try await browser.findElements(css: "#login-form input[name=username]").count == 1)
            try await keepScreenshot(browser, "console-en-phone")
        }
    }

    @Test("an unknown page shows a readable error page, with the footer's attribution")
    func errorPage() async throws {
        try await withBrowser { browser, base in
            try await browser.navigate(to: base + "/divisions/510199?lang=zh")
            #expect(try await browser.findElement(css: "#problem-detail").text.contains("510199"))
            let footer = try await browser.findElement(css: "#attribution").text
            #expect(footer.contains("OpenStreetMap"))
            #expect(footer.contains("民政部"))
        }
    }
}
