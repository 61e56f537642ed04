import Foundation
import Hummingbird
import Platform
import ServiceHall

/// The residents' appointment pages, server-rendered and usable without JavaScript: places at `/appointments`, a
/// place's times at `/appointments/places/{id}`, booking, and one's own appointments with reschedule and cancel.
/// Forms carry the session's CSRF token; a visitor who is not signed in is sent to `/signin` and back.
///
/// `/appointments?service=<id>` narrows the pages to one catalog service (the service hall's pages link there);
/// service names come from the catalog through `services`.
public struct AppointmentPages: Sendable {
    let places: PlaceRepository
    let bookings: BookingRepository
    let services: any ServiceDirectory
    let renderer: PageRenderer

    public init(database: Database, services: any ServiceDirectory, renderer: PageRenderer) {
        self.places = PlaceRepository(database: database)
        self.bookings = BookingRepository(database: database)
        self.services = services
        self.renderer = renderer
    }

    /// The directory holding this context's templates.
    public static var templateDirectory: String {
        Bundle.module.resourcePath.map { $0 + "/templates" } ?? "Sources/Appointments/Resources/templates"
    }

    /// Registers the pages and their form actions.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/appointments") { request, context in
            let query = try QueryParameters(request, allowed: ["service"])
            return try await self.home(request, context, service: try await self.filter(query))
        }
        router.get("/appointments/places/{id}") { request, context in
            let query = try QueryParameters(request, allowed: ["error", "service"])
            return try await self.place(
                request, context, service: try await self.filter(query), error: query.string("error"))
        }
        router.post("/appointments/slots/{id}/book") { request, context in
            let slotID = try context.parameters.require("id")
            guard context.principal != nil else { return WebForm.signInRedirect(returningTo: "/appointments") }
            let (principal, _) = try await WebForm.requireSession(request, context: context)
            guard principal.role == .resident else { throw AuthorizationProblem.forbidden }
            do {
                if let slot = try await self.places.slot(slotID) {
                    try await self.services.require(slot.serviceID, kind: .appointment, field: "slot")
                        .requireLevel(of: principal)
                }
                let appointment = try await self.bookings.book(slotID: slotID, accountID: principal.subject)
                return WebForm.redirect("/appointments/mine/\(appointment.id)")
            } catch let problem as Problem where problem.status == .conflict || problem.status == .unprocessableContent
            {
                let placeID = try await self.places.slot(slotID)?.placeID ?? ""
                return WebForm.redirect("/appointments/places/\(placeID)?error=\(problem.code)")
            }
        }
        router.get("/appointments/mine/{id}") { request, context in
            let query = try QueryParameters(request, allowed: ["error"])
            let id = try context.parameters.require("id")
            guard let principal = context.principal else {
                return WebForm.signInRedirect(returningTo: "/appointments/mine/\(id)")
            }
            return try await self.detail(id, principal, request, context, error: query.string("error"))
        }
        router.post("/appointments/mine/{id}/reschedule") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            return try await self.change(id) {
                _ = try await self.bookings.reschedule(id, to: fields["slot"] ?? "", accountID: principal.subject)
            }
        }
        router.post("/appointments/mine/{id}/cancel") { request, context in
            let id = try context.parameters.require("id")
            let (principal, _) = try await WebForm.requireSession(request, context: context)
            return try await self.change(id) {
                _ = try await self.bookings.cancel(id, accountID: principal.subject)
            }
        }
    }

    /// Runs a change of an appointment and comes back to it, with the refusal's code when there is one.
    private func change(_ id: String, _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
            return WebForm.redirect("/appointments/mine/\(id)")
        } catch let problem as Problem where problem.status == .conflict || problem.status == .unprocessableContent {
            return WebForm.redirect("/appointments/mine/\(id)?error=\(problem.code)")
        }
    }

    private func detail(
        _ id: String, _ principal: Principal, _ request: Request, _ context: AppRequestContext, error: String?
    ) async throws -> Response {
        guard SortableID.isWellFormed(id), let appointment = try await self.bookings.find(id),
            appointment.accountID == principal.subject
        else { throw AppointmentProblem.appointmentNotFound }
        let locale = context.locale
        let strings = AppointmentStrings.table(for: locale)
        let now = CityClock.now()
        let canChange = appointment.status == .booked && appointment.slot.startsAt > now
        let alternatives =
            canChange
            ? try await self.places.slots(
                placeID: appointment.place.id, from: now + 1, to: now + 7 * 86_400,
                serviceID: appointment.slot.serviceID
            ).filter { $0.id != appointment.slot.id && $0.available > 0 }.prefix(60)
                .map { slot in
                    SlotRow(
                        id: slot.id, time: CityClock.localDateTime(slot.startsAt), left: slot.available, full: false)
                } : []
        return self.renderer.render(
            "appointment-detail", title: strings["appt_detail"] ?? "",
            model: DetailModel(
                id: appointment.id, place: appointment.place.name(in: locale),
                address: locale.pick(zh: appointment.place.address, en: appointment.place.addressEn),
                service: try await self.serviceName(appointment.slot.serviceID, locale),
                when: CityClock.localDateTime(appointment.slot.startsAt) + "–"
                    + CityClock.localTime(appointment.slot.endsAt),
                booked: appointment.status == .booked,
                status: strings[appointment.status == .booked ? "appt_booked" : "appt_cancelled"] ?? "",
                timeline: appointment.timeline.map {
                    EventRow(when: CityClock.localDateTime($0.at), what: strings["event_" + $0.kind.rawValue] ?? "")
                },
                alternatives: Array(alternatives), canChange: canChange,
                error: AppointmentStrings.message(error, locale: locale)),
            request: request, context: context, strings: strings)
    }
}
