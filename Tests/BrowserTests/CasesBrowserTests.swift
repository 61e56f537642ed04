import Foundation
import HummingbirdOTP
import HummingbirdTesting
import Identity
import Platform
import SQLKit
import Territory
import TestSupport
import Testing

@Suite("Cases in a browser", .enabled(if: WebDriver.isAvailable, "chromedriver is not installed"), .serialized)
struct CasesBrowserTests {
    static let password = "Furong-Garden-42"
    static let secret = "BrowserTestTOTPSecret"
    static let phone = "13712340001"
    static let community = "510104003001"

    /// The catalog, a street with one community, a resident matched with the register there, and two officials.
    static let prepare: @Sendable (Database) async throws -> Void = { database in
        try await TestApp.importCatalog(database)
        let divisions = DivisionRepository(database: database)
        try await divisions.upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(code: community, name: "和平社区", level: .community, parentCode: "510104003"),
        ])
        let cipher = try TestApp.cipher
        let id = IDNumber(region: "510104", year: 1985, month: 6, day: 1, sequence: 321).value
        let hash = try await PasswordHasher(cost: 4).hash(Self.password)
        try await database.transaction { sql in
            try await sql.insert(into: "households").columns("id", "community_code", "address", "size")
                .values(SQLBind(1), SQLBind(community), SQLBind("1栋"), SQLBind(1)).run()
            try await sql.insert(into: "residents")
                .columns(
                    "id", "household_id", "community_code", "name", "gender", "birth_date", "relation",
                    "id_number_hash", "id_number_enc"
                )
                .values(
                    SQLBind(1), SQLBind(1), SQLBind(community), SQLBind("王芳"), SQLBind("F"), SQLBind("1985-06-01"),
                    SQLBind("head"), SQLBind(cipher.lookupHash(id)), SQLBind(Data(cipher.seal(id)))
                ).run()
            try await sql.insert(into: "identity_accounts")
                .columns(
                    "id", "role", "name", "id_number_hash", "id_number_enc", "phone_hash", "phone_enc",
                    "password_hash", "level", "created_at"
                )
                .values(
                    SQLBind("resident-1"), SQLBind("resident"), SQLBind("王芳"), SQLBind(cipher.lookupHash(id)),
                    SQLBind(Data(cipher.seal(id))), SQLBind(cipher.lookupHash(Self.phone)),
                    SQLBind(Data(cipher.seal(Self.phone))), SQLBind(hash), SQLBind(2),
                    SQLBind(Int64(Date().timeIntervalSince1970))
                ).run()
        }
        let service = IdentityService(database: database, cipher: cipher, hasher: PasswordHasher(cost: 4))
        for (username, role, scope) in [
            ("heping.worker", Role.communityWorker, community), ("chunxilu.officer", .streetOfficer, "510104003"),
            ("city.officer", .cityOfficer, "510100"),
        ] {
            _ = try await service.createOfficial(
                username: username, name: username, role: role, scope: scope, password: Self.password,
                totpSecret: Self.secret, divisions: divisions)
        }
    }

    static func signInResident(_ browser: WebDriver, _ base: String, next: String) async throws {
        try await browser.signInResident(base: base, phone: Self.phone, password: Self.password, next: next)
    }

    static func signInOfficial(_ browser: WebDriver, _ base: String, _ username: String) async throws {
        try await browser.signInOfficial(
            base: base, username: username, password: Self.password, totpSecret: Self.secret)
    }

    /// A 1 × 1 PNG.
    static let pixelPNG =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

    @Test(
        "a resident reports → the community accepts and escalates → the street resolves and closes → the resident rates"
    )
    func reportEscalateCloseRate() async throws {
        try await TestApp.with(.sqlite, framework: .live, prepare: Self.prepare) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let path: String = try await WebDriver.withSession(viewport: .phone) { browser in
                try await Self.signInResident(browser, base, next: "/cases/new")
                _ = try await browser.waitForElement(css: "#case-form")
                try await browser.findElement(css: "#case-category option[value='street-light']").click()
                try await browser.findElement(css: "#case-description").sendKeys("和平社区东门路灯连续三晚不亮")
                try await browser.findElement(css: "#case-lat").sendKeys("30.6571")
                try await browser.findElement(css: "#case-lon").sendKeys("104.0812")
                // A photo taken on the spot: a 1 × 1 PNG uploaded through the file input.
                let photo = FileManager.default.temporaryDirectory.appendingPathComponent("lamp-\(UUID()).png")
                try Data(base64Encoded: Self.pixelPNG)?.write(to: photo)
                defer { try? FileManager.default.removeItem(at: photo) }
                try await browser.findElement(css: "#case-photos").sendKeys(photo.path)
                try await ServiceHallBrowserTests.keep(browser, "cases-report-phone")
                try await browser.findElement(css: "#case-submit").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#case-status", "已受理")
                #expect(try await browser.findElement(css: "#case-title").text == "路灯不亮")
                #expect(try await browser.findElement(css: "#case-owner").text.contains(Self.community))
                // The photo is stored and shown to its reporter.
                let loaded = try await browser.executeScript(
                    "const i = document.querySelector('#case-photos img'); return i ? i.complete && i.naturalWidth : -1"
                )
                #expect(loaded == .number(1))
                try await ServiceHallBrowserTests.keep(browser, "cases-received-phone")
                guard case .string(let path) = try await browser.executeScript("return location.pathname") else {
                    throw CancellationError()
                }
                return path
            }
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await Self.signInOfficial(browser, base, "heping.worker")
                try await browser.navigate(to: base + "/console/cases")
                _ = try await browser.waitForElement(css: "#inbox")
                #expect(try await browser.findElements(css: "#inbox tbody tr").count == 1)
                try await browser.findElement(css: "#inbox a[href='/console\(path)']").click()
                try await browser.waitForElement(css: "#do-accept").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#case-status", "已签收")
                try await browser.findElement(css: "#note-escalate").sendKeys("涉及市政线路，需街道协调供电部门")
                try await ServiceHallBrowserTests.keep(browser, "cases-community-handles-phone")
                try await browser.findElement(css: "#do-escalate").click()
                try await browser.waitFor("escalated to the street") {
                    (try? await browser.findElement(css: "#case-owner").text.hasSuffix("510104003")) == true
                }
                #expect(try await browser.findElements(css: "#do-accept").isEmpty)
            }
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await Self.signInOfficial(browser, base, "chunxilu.officer")
                try await browser.navigate(to: base + "/console/cases?view=escalated")
                try await browser.waitForElement(css: "#inbox a[href='/console\(path)']").click()
                try await browser.waitForElement(css: "#do-accept").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#case-status", "已签收")
                try await browser.findElement(css: "#do-start").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#case-status", "办理中")
                try await browser.findElement(css: "#note-resolve").sendKeys("已协调供电公司更换线路，路灯恢复")
                try await browser.findElement(css: "#do-resolve").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#case-status", "已办结待确认")
                try await browser.findElement(css: "#do-close").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#case-status", "已关闭")
                try await ServiceHallBrowserTests.keep(browser, "cases-street-closes-phone")
            }
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await Self.signInResident(browser, base, next: path)
                _ = try await browser.waitForElement(css: "#rate-form")
                try await browser.findElement(css: "#rate-comment").sendKeys("街道协调很给力")
                try await browser.findElement(css: "#do-rate").click()
                #expect(try await browser.waitForElement(css: "#case-rating").text.contains("街道协调很给力"))
                #expect(try await browser.findElements(css: "#timeline li").count == 8)
                try await ServiceHallBrowserTests.keep(browser, "cases-rated-phone")
                try await browser.navigate(to: base + "/me/cases")
                #expect(try await browser.waitForElement(css: "#my-cases").text.contains("已关闭"))
            }
        }
    }

    @Test(
        "a city officer finds the routing rules in the console, sends a district's noise cases to another department, and removes the rule"
    )
    func cityOfficerEditsRoutingRules() async throws {
        try await TestApp.with(.sqlite, framework: .live, prepare: Self.prepare) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await Self.signInOfficial(browser, base, "city.officer")
                try await browser.navigate(to: base + "/console/home")
                try await browser.waitForElement(css: "a[href='/console/cases/rules']").click()
                _ = try await browser.waitForElement(css: "#rule-form")
                let before = try await browser.findElements(css: "#rules tbody tr").count
                try await browser.findElement(css: "#rule-category option[value='noise']").click()
                try await browser.findElement(css: "#rule-prefix").sendKeys("510104")
                try await browser.findElement(css: "#rule-department option[value='cd-ecology']").click()
                try await browser.findElement(css: "#rule-note").sendKeys("锦江区噪声投诉由生态环境局直接办理")
                try await browser.findElement(css: "#rule-save").click()
                _ = try await browser.waitForElement(css: "#rules-saved")
                #expect(try await browser.findElements(css: "#rules tbody tr").count == before + 1)
                let row = try await browser.findElement(css: "#rules").text
                #expect(row.contains("锦江区噪声投诉由生态环境局直接办理"))
                try await ServiceHallBrowserTests.keep(browser, "cases-rules-phone")
                // A prefix that is not digits is refused with the reason; nothing is added.
                try await browser.findElement(css: "#rule-prefix").sendKeys("abc")
                _ = try await browser.executeScript("document.querySelector('#rule-prefix').removeAttribute('pattern')")
                try await browser.findElement(css: "#rule-save").click()
                _ = try await browser.waitForElement(css: "#rules-error")
                #expect(try await browser.findElements(css: "#rules tbody tr").count == before + 1)
                // The new rule can be removed; the defaults cannot.
                try await browser.findElement(css: "#rules button[id^='delete-']").click()
                _ = try await browser.waitForElement(css: "#rules-saved")
                #expect(try await browser.findElements(css: "#rules tbody tr").count == before)
                #expect(try await browser.findElements(css: "#rules button[id^='delete-']").isEmpty)
            }
        }
    }
}
