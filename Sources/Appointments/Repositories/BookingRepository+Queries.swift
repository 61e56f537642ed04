import Platform
import SQLKit

extension BookingRepository {
    /// The appointment with this id, with its place, slot and timeline.
    public func find(_ id: String) async throws -> Appointment? {
        try await self.database.withConnection { sql in
            guard let row = try await sql.raw(SQLQueryString(Self.selectJoined) + " WHERE b.id = \(bind: id)").first()
            else {
                return nil
            }
            var appointment = try Self.appointment(row)
            appointment.timeline = try await Self.timeline(of: [id], on: sql)[id] ?? []
            return appointment
        }
    }

    /// An account's appointments, newest first, after the cursor `before` (an appointment id).
    public func list(
        accountID: String, status: Appointment.Status? = nil, before: String?, limit: Int
    ) async throws -> (items: [Appointment], more: Bool) {
        try await self.database.withConnection { sql in
            var query = SQLQueryString(Self.selectJoined) + " WHERE b.account_id = \(bind: accountID)"
            if let status { query = query + " AND b.status = \(bind: status.rawValue)" }
            if let before { query = query + " AND b.id < \(bind: before)" }
            query = query + " ORDER BY b.id DESC LIMIT \(bind: limit + 1)"
            let rows = try await sql.raw(query).all()
            var items = try rows.prefix(limit).map(Self.appointment)
            let timelines = try await Self.timeline(of: items.map(\.id), on: sql)
            for index in items.indices { items[index].timeline = timelines[items[index].id] ?? [] }
            return (items, rows.count > limit)
        }
    }

    private static let selectJoined = "SELECT " + joinedColumns + " " + joinedTables

    /// The columns of a booking with its slot and place (``appointment(_:)`` reads them).
    static let joinedColumns = """
        b.id AS b_id, b.account_id, b.status, b.created_at AS b_created_at,
               s.id, s.place_id, s.service_id, s.starts_at, s.ends_at, s.capacity, s.booked,
               p.kind, p.name_zh, p.name_en, p.address_zh, p.address_en, p.division_code, p.department_id
        """

    static let joinedTables = """
        FROM appointment_bookings b
        JOIN appointment_slots s ON s.id = b.slot_id
        JOIN appointment_places p ON p.id = s.place_id
        """

    static func appointment(_ row: any SQLRow) throws -> Appointment {
        let slot = try PlaceRepository.slot(row)
        let place = Place(
            id: slot.placeID,
            kind: Place.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .serviceCentre,
            name: try row.decode(column: "name_zh", as: String.self),
            nameEn: try row.decode(column: "name_en", as: String.self),
            address: try row.decode(column: "address_zh", as: String.self),
            addressEn: try row.decode(column: "address_en", as: String.self),
            divisionCode: try row.decode(column: "division_code", as: String.self),
            departmentId: try row.decode(column: "department_id", as: String.self))
        return Appointment(
            id: try row.decode(column: "b_id", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            status: Appointment.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .cancelled,
            slot: slot, place: place, createdAt: try row.decode(column: "b_created_at", as: Int64.self), timeline: [])
    }

    private static func timeline(of ids: [String], on sql: any SQLDatabase) async throws -> [String: [Appointment
        .Event]]
    {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().columns("booking_id", "at", "kind", "slot_id", "actor").from(
            "appointment_events"
        )
        .where("booking_id", .in, ids).orderBy("id").all()
        var out: [String: [Appointment.Event]] = [:]
        for row in rows {
            guard let kind = Appointment.Event.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                continue
            }
            out[try row.decode(column: "booking_id", as: String.self), default: []].append(
                Appointment.Event(
                    at: try row.decode(column: "at", as: Int64.self), kind: kind,
                    slotID: try row.decode(column: "slot_id", as: String.self),
                    actor: try row.decode(column: "actor", as: String.self)))
        }
        return out
    }
}
