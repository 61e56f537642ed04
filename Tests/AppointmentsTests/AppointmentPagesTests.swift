import Appointments
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Appointment pages")
struct AppointmentPagesTests {
    /// Signs resident `n` in through `/signin`; returns the session cookie header.
    static func session(_ client: some TestClientProtocol, _ n: Int) async throws -> HTTPFields {
        let page = try await client.execute(uri: "/signin?next=%2Fappointments", method: .get)
        let csrf = try #require(Self.hidden("csrf", in: String(buffer: page.body)))
        let signedIn = try await client.execute(
            uri: "/signin", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "cc_signin_csrf=\(csrf)"],
            body: ByteBuffer(
                string: "csrf=\(csrf)&username=\(AppointmentFixture.phone(n))"
                    + "&password=\(AppointmentFixture.password)&next=%2Fappointments"))
        let header = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("cc_session=") })
        return [.cookie: String(header.prefix { $0 != ";" })]
    }

    static func hidden(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: #"name="\#(name)" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func post(
        _ client: some TestClientProtocol, _ uri: String, _ session: HTTPFields, _ body: String
    ) async throws -> TestResponse {
        var headers = session
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test(
        "browse, book, reschedule and cancel through forms; refusals come back as messages",
        arguments: TestBackend.available)
    func forms(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AppointmentFixture.standard) { client in
            let home = String(buffer: try await client.execute(uri: "/appointments?lang=en", method: .get).body)
            #expect(home.contains("West China Hospital") && home.contains("Jinjiang Service Centre"))
            let anonymous = String(
                buffer: try await client.execute(uri: "/appointments/places/huaxi-hospital", method: .get).body)
            #expect(anonymous.contains("/signin?next=") && !anonymous.contains("button type=\"submit\" class=\"book\""))
            #expect(try await client.execute(uri: "/appointments/places/nowhere", method: .get).status == .notFound)

            let one = try await Self.session(client, 1)
            let page = String(
                buffer: try await client.execute(
                    uri: "/appointments/places/huaxi-hospital", method: .get, headers: one
                ).body)
            #expect(page.contains(#"data-slot="slot-h0""#) && page.contains("医院预约挂号"))
            let csrf = try #require(Self.hidden("csrf", in: page))
            let forged = try await Self.post(client, "/appointments/slots/slot-h0/book", one, "csrf=nope")
            #expect(forged.status == .forbidden)
            let booked = try await Self.post(client, "/appointments/slots/slot-h0/book", one, "csrf=\(csrf)")
            let location = try #require(booked.headers[.location])
            #expect(booked.status == .seeOther && location.hasPrefix("/appointments/mine/"))
            let again = try await Self.post(client, "/appointments/slots/slot-h0/book", one, "csrf=\(csrf)")
            #expect(again.headers[.location] == "/appointments/places/huaxi-hospital?error=already_booked")
            let message = String(
                buffer: try await client.execute(uri: again.headers[.location]!, method: .get, headers: one).body)
            #expect(message.contains(#"id="booking-error""#) && message.contains("你已预约了该时段"))

            let detail = String(buffer: try await client.execute(uri: location, method: .get, headers: one).body)
            #expect(detail.contains(#"<option value="slot-h1">"#) && detail.contains("已预约"))
            let moved = try await Self.post(client, location + "/reschedule", one, "csrf=\(csrf)&slot=slot-h1")
            #expect(moved.headers[.location] == location)
            let cancelled = try await Self.post(client, location + "/cancel", one, "csrf=\(csrf)")
            #expect(cancelled.headers[.location] == location)
            let after = String(buffer: try await client.execute(uri: location, method: .get, headers: one).body)
            #expect(after.contains("已取消") && after.contains("改期") && !after.contains(#"id="cancel""#))

            // Someone else's appointment page does not exist for you.
            let two = try await Self.session(client, 2)
            #expect(try await client.execute(uri: location, method: .get, headers: two).status == .notFound)
            let mine = String(buffer: try await client.execute(uri: "/appointments", method: .get, headers: one).body)
            #expect(mine.contains(#"id="my-appointments""#))
        }
    }

    @Test(
        "a catalog service's link narrows the pages to its places, and says so when no place offers it",
        arguments: TestBackend.available)
    func serviceFilter(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AppointmentFixture.standard) { client in
            let home = String(buffer: try await client.execute(uri: "/appointments", method: .get).body)
            #expect(home.contains(#"href="/appointments?service=hospital-registration""#))
            #expect(home.contains(#"href="/appointments?service=museum-visit""#))
            let hospital = String(
                buffer: try await client.execute(uri: "/appointments?service=hospital-registration", method: .get).body)
            #expect(hospital.contains(#"id="appointment-service""#) && hospital.contains("医院预约挂号"))
            #expect(hospital.contains(#"href="/appointments/places/huaxi-hospital?service=hospital-registration""#))
            #expect(!hospital.contains("jinjiang-centre") && !hospital.contains(#"id="no-places""#))
            let place = String(
                buffer: try await client.execute(
                    uri: "/appointments/places/jinjiang-centre?service=hospital-registration", method: .get
                ).body)
            #expect(!place.contains("data-slot") && place.contains("未来 7 天暂无可预约时段"))
            let museum = String(
                buffer: try await client.execute(uri: "/appointments?service=museum-visit&lang=en", method: .get).body)
            #expect(museum.contains(#"id="no-places""#) && museum.contains("Book a museum visit"))
            #expect(museum.contains(#"href="/services/museum-visit""#))
            let wrongKind = try await client.execute(uri: "/appointments?service=water-bill", method: .get)
            #expect(wrongKind.status == .unprocessableContent)
        }
    }
}
