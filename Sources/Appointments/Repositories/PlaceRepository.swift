import Platform
import SQLKit

/// Stores places and their time slots.
public struct PlaceRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// What a listing of places may be narrowed to.
    public struct Filter: Sendable {
        public var kind: Place.Kind?
        /// Only places inside this division (prefix rule).
        public var divisionCode: String?
        /// Only places with a future slot for this service.
        public var serviceID: String?

        public init(kind: Place.Kind? = nil, divisionCode: String? = nil, serviceID: String? = nil) {
            self.kind = kind
            self.divisionCode = divisionCode
            self.serviceID = serviceID
        }
    }

    /// Adds a place; `place_exists` (409) when the id is taken, even under a race.
    public func create(_ place: Place) async throws {
        let exists = {
            try await self.database.withConnection { sql in
                try await sql.select().column("id").from("appointment_places").where("id", .equal, place.id)
                    .first() != nil
            }
        }
        if try await exists() { throw AppointmentProblem.placeExists }
        do {
            try await self.database.withConnection { sql in
                try await Self.insert(place, on: sql)
            }
        } catch {
            if try await exists() { throw AppointmentProblem.placeExists }
            throw error
        }
    }

    static func insert(_ place: Place, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "appointment_places")
            .columns(
                "id", "kind", "name_zh", "name_en", "address_zh", "address_en", "division_code", "department_id",
                "created_at"
            )
            .values(
                SQLBind(place.id), SQLBind(place.kind.rawValue), SQLBind(place.name), SQLBind(place.nameEn),
                SQLBind(place.address), SQLBind(place.addressEn), SQLBind(place.divisionCode),
                SQLBind(place.departmentId), SQLBind(CityClock.now())
            ).run()
    }

    /// The place with this id.
    public func find(_ id: String) async throws -> Place? {
        try await self.database.withConnection { sql in
            try await sql.select().column("*").from("appointment_places").where("id", .equal, id).first()
                .map(Self.place)
        }
    }

    /// Places in id order after `after`; `more` tells whether another page follows.
    public func list(_ filter: Filter, after: String?, limit: Int) async throws -> (items: [Place], more: Bool) {
        let now = CityClock.now()
        let rows = try await self.database.withConnection { sql in
            let query = sql.select().column("*").from("appointment_places")
            if let kind = filter.kind { query.where("kind", .equal, kind.rawValue) }
            if let division = filter.divisionCode {
                query.where("division_code", .like, Authorization.scopePrefix(division) + "%")
            }
            if let service = filter.serviceID {
                query.where(
                    SQLColumn("id"), .in,
                    SQLGroupExpression(
                        sql.select().distinct().column("place_id").from("appointment_slots")
                            .where("service_id", .equal, service).where("starts_at", .greaterThan, now).query))
            }
            if let after { query.where("id", .greaterThan, after) }
            return try await query.orderBy("id").limit(limit + 1).all()
        }
        let places = try rows.prefix(limit).map(Self.place)
        return (places, rows.count > limit)
    }

    /// Adds slots to a place (one transaction). The place must exist.
    public func addSlots(_ slots: [Slot]) async throws {
        try await self.database.transaction { sql in
            for slot in slots { try await Self.insert(slot, on: sql) }
        }
    }

    static func insert(_ slot: Slot, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "appointment_slots")
            .columns("id", "place_id", "service_id", "starts_at", "ends_at", "capacity", "booked")
            .values(
                SQLBind(slot.id), SQLBind(slot.placeID), SQLBind(slot.serviceID), SQLBind(slot.startsAt),
                SQLBind(slot.endsAt), SQLBind(slot.capacity), SQLBind(slot.booked)
            ).run()
    }

    /// The slot with this id.
    public func slot(_ id: String) async throws -> Slot? {
        try await self.database.withConnection { sql in
            try await sql.select().column("*").from("appointment_slots").where("id", .equal, id).first()
                .map(Self.slot)
        }
    }

    /// The slots of a place starting in `[from, to)`, in time order, optionally for one service.
    public func slots(placeID: String, from: Int64, to: Int64, serviceID: String? = nil) async throws -> [Slot] {
        try await self.database.withConnection { sql in
            let query = sql.select().column("*").from("appointment_slots").where("place_id", .equal, placeID)
                .where("starts_at", .greaterThanOrEqual, from).where("starts_at", .lessThan, to)
            if let serviceID { query.where("service_id", .equal, serviceID) }
            return try await query.orderBy("starts_at").orderBy("id").limit(2000).all().map(Self.slot)
        }
    }

    static func place(_ row: any SQLRow) throws -> Place {
        Place(
            id: try row.decode(column: "id", as: String.self),
            kind: Place.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .serviceCentre,
            name: try row.decode(column: "name_zh", as: String.self),
            nameEn: try row.decode(column: "name_en", as: String.self),
            address: try row.decode(column: "address_zh", as: String.self),
            addressEn: try row.decode(column: "address_en", as: String.self),
            divisionCode: try row.decode(column: "division_code", as: String.self),
            departmentId: try row.decode(column: "department_id", as: String.self))
    }

    static func slot(_ row: any SQLRow) throws -> Slot {
        Slot(
            id: try row.decode(column: "id", as: String.self),
            placeID: try row.decode(column: "place_id", as: String.self),
            serviceID: try row.decode(column: "service_id", as: String.self),
            startsAt: try row.decode(column: "starts_at", as: Int64.self),
            endsAt: try row.decode(column: "ends_at", as: Int64.self),
            capacity: try row.decode(column: "capacity", as: Int.self),
            booked: try row.decode(column: "booked", as: Int.self))
    }
}
