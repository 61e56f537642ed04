import Appointments
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Appointment API")
struct AppointmentAPITests {
    @Test("places and slots are listed with filters; bad parameters are refused", arguments: TestBackend.available)
    func browse(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AppointmentFixture.standard) { client in
            let all = try await client.send(.get, "/api/v1/places").json(PlaceList.self)
            #expect(all.items.map(\.id) == ["huaxi-hospital", "jinjiang-centre"])
            let hospitals = try await client.send(.get, "/api/v1/places?kind=hospital").json(PlaceList.self)
            #expect(hospitals.items.map(\.id) == ["huaxi-hospital"])
            let civil = try await client.send(.get, "/api/v1/places?service=marriage-registration")
                .json(PlaceList.self)
            #expect(civil.items.map(\.id) == ["jinjiang-centre"])
            let wuhou = try await client.send(.get, "/api/v1/places?division=510107").json(PlaceList.self)
            #expect(wuhou.items.map(\.id) == ["huaxi-hospital"])
            let page = try await client.send(.get, "/api/v1/places?limit=1").json(PlaceList.self)
            #expect(page.items.count == 1)
            let next = try #require(page.nextCursor)
            #expect(try await client.send(.get, "/api/v1/places?cursor=\(next)").json(PlaceList.self).items.count == 1)

            let slots = try await client.send(.get, "/api/v1/places/huaxi-hospital/slots").json(SlotList.self)
            // The past slot is not offered.
            #expect(slots.items.map(\.id) == ["slot-h0", "slot-h1", "slot-h2", "slot-h3"])
            #expect(slots.items.allSatisfy { $0.startsAt.hasSuffix("+08:00") && $0.available == 2 })

            for (uri, code) in [
                ("/api/v1/places?kind=zoo", "invalid_parameter"), ("/api/v1/places?sort=name", "unknown_parameter"),
                ("/api/v1/places/huaxi-hospital/slots?date=2025-02-30", "invalid_parameter"),
                ("/api/v1/places/huaxi-hospital/slots?days=99", "invalid_parameter"),
                ("/api/v1/places/nowhere/slots", "place_not_found"), ("/api/v1/places/NOPE", "place_not_found"),
            ] {
                let response = try await client.send(.get, uri)
                #expect(response.problemCode == code, "\(uri)")
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true, "\(uri)")
            }
        }
    }

    @Test("book, list, reschedule and cancel; each refusal is a clear problem", arguments: TestBackend.available)
    func lifecycle(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AppointmentFixture.standard) { client in
            let one = try await client.token(AppointmentFixture.phone(1))
            let two = try await client.token(AppointmentFixture.phone(2))
            let three = try await client.token(AppointmentFixture.phone(3))

            #expect(try await client.send(.post, "/api/v1/slots/slot-h0/bookings").status == .unauthorized)
            let booked = try await client.send(.post, "/api/v1/slots/slot-h0/bookings", token: one)
            #expect(booked.status == .created)
            let appointment = try booked.json(AppointmentView.self)
            #expect(appointment.status == .booked && appointment.place.id == "huaxi-hospital")
            #expect(appointment.timeline.map(\.kind) == [.booked])

            let again = try await client.send(.post, "/api/v1/slots/slot-h0/bookings", token: one)
            #expect(again.status == .conflict && again.problemCode == "already_booked")
            #expect(try await client.send(.post, "/api/v1/slots/slot-h0/bookings", token: two).status == .created)
            let full = try await client.send(.post, "/api/v1/slots/slot-h0/bookings", token: three)
            #expect(full.status == .conflict && full.problemCode == "slot_full")
            let past = try await client.send(.post, "/api/v1/slots/slot-past/bookings", token: three)
            #expect(past.problemCode == "slot_closed")
            #expect(try await client.send(.post, "/api/v1/slots/none/bookings", token: three).status == .notFound)

            // Someone else's appointment does not exist for you.
            let foreign = try await client.send(.get, "/api/v1/me/appointments/\(appointment.id)", token: two)
            #expect(foreign.problemCode == "appointment_not_found")

            // Moving to a full slot changes nothing; to a free one moves the place.
            let toFull = try await client.send(
                .post, "/api/v1/me/appointments/\(appointment.id)/reschedule", json: #"{"slotId":"slot-h0"}"#,
                token: one)
            #expect(toFull.problemCode == "reschedule_same_slot")
            let otherService = try await client.send(
                .post, "/api/v1/me/appointments/\(appointment.id)/reschedule", json: #"{"slotId":"slot-c0"}"#,
                token: one)
            #expect(otherService.problemCode == "reschedule_other_service")
            let moved = try await client.send(
                .post, "/api/v1/me/appointments/\(appointment.id)/reschedule", json: #"{"slotId":"slot-h1"}"#,
                token: one)
            #expect(moved.status == .ok)
            #expect(try moved.json(AppointmentView.self).slot.id == "slot-h1")
            // The freed place can be booked by the third resident now.
            #expect(try await client.send(.post, "/api/v1/slots/slot-h0/bookings", token: three).status == .created)

            let cancelled = try await client.send(
                .post, "/api/v1/me/appointments/\(appointment.id)/cancellation", token: one)
            #expect(
                try cancelled.json(AppointmentView.self).timeline.map(\.kind) == [.booked, .rescheduled, .cancelled])
            let twice = try await client.send(
                .post, "/api/v1/me/appointments/\(appointment.id)/cancellation", token: one)
            #expect(twice.problemCode == "appointment_not_active")

            let mine = try await client.send(.get, "/api/v1/me/appointments", token: one).json(AppointmentList.self)
            #expect(mine.items.map(\.status) == [.cancelled])
            let active = try await client.send(.get, "/api/v1/me/appointments?status=booked", token: one)
                .json(AppointmentList.self)
            #expect(active.items.isEmpty)
            let slots = try await client.send(.get, "/api/v1/places/huaxi-hospital/slots").json(SlotList.self)
            #expect(slots.items.first { $0.id == "slot-h0" }?.available == 0)
            #expect(slots.items.first { $0.id == "slot-h1" }?.available == 2)

            // Officials do not book for themselves.
            let staff = try await client.token("health.staff", official: true)
            #expect(try await client.send(.post, "/api/v1/slots/slot-h2/bookings", token: staff).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/me/appointments", token: staff).status == .forbidden)
        }
    }

    @Test("only the owning department's staff add places and slots", arguments: TestBackend.available)
    func staff(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AppointmentFixture.standard) { client in
            let health = try await client.token("health.staff", official: true)
            let civil = try await client.token("civil.staff", official: true)
            let resident = try await client.token(AppointmentFixture.phone(1))
            let place = #"""
                {"id":"tianfu-hospital","kind":"hospital","name":"天府医院","nameEn":"Tianfu Hospital",
                 "address":"高新区","addressEn":"Gaoxin","divisionCode":"510107","departmentId":"cd-health"}
                """#
            #expect(try await client.send(.post, "/api/v1/places", json: place, token: resident).status == .forbidden)
            #expect(try await client.send(.post, "/api/v1/places", json: place, token: civil).status == .forbidden)
            #expect(try await client.send(.post, "/api/v1/places", json: place, token: health).status == .created)
            let duplicate = try await client.send(.post, "/api/v1/places", json: place, token: health)
            #expect(duplicate.problemCode == "place_exists")

            let start = CityClock.rfc3339(CityClock.now() + 2 * 86_400)
            let end = CityClock.rfc3339(CityClock.now() + 2 * 86_400 + 1800)
            let slots =
                #"{"slots":[{"serviceId":"hospital-registration","startsAt":"\#(start)","endsAt":"\#(end)","capacity":5}]}"#
            let refused = try await client.send(
                .post, "/api/v1/places/tianfu-hospital/slots", json: slots, token: civil)
            #expect(refused.status == .forbidden)
            let added = try await client.send(.post, "/api/v1/places/tianfu-hospital/slots", json: slots, token: health)
            #expect(added.status == .created)
            #expect(try added.json(SlotList.self).items.first?.capacity == 5)
            let backwards =
                #"{"slots":[{"serviceId":"hospital-registration","startsAt":"\#(end)","endsAt":"\#(start)","capacity":5}]}"#
            let bad = try await client.send(
                .post, "/api/v1/places/tianfu-hospital/slots", json: backwards, token: health)
            #expect(bad.status == .badRequest && bad.problemCode == "invalid_field")
            let listed = try await client.send(.get, "/api/v1/places/tianfu-hospital/slots?days=3").json(SlotList.self)
            #expect(listed.items.count == 1)
        }
    }

    @Test(
        "slots and listings take only the catalog's appointment services of the place's department",
        arguments: TestBackend.available)
    func catalogServices(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AppointmentFixture.standard) { client in
            let health = try await client.token("health.staff", official: true)
            let start = CityClock.rfc3339(CityClock.now() + 2 * 86_400)
            let end = CityClock.rfc3339(CityClock.now() + 2 * 86_400 + 1800)
            func slots(_ service: String) -> String {
                #"{"slots":[{"serviceId":"\#(service)","startsAt":"\#(start)","endsAt":"\#(end)","capacity":5}]}"#
            }
            for (service, code) in [
                ("health-outpatient", "unknown_service"), ("water-bill", "service_kind_mismatch"),
                ("marriage-registration", "service_of_other_department"),
            ] {
                let refused = try await client.send(
                    .post, "/api/v1/places/huaxi-hospital/slots", json: slots(service), token: health)
                #expect(refused.status == .unprocessableContent && refused.problemCode == code, "\(service)")
                #expect(refused.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            }
            let vaccination = try await client.send(
                .post, "/api/v1/places/huaxi-hospital/slots", json: slots("child-vaccination"), token: health)
            #expect(vaccination.status == .created)
            let offering = try await client.send(.get, "/api/v1/places?service=child-vaccination").json(PlaceList.self)
            #expect(offering.items.map(\.id) == ["huaxi-hospital"])
            let unknown = try await client.send(.get, "/api/v1/places?service=no-such-service")
            #expect(unknown.status == .unprocessableContent && unknown.problemCode == "unknown_service")
            let malformed = try await client.send(.get, "/api/v1/places?service=health.outpatient")
            #expect(malformed.status == .badRequest)
        }
    }

    @Test(
        "a slot left over for a service the catalog no longer offers cannot be booked", arguments: TestBackend.available
    )
    func staleService(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: AppointmentFixture.standard) { client, database in
            let start = CityClock.now() + 86_400
            try await PlaceRepository(database: database).addSlots([
                Slot(
                    id: "slot-old", placeID: "huaxi-hospital", serviceID: "health.outpatient", startsAt: start,
                    endsAt: start + 1800, capacity: 5, booked: 0)
            ])
            let one = try await client.token(AppointmentFixture.phone(1))
            let refused = try await client.send(.post, "/api/v1/slots/slot-old/bookings", token: one)
            #expect(refused.status == .unprocessableContent && refused.problemCode == "unknown_service")
            #expect(try await PlaceRepository(database: database).slot("slot-old")?.booked == 0)
        }
    }
}

/// A page of places as a client decodes it.
struct PlaceList: Decodable {
    let items: [Place]
    let nextCursor: String?
}

/// A page of appointments as a client decodes it.
struct AppointmentList: Decodable {
    let items: [AppointmentView]
    let nextCursor: String?
}
