import App
import Appointments
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import SQLKit
import TestSupport
import Testing

@Suite("Concurrent reschedules and cancellations of the same appointments")
struct RescheduleRaceTests {
    /// The standard places and slots with twelve residents and room for all of them in every slot.
    static func twelveResidents(_ database: Database) async throws {
        try await AppointmentFixture.prepare(database, residents: 12, capacity: 50)
    }

    @Test(
        "racing book, reschedule and cancel keeps every slot's counter equal to its active bookings, never a 5xx",
        arguments: TestBackend.available)
    func counters(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: Self.twelveResidents) { client, database in
            var residents: [(token: String, appointment: String)] = []
            for n in 1...12 {
                let token = try await client.token(AppointmentFixture.phone(n))
                let booked = try await client.send(.post, "/api/v1/slots/slot-h0/bookings", token: token)
                #expect(booked.status == .created)
                residents.append((token, try booked.json(AppointmentView.self).id))
            }
            let slots = ["slot-h0", "slot-h1", "slot-h2", "slot-h3"]
            let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for (index, resident) in residents.enumerated() {
                    for step in 0..<8 {
                        group.addTask {
                            let path = "/api/v1/me/appointments/\(resident.appointment)"
                            let response: TestResponse
                            switch (index + step) % 4 {
                            case 3:
                                response = try await client.send(.post, path + "/cancellation", token: resident.token)
                            case 2:
                                response = try await client.send(
                                    .post, "/api/v1/slots/\(slots[step % 4])/bookings", token: resident.token)
                            default:
                                response = try await client.send(
                                    .post, path + "/reschedule", json: #"{"slotId":"\#(slots[(index + step) % 4])"}"#,
                                    token: resident.token)
                            }
                            return (Int(response.status.code), response.problemCode)
                        }
                    }
                }
                return try await group.reduce(into: [(Int, String?)]()) { $0.append($1) }
            }
            let serverErrors = statuses.filter { $0.0 >= 500 }
            #expect(serverErrors.isEmpty, "\(serverErrors)")
            #expect(statuses.allSatisfy { [200, 201, 404, 409, 422].contains($0.0) }, "\(statuses)")
            try await database.withConnection { sql in
                for slot in slots {
                    let booked = try await sql.select().column("booked").from("appointment_slots")
                        .where("id", .equal, slot).first(decodingColumn: "booked", as: Int.self)
                    let active = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                        .from("appointment_bookings").where("slot_id", .equal, slot)
                        .where("status", .equal, "booked").first(decodingColumn: "n", as: Int.self)
                    #expect(booked == active, "\(slot): counter \(booked ?? -1), active bookings \(active ?? -1)")
                }
            }
        }
    }

    @Test(
        "repository: two moves and a cancellation of one booking at once give its place back exactly once",
        arguments: TestBackend.available)
    func oneBooking(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let places = PlaceRepository(database: database)
            try await places.create(AppointmentFixture.hospital)
            let start = CityClock.now() + 86_400
            try await places.addSlots(
                (0..<3).map {
                    Slot(
                        id: "s\($0)", placeID: "huaxi-hospital", serviceID: "hospital-registration",
                        startsAt: start + Int64($0) * 600, endsAt: start + Int64($0 + 1) * 600, capacity: 40,
                        booked: 0)
                })
            let bookings = BookingRepository(database: database)
            for round in 0..<10 {
                let account = "account-\(round)"
                let appointment = try await bookings.book(slotID: "s0", accountID: account)
                let outcomes = await withTaskGroup(of: String.self) { group in
                    for task in 0..<6 {
                        group.addTask {
                            do {
                                switch task % 3 {
                                case 0: _ = try await bookings.reschedule(appointment.id, to: "s1", accountID: account)
                                case 1: _ = try await bookings.reschedule(appointment.id, to: "s2", accountID: account)
                                default: _ = try await bookings.cancel(appointment.id, accountID: account)
                                }
                                return "ok"
                            } catch let problem as Problem {
                                return problem.code
                            } catch {
                                return "error: \(error)"
                            }
                        }
                    }
                    return await group.reduce(into: [String]()) { $0.append($1) }
                }
                #expect(!outcomes.contains { $0.hasPrefix("error") }, "\(outcomes)")
            }
            for n in 0..<3 {
                let active = try await database.withConnection { sql in
                    try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                        .from("appointment_bookings").where("slot_id", .equal, "s\(n)").where(
                            "status", .equal, "booked"
                        )
                        .first(decodingColumn: "n", as: Int.self)
                }
                #expect(try #require(try await places.slot("s\(n)")).booked == active, "slot s\(n)")
            }
        }
    }
}
