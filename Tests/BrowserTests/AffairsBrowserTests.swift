import Appointments
import Foundation
import HTTPTypes
import HummingbirdOTP
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import SQLKit
import ServiceHall
import Territory
import TestSupport
import Testing

@Suite("My affairs in a browser", .enabled(if: WebDriver.isAvailable, "chromedriver is not installed"), .serialized)
struct AffairsBrowserTests {
    static let password = "Furong-Garden-42"
    static let secret = "BrowserTestTOTPSecret"
    static let phone = "13912340077"

    /// The shipped catalog, a member of staff of the public security bureau and a service centre with slots.
    static let prepare: @Sendable (Database) async throws -> Void = { database in
        try await ServiceHallBrowserTests.prepare(database)
        try await DivisionRepository(database: database).upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
        ])
        let places = PlaceRepository(database: database)
        try await places.create(
            Place(
                id: "jinjiang-centre", kind: .serviceCentre, name: "锦江区政务服务中心", nameEn: "Jinjiang Service Centre",
                address: "锦华路一段88号", addressEn: "88 Jinhua Rd", divisionCode: "510104", departmentId: "cd-psb"))
        let start = CityClock.now() + 2 * 86_400
        try await places.addSlots(
            (0..<2).map {
                Slot(
                    id: "slot-\($0)", placeID: "jinjiang-centre", serviceID: "resident-id-card-renewal",
                    startsAt: start + Int64($0) * 1800, endsAt: start + Int64($0 + 1) * 1800, capacity: 5, booked: 0)
            })
    }

    /// POSTs JSON and returns the answer's body as an object.
    static func post(
        _ client: some TestClientProtocol, _ uri: String, _ json: String, token: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> [String: Any] {
        var headers = extra
        headers[.contentType] = "application/json"
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(
            uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
        #expect(response.status.code < 300, "\(uri): \(String(buffer: response.body))")
        return (try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
            ?? [:]
    }

    @Test("a resident's applications and appointment in one list → tabs → rate the finished one → its timeline")
    func walkThrough() async throws {
        try await TestApp.withDatabase(.sqlite, framework: .live, prepare: Self.prepare) { client, database in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let id = IDNumber(region: "510104", year: 1988, month: 3, day: 12, sequence: 456).value
            _ = try await Self.post(
                client, "/api/v1/residents",
                #"{"name":"李明","idNumber":"\#(id)","phone":"\#(Self.phone)","password":"\#(Self.password)"}"#)
            // Real-name level (L2), which the ID-card appointment needs, as if matched to the register.
            try await database.withConnection { sql in
                try await sql.update("identity_accounts").set("level", to: 2).where("role", .equal, "resident").run()
            }
            let login = try await Self.post(
                client, "/api/v1/auth/login", #"{"username":"\#(Self.phone)","password":"\#(Self.password)"}"#)
            let token = try #require(login["accessToken"] as? String)
            let form =
                #"{"form":{"address":"成都市锦江区春熙路 1 号","since":"2024-03-01","basis":"work","phone":"13912340077","consent":true}}"#
            var applications: [String] = []
            for key in ["walk-1", "walk-2"] {
                let submitted = try await Self.post(
                    client, "/api/v1/services/residence-permit/applications", form, token: token,
                    headers: [HTTPField.Name("Idempotency-Key")!: key])
                applications.append(try #require(submitted["id"] as? String))
            }
            _ = try await Self.post(client, "/api/v1/slots/slot-0/bookings", "{}", token: token)

            let code = String(format: "%06d", TOTP(secret: Self.secret).compute(date: Date()))
            let staff = try #require(
                try await Self.post(
                    client, "/api/v1/auth/login",
                    #"{"username":"psb.clerk","password":"\#(Self.password)","otp":"\#(code)"}"#)["accessToken"]
                    as? String)
            for action in ["accept", "review", "approve", "complete"] {
                _ = try await Self.post(
                    client, "/api/v1/staff/applications/\(applications[0])/actions", #"{"action":"\#(action)"}"#,
                    token: staff)
            }

            try await WebDriver.withSession(viewport: .phone) { browser in
                try await browser.navigate(to: base + "/?lang=zh")
                try await browser.waitForElement(css: "#home-affairs").click()
                try await browser.waitForElement(css: "#username").sendKeys(Self.phone)
                try await browser.findElement(css: "#password").sendKeys(Self.password)
                try await browser.findElement(css: "#signin-form button").click()
                _ = try await browser.waitForElement(css: "#affairs")
                #expect(try await browser.findElements(css: "#affairs li.affair").count == 3)
                #expect(
                    try await browser.findElement(css: "#affair-\(applications[0]) .status-completed").text == "已办结")
                #expect(try await browser.findElement(css: "#affairs-bills-unverified").text.contains("实名核验"))
                try await ServiceHallBrowserTests.keep(browser, "my-affairs-phone")

                try await browser.findElement(css: "#tab-application").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#tab-application.on", "办件")
                #expect(try await browser.findElements(css: "#affairs li.affair").count == 2)
                try await browser.findElement(css: "#rate-\(applications[0]) summary").click()
                try await browser.waitForElement(css: "#rating-form-\(applications[0]) input[value='4']").click()
                try await browser.findElement(css: "#comment-\(applications[0])").sendKeys("窗口办理很快")
                try await ServiceHallBrowserTests.keep(browser, "my-affairs-rating-phone")
                try await browser.findElement(css: "#submit-rating-\(applications[0])").click()
                #expect(try await browser.waitForElement(css: "#rating-\(applications[0])").text.contains("窗口办理很快"))
                #expect(try await browser.findElements(css: "#rating-form-\(applications[0])").isEmpty)

                try await browser.findElement(css: "#tab-appointment").click()
                try await ServiceHallBrowserTests.waitForText(browser, "#tab-appointment.on", "预约")
                #expect(try await browser.findElements(css: "a[id^='reschedule-']").count == 1)
                try await browser.findElement(css: "#state-done").click()
                _ = try await browser.waitForElement(css: "#affairs-empty")

                try await browser.navigate(to: base + "/me/affairs/application/\(applications[0])")
                _ = try await browser.waitForElement(css: "#timeline")
                #expect(try await browser.findElements(css: "#timeline li").count == 6)
                try await ServiceHallBrowserTests.keep(browser, "my-affair-timeline-phone")
            }
        }
    }
}
