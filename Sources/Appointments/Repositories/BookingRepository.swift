import Notifications
import Platform
import SQLKit

/// Books, moves and cancels appointments without ever booking a slot beyond its capacity.
///
/// A place is taken with one conditional update (`booked = booked + 1 WHERE booked < capacity`) inside the booking's
/// transaction: SQLite runs such transactions one at a time, PostgreSQL re-checks the condition on the locked row,
/// so under any flood of requests exactly `capacity` succeed. A CHECK constraint backs the rule in the schema.
///
/// Moving and cancelling read the booking under a row lock (`FOR UPDATE` on PostgreSQL; SQLite's one writer at a
/// time) and change it only if it still has the status and slot that were read, so concurrent changes of one
/// appointment never give a place back twice. A transaction PostgreSQL aborts as a deadlock victim is run again,
/// then answered with 409 `concurrent_update`.
public struct BookingRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Books `slotID` for `accountID`: `slot_not_found`, `slot_closed`, `slot_full` or `already_booked` otherwise.
    public func book(slotID: String, accountID: String, now: Int64 = CityClock.now()) async throws -> Appointment {
        let id = SortableID.make()
        do {
            try await self.database.retryingTransaction { sql in
                if try await Self.activeBooking(slotID: slotID, accountID: accountID, on: sql) != nil {
                    throw AppointmentProblem.alreadyBooked
                }
                try await Self.take(slotID: slotID, now: now, on: sql)
                try await sql.insert(into: "appointment_bookings")
                    .columns("id", "slot_id", "account_id", "status", "created_at", "updated_at")
                    .values(
                        SQLBind(id), SQLBind(slotID), SQLBind(accountID), SQLBind(Appointment.Status.booked.rawValue),
                        SQLBind(now), SQLBind(now)
                    ).run()
                try await Self.record(.booked, booking: id, slotID: slotID, actor: accountID, at: now, on: sql)
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            // A concurrent booking by the same resident won the unique index: answer as if we had seen it first.
            let raced = try await self.database.withConnection {
                try await Self.activeBooking(slotID: slotID, accountID: accountID, on: $0)
            }
            if raced != nil { throw AppointmentProblem.alreadyBooked }
            throw error
        }
        return try await self.find(id)!
    }

    /// Moves an active appointment to another slot of the same service, atomically: the new place is taken and the
    /// old one given back in one transaction, or nothing changes.
    public func reschedule(
        _ appointmentID: String, to slotID: String, accountID: String, now: Int64 = CityClock.now()
    ) async throws -> Appointment {
        do {
            try await self.database.retryingTransaction { sql in
                let current = try await Self.current(appointmentID, accountID: accountID, now: now, on: sql)
                guard current.slotID != slotID else { throw AppointmentProblem.sameSlot }
                guard
                    let target = try await sql.select().column("service_id").from("appointment_slots")
                        .where("id", .equal, slotID).first(decodingColumn: "service_id", as: String.self)
                else { throw AppointmentProblem.slotNotFound }
                guard target == current.serviceID else { throw AppointmentProblem.otherService }
                if try await Self.activeBooking(slotID: slotID, accountID: accountID, on: sql) != nil {
                    throw AppointmentProblem.alreadyBooked
                }
                // Only the booking as it was read moves; a concurrent change makes this a no-op, then a 409.
                let moved = try await sql.update("appointment_bookings").set("slot_id", to: slotID)
                    .set("updated_at", to: now)
                    .where("id", .equal, appointmentID).where("slot_id", .equal, current.slotID)
                    .where("status", .equal, Appointment.Status.booked.rawValue)
                    .returning("id").all()
                guard !moved.isEmpty else { throw AppointmentProblem.notActive }
                // Slot rows are updated in id order, so two moves in opposite directions cannot deadlock.
                if slotID < current.slotID {
                    try await Self.take(slotID: slotID, now: now, on: sql)
                    try await Self.giveBack(slotID: current.slotID, on: sql)
                } else {
                    try await Self.giveBack(slotID: current.slotID, on: sql)
                    try await Self.take(slotID: slotID, now: now, on: sql)
                }
                try await Self.record(
                    .rescheduled, booking: appointmentID, slotID: slotID, actor: accountID, at: now, on: sql)
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            let raced = try await self.database.withConnection {
                try await Self.activeBooking(slotID: slotID, accountID: accountID, on: $0)
            }
            if raced != nil { throw AppointmentProblem.alreadyBooked }
            throw error
        }
        return try await self.find(appointmentID)!
    }

    /// Cancels an active appointment before its slot begins and gives the place back.
    public func cancel(_ appointmentID: String, accountID: String, now: Int64 = CityClock.now()) async throws
        -> Appointment
    {
        try await self.database.retryingTransaction { sql in
            let current = try await Self.current(appointmentID, accountID: accountID, now: now, on: sql)
            // The status and slot guards make a concurrent second cancellation (or a move that won the lock) a no-op
            // instead of a double give-back.
            let changed = try await sql.update("appointment_bookings")
                .set("status", to: Appointment.Status.cancelled.rawValue).set("updated_at", to: now)
                .where("id", .equal, appointmentID).where("status", .equal, Appointment.Status.booked.rawValue)
                .where("slot_id", .equal, current.slotID)
                .returning("id").all()
            guard !changed.isEmpty else { throw AppointmentProblem.notActive }
            try await Self.giveBack(slotID: current.slotID, on: sql)
            try await Self.record(
                .cancelled, booking: appointmentID, slotID: current.slotID, actor: accountID, at: now, on: sql)
        }
        return try await self.find(appointmentID)!
    }

    // MARK: - Steps inside a transaction

    /// Takes one place of a slot, or explains why not.
    static func take(slotID: String, now: Int64, on sql: any SQLDatabase) async throws {
        let taken = try await sql.update("appointment_slots")
            .set("booked", to: SQLBinaryExpression(SQLColumn("booked"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, slotID)
            .where(SQLColumn("booked"), .lessThan, SQLColumn("capacity"))
            .where("starts_at", .greaterThan, now)
            .returning("id").all()
        guard taken.isEmpty else { return }
        guard
            let startsAt = try await sql.select().column("starts_at").from("appointment_slots")
                .where("id", .equal, slotID).first(decodingColumn: "starts_at", as: Int64.self)
        else { throw AppointmentProblem.slotNotFound }
        throw startsAt <= now ? AppointmentProblem.slotClosed : AppointmentProblem.slotFull
    }

    /// Gives one place of a slot back; never below zero.
    static func giveBack(slotID: String, on sql: any SQLDatabase) async throws {
        try await sql.update("appointment_slots")
            .set("booked", to: SQLBinaryExpression(SQLColumn("booked"), .subtract, SQLLiteral.numeric("1")))
            .where("id", .equal, slotID).where("booked", .greaterThan, 0).run()
    }

    /// The active appointment's slot and service, with the booking row locked until the transaction ends (PostgreSQL
    /// `FOR UPDATE`; SQLite transactions already run one at a time); 404 when it is not the account's, 409 when it
    /// cannot change.
    private static func current(_ id: String, accountID: String, now: Int64, on sql: any SQLDatabase) async throws
        -> (slotID: String, serviceID: String)
    {
        let lock = sql.dialect.name == "postgresql" ? " FOR UPDATE OF b" : ""
        guard
            let row = try await sql.raw(
                """
                SELECT b.slot_id, b.status, s.service_id, s.starts_at FROM appointment_bookings b
                JOIN appointment_slots s ON s.id = b.slot_id
                WHERE b.id = \(bind: id) AND b.account_id = \(bind: accountID)\(unsafeRaw: lock)
                """
            ).first()
        else { throw AppointmentProblem.appointmentNotFound }
        guard try row.decode(column: "status", as: String.self) == Appointment.Status.booked.rawValue else {
            throw AppointmentProblem.notActive
        }
        guard try row.decode(column: "starts_at", as: Int64.self) > now else { throw AppointmentProblem.tooLate }
        return (
            try row.decode(column: "slot_id", as: String.self), try row.decode(column: "service_id", as: String.self)
        )
    }

    static func activeBooking(slotID: String, accountID: String, on sql: any SQLDatabase) async throws -> String? {
        try await sql.select().column("id").from("appointment_bookings").where("slot_id", .equal, slotID)
            .where("account_id", .equal, accountID).where("status", .equal, Appointment.Status.booked.rawValue)
            .first(decodingColumn: "id", as: String.self)
    }

    static func record(
        _ kind: Appointment.Event.Kind, booking: String, slotID: String, actor: String, at: Int64,
        on sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "appointment_events").columns("booking_id", "at", "kind", "slot_id", "actor")
            .values(SQLBind(booking), SQLBind(at), SQLBind(kind.rawValue), SQLBind(slotID), SQLBind(actor)).run()
        try await Self.notify(kind, booking: booking, slotID: slotID, accountID: actor, on: sql)
    }

    /// Tells the resident what happened to their appointment, in the same transaction.
    static func notify(
        _ kind: Appointment.Event.Kind, booking: String, slotID: String, accountID: String, on sql: any SQLDatabase
    ) async throws {
        guard
            let row = try await sql.raw(
                """
                SELECT s.starts_at, p.name_zh, p.name_en FROM appointment_slots s
                JOIN appointment_places p ON p.id = s.place_id WHERE s.id = \(bind: slotID)
                """
            ).first()
        else { return }
        let when = CityClock.localDateTime(try row.decode(column: "starts_at", as: Int64.self))
        let zh = try row.decode(column: "name_zh", as: String.self)
        let en = try row.decode(column: "name_en", as: String.self)
        let (titleZh, titleEn, bodyZh, bodyEn): (String, String, String, String) =
            switch kind {
            case .booked: ("预约成功", "Appointment booked", "\(zh)，\(when)。", "\(en), \(when).")
            case .rescheduled: ("预约已改期", "Appointment moved", "已改到 \(zh)，\(when)。", "Moved to \(en), \(when).")
            case .cancelled:
                ("预约已取消", "Appointment cancelled", "\(zh)，\(when) 的预约已取消。", "\(en), \(when): cancelled.")
            }
        try await Notifier().enqueue(
            NotificationDraft(
                accountID: accountID, topic: "appointment.\(kind.rawValue)", titleZh: titleZh, titleEn: titleEn,
                bodyZh: bodyZh, bodyEn: bodyEn, link: "/appointments/mine/\(booking)",
                channels: kind == .cancelled ? [.inbox] : [.inbox, .sms]),
            on: sql)
    }
}
