import Appointments
import Billing
import Foundation
import HummingbirdTesting
import Identity
import Platform
import Population
import Territory
import TestSupport
import Testing

/// A resident of the register with an account (level 2), a water bill, and the demo places with their slots.
private let prepareServices: @Sendable (Database) async throws -> Void = { database in
    try await DivisionImporter(database: database).importCSV(
        try TestApp.dataFile("chengdu-divisions.csv"), fileName: "chengdu-divisions.csv")
    let cipher = try TestApp.cipher
    let idNumber = IDNumber(region: "510104", year: 1985, month: 6, day: 18, sequence: 321)
    let (household, _) = try await RegisterRepository(database: database).enrol(
        communityCode: "510104003", address: "红星路三段 1 号", residents: [("张晓红", idNumber)], cipher: cipher)
    _ = try await IdentityService(database: database, cipher: cipher, hasher: PasswordHasher(cost: 4))
        .registerResident(
            .init(name: "张晓红", idNumber: idNumber.value, phone: "13912345678", password: "Furong-Garden-42"),
            address: nil)
    try await BillRepository(database: database).issue([
        Bill(
            id: SortableID.make(), kind: .water, householdID: household, residentID: nil, communityCode: "510104003",
            departmentID: "cd-water", reference: "2026-10-browser", title: "2026-10 水费", titleEn: "Water, 2026-10",
            amountFen: 4_650, dueDate: "2026-11-25")
    ])
    try await TestApp.importCatalog(database)
    try await AppointmentDemoSeeder(database: database).seed(days: 3)
}

@Suite(
    "Appointments and bills in a browser", .enabled(if: WebDriver.isAvailable, "chromedriver is not installed"),
    .serialized)
struct ServicesBrowserTests {
    /// Saves a screenshot (`.build/screenshots/NAME.png`) and checks it is a real PNG.
    private func keep(_ browser: WebDriver, _ name: String) async throws {
        let png = try await browser.screenshot()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let directory = TestApp.repositoryRoot.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try png.write(to: directory.appendingPathComponent("\(name).png"))
    }

    /// Waits (up to five seconds) until the browser shows a page whose path starts with `prefix`: clicks on links
    /// and form buttons return before the next page has loaded.
    private func arrive(_ browser: WebDriver, at prefix: String, suffix: String = "") async throws -> Bool {
        for _ in 0..<50 {
            let path = try await browser.currentURL.path
            if path.hasPrefix(prefix) && path.hasSuffix(suffix) && path != prefix.dropLast() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test("a resident books a hospital slot and pays a water bill, on a phone, without JavaScript")
    func bookAndPay() async throws {
        try await TestApp.with(.sqlite, framework: .live, prepare: prepareServices) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            try await WebDriver.withSession(viewport: .phone) { browser in
                try await browser.navigate(to: base + "/signin?next=%2Fappointments&lang=zh")
                try await browser.findElement(css: "#username").sendKeys("13912345678")
                try await browser.findElement(css: "#password").sendKeys("Furong-Garden-42")
                try await browser.findElement(css: "#signin-form button").click()
                #expect(try await self.arrive(browser, at: "/appointments"))
                let hospitals = try await browser.findElement(css: "#hospitals").text
                #expect(hospitals.contains("四川大学华西医院"))
                try await self.keep(browser, "appointments-phone")

                try await browser.findElement(css: "#hospitals a[href='/appointments/places/huaxi-hospital']").click()
                try await self.keep(browser, "appointment-slots-phone")
                try await browser.findElement(css: "button.book").click()
                #expect(try await self.arrive(browser, at: "/appointments/mine/"))
                #expect(try await browser.findElement(css: "#appointment-status").text == "已预约")
                #expect(try await browser.findElement(css: "#timeline").text.contains("预约"))
                try await self.keep(browser, "appointment-booked-phone")

                try await browser.navigate(to: base + "/bills")
                #expect(try await browser.findElement(css: "#open-bills").text.contains("¥46.50"))
                try await self.keep(browser, "bills-phone")
                try await browser.findElement(css: "#open-bills a").click()
                #expect(try await self.arrive(browser, at: "/bills/"))
                try await browser.findElement(css: "#pay").click()
                #expect(try await self.arrive(browser, at: "/bills/", suffix: "/pay"))
                #expect(try await browser.findElement(css: "#confirm-amount").text == "¥46.50")
                try await self.keep(browser, "bill-confirm-phone")
                try await browser.findElement(css: "#confirm-pay").click()
                for _ in 0..<50 where try await browser.currentURL.path.hasSuffix("/pay") {
                    try await Task.sleep(for: .milliseconds(100))
                }
                // The simulator confirms a moment later through its signed callback: refresh until it has.
                var status = try await browser.findElement(css: "#bill-status").text
                for _ in 0..<50 where status != "已缴" {
                    try await Task.sleep(for: .milliseconds(200))
                    try await browser.refresh()
                    status = try await browser.findElement(css: "#bill-status").text
                }
                #expect(status == "已缴")
                let receipt = try await browser.findElement(css: "#receipt").text
                #expect(receipt.contains("¥46.50") && receipt.contains("sim_ch_"))
                try await self.keep(browser, "bill-receipt-phone")
            }
        }
    }
}
