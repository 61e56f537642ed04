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

@Suite("Appointments under a flood of concurrent bookings")
struct BookingRaceTests {
    @Test(
        "1,000 concurrent bookings over HTTP for a slot of 100 places: exactly 100 succeed",
        arguments: TestBackend.available)
    func thousandOverHTTP(backend: TestBackend) async throws {
        try await TestApp.with(
            backend, prepare: AppointmentFixture.crowd
        ) { client in
            // Tokens first (sign-ins are not what is being raced).
            let clock = ContinuousClock()
            let signingIn = clock.now
            // One sign-in first: it creates the signing keys (concurrent first sign-ins race to create them).
            let first = try await client.token(AppointmentFixture.phone(1))
            // Sign-ins a few at a time: they are not what is being raced, and a flood of them would only measure the
            // identity context's pool.
            var tokens = [first]
            for batch in Array(2...1000).chunked(into: 4) {
                tokens += try await withThrowingTaskGroup(of: String.self) { group in
                    for n in batch { group.addTask { try await client.token(AppointmentFixture.phone(n)) } }
                    return try await group.reduce(into: [String]()) { $0.append($1) }
                }
            }
            #expect(tokens.count == 1000)
            print("signed in 1000 residents in \(clock.now - signingIn)")
            let booking = clock.now
            defer { print("1000 bookings in \(clock.now - booking)") }
            let statuses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?).self) { group in
                for token in tokens {
                    group.addTask {
                        let response = try await client.send(.post, "/api/v1/slots/slot-h0/bookings", token: token)
                        return (response.status, response.problemCode)
                    }
                }
                return try await group.reduce(into: [(HTTPResponse.Status, String?)]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == .created }.count == 100)
            let histogram = Dictionary(grouping: statuses, by: { "\($0.0.code) \($0.1 ?? "")" }).mapValues(\.count)
            #expect(statuses.filter { $0.0 == .conflict && $0.1 == "slot_full" }.count == 900, "\(histogram)")
            let slots = try await client.send(.get, "/api/v1/places/huaxi-hospital/slots?days=3").json(SlotList.self)
            let slot = try #require(slots.items.first { $0.id == "slot-h0" })
            #expect(slot.capacity == 100 && slot.available == 0)
        }
    }

    @Test(
        "1,000 concurrent bookings spread over 10 slots of 10 places each: every slot ends exactly full",
        arguments: TestBackend.available)
    func thousandOverSlots(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let places = PlaceRepository(database: database)
            try await places.create(AppointmentFixture.hospital)
            let start = CityClock.now() + 86_400
            try await places.addSlots(
                (0..<10).map {
                    Slot(
                        id: "s\($0)", placeID: "huaxi-hospital", serviceID: "hospital-registration",
                        startsAt: start + Int64($0) * 600, endsAt: start + Int64($0 + 1) * 600, capacity: 10, booked: 0)
                })
            let bookings = BookingRepository(database: database)
            let outcomes = await withTaskGroup(of: String.self) { group in
                for n in 0..<1000 {
                    group.addTask {
                        do {
                            _ = try await bookings.book(slotID: "s\(n % 10)", accountID: "account-\(n)")
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
            #expect(outcomes.filter { $0 == "ok" }.count == 100)
            #expect(outcomes.filter { $0 == "slot_full" }.count == 900)
            for n in 0..<10 {
                let slot = try #require(try await places.slot("s\(n)"))
                #expect(slot.booked == 10)
            }
            let rows = try await database.withConnection { sql in
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                    .from("appointment_bookings").where("status", .equal, "booked")
                    .first(decodingColumn: "n", as: Int.self)
            }
            #expect(rows == 100)
        }
    }

    @Test(
        "one resident racing themself gets one booking and already_booked for the rest",
        arguments: TestBackend.available)
    func sameResident(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let places = PlaceRepository(database: database)
            try await places.create(AppointmentFixture.hospital)
            let start = CityClock.now() + 86_400
            try await places.addSlots([
                Slot(
                    id: "s", placeID: "huaxi-hospital", serviceID: "hospital-registration", startsAt: start,
                    endsAt: start + 600, capacity: 50, booked: 0)
            ])
            let bookings = BookingRepository(database: database)
            let outcomes = await withTaskGroup(of: String.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        do {
                            _ = try await bookings.book(slotID: "s", accountID: "same")
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
            #expect(outcomes.filter { $0 == "ok" }.count == 1)
            #expect(outcomes.filter { $0 == "already_booked" }.count == 19)
            #expect(try await places.slot("s")?.booked == 1)
        }
    }
}

/// The slot listing as a client decodes it.
struct SlotList: Decodable {
    let items: [SlotView]
}
