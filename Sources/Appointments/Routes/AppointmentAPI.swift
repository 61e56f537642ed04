import Foundation
import Hummingbird
import Platform
import ServiceHall

/// The residents' appointment API: places, their slots, booking, and the resident's own appointments.
///
/// Slots are for the catalog's appointment services; `services` (the service hall's catalog, wired by the
/// application) says which ids those are.
public struct AppointmentAPI: Sendable {
    let places: PlaceRepository
    let bookings: BookingRepository
    let services: any ServiceDirectory

    public init(database: Database, services: any ServiceDirectory) {
        self.places = PlaceRepository(database: database)
        self.bookings = BookingRepository(database: database)
        self.services = services
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/places") { request, _ in try await self.listPlaces(request) }
        api.on(.get, "/api/v1/places/{id}") { _, context in try await self.place(context) }
        api.on(.get, "/api/v1/places/{id}/slots") { request, context in try await self.slots(request, context) }
        api.on(.post, "/api/v1/slots/{id}/bookings") { _, context in
            let resident = try Authorization.requireResident(context.principal)
            let slotID = try context.parameters.require("id")
            try await self.requireBookable(slotID, by: resident)
            let appointment = try await self.bookings.book(slotID: slotID, accountID: resident.subject)
            return EditedResponse(status: .created, response: AppointmentView(appointment))
        }
        api.on(.get, "/api/v1/me/appointments") { request, context in try await self.mine(request, context) }
        api.on(.get, "/api/v1/me/appointments/{id}") { _, context in
            AppointmentView(try await self.own(context))
        }
        api.on(.post, "/api/v1/me/appointments/{id}/reschedule") { request, context in
            let resident = try Authorization.requireResident(context.principal)
            let body = try await request.decode(as: RescheduleRequest.self, context: context)
            let moved = try await self.bookings.reschedule(
                try context.parameters.require("id"), to: body.slotId, accountID: resident.subject)
            return AppointmentView(moved)
        }
        api.on(.post, "/api/v1/me/appointments/{id}/cancellation") { _, context in
            let resident = try Authorization.requireResident(context.principal)
            return AppointmentView(
                try await self.bookings.cancel(try context.parameters.require("id"), accountID: resident.subject))
        }
        AppointmentStaffAPI(places: self.places, services: self.services).register(on: api)
    }

    /// Refuses a slot whose service the catalog does not (or no longer) offer as an appointment service, or whose
    /// service needs a higher assurance level than the resident's (403 `assurance_level_required`); an unknown slot
    /// is left to the booking, which answers `slot_not_found`.
    func requireBookable(_ slotID: String, by resident: Principal) async throws {
        guard let slot = try await self.places.slot(slotID) else { return }
        try await self.services.require(slot.serviceID, kind: .appointment, field: "slot").requireLevel(of: resident)
    }

    /// `{"slotId": "…"}`.
    struct RescheduleRequest: Decodable {
        let slotId: String
    }

    func listPlaces(_ request: Request) async throws -> Page<Place> {
        let query = try QueryParameters(request, allowed: ["kind", "division", "service", "cursor", "limit"])
        var filter = PlaceRepository.Filter(kind: try query.choice("kind", as: Place.Kind.self))
        if let division = query.string("division") {
            guard division.utf8.count <= 12, division.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw Problem.invalidParameter(
                    "division", zh: "参数“division”必须是区划代码。", en: "Parameter 'division' must be a division code.")
            }
            filter.divisionCode = division
        }
        if let service = query.string("service") {
            guard Slot.isWellFormedServiceID(service) else {
                throw Problem.invalidParameter(
                    "service", zh: "参数“service”必须是服务编号，如 hospital-registration。",
                    en: "Parameter 'service' must be a service id such as hospital-registration.")
            }
            filter.serviceID = try await self.services.require(service, kind: .appointment, field: "service").id
        }
        let limit = try query.int("limit", in: 1...200, default: 50)
        let after = try query.string("cursor").map { try Cursor(token: $0).after }
        let (items, more) = try await self.places.list(filter, after: after, limit: limit)
        return Page(items: items, nextCursor: more ? items.last.map { Cursor(after: $0.id).token } : nil)
    }

    func place(_ context: AppRequestContext) async throws -> Place {
        let id = try context.parameters.require("id")
        guard Place.isWellFormedID(id), let place = try await self.places.find(id) else {
            throw AppointmentProblem.placeNotFound
        }
        return place
    }

    func slots(_ request: Request, _ context: AppRequestContext) async throws -> SlotList {
        let query = try QueryParameters(request, allowed: ["date", "days", "service"])
        let place = try await self.place(context)
        let range = try Self.dayRange(query)
        let service = query.string("service")
        if let service {
            guard Slot.isWellFormedServiceID(service) else {
                throw Problem.invalidParameter(
                    "service", zh: "参数“service”必须是服务编号。", en: "Parameter 'service' must be a service id.")
            }
            _ = try await self.services.require(service, kind: .appointment, field: "service")
        }
        let slots = try await self.places.slots(
            placeID: place.id, from: max(range.from, CityClock.now() + 1), to: range.to, serviceID: service)
        return SlotList(items: slots.map(SlotView.init))
    }

    /// `date` (a local day, default today) and `days` (1–14, default 7) as a half-open range of Unix seconds.
    static func dayRange(_ query: QueryParameters) throws -> (from: Int64, to: Int64) {
        let today = CityClock.startOfDay(CityClock.localDate(CityClock.now()))!
        var from = today
        if let text = query.string("date") {
            guard let day = CityClock.startOfDay(text) else {
                throw Problem.invalidParameter(
                    "date", zh: "参数“date”必须是 YYYY-MM-DD 格式的日期。", en: "Parameter 'date' must be a date, YYYY-MM-DD.")
            }
            from = day
        }
        let days = try query.int("days", in: 1...14, default: 7)
        return (from, from + Int64(days) * 86_400)
    }

    func mine(_ request: Request, _ context: AppRequestContext) async throws -> Page<AppointmentView> {
        let resident = try Authorization.requireResident(context.principal)
        let query = try QueryParameters(request, allowed: ["status", "cursor", "limit"])
        let status = try query.choice("status", as: Appointment.Status.self)
        let limit = try query.int("limit", in: 1...100, default: 20)
        let before = try query.string("cursor").map { try Cursor(token: $0).after }
        let (items, more) = try await self.bookings.list(
            accountID: resident.subject, status: status, before: before, limit: limit)
        return Page(
            items: items.map(AppointmentView.init),
            nextCursor: more ? items.last.map { Cursor(after: $0.id).token } : nil)
    }

    /// The signed-in resident's appointment named in the path; someone else's answers 404.
    func own(_ context: AppRequestContext) async throws -> Appointment {
        let resident = try Authorization.requireResident(context.principal)
        let id = try context.parameters.require("id")
        guard SortableID.isWellFormed(id), let appointment = try await self.bookings.find(id),
            appointment.accountID == resident.subject
        else { throw AppointmentProblem.appointmentNotFound }
        return appointment
    }
}

/// The slots of a place.
struct SlotList: ResponseEncodable {
    let items: [SlotView]
}

extension Place: ResponseEncodable {}
extension AppointmentView: ResponseEncodable {}
