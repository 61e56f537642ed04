import Hummingbird
import Platform
import ServiceHall

extension AppointmentPages {
    /// The catalog service a page is narrowed to by `?service=`; a service the catalog does not offer for booking
    /// is refused with the catalog's problem (422), so a stale link explains itself.
    func filter(_ query: QueryParameters) async throws -> DirectoryService? {
        guard let id = query.string("service") else { return nil }
        guard Slot.isWellFormedServiceID(id) else {
            throw Problem.invalidParameter(
                "service", zh: "参数“service”必须是服务编号。", en: "Parameter 'service' must be a service id.")
        }
        return try await self.services.require(id, kind: .appointment, field: "service")
    }

    /// A service's name for people; its id when the catalog no longer has it.
    func serviceName(_ id: String, _ locale: AppLocale) async throws -> String {
        try await self.services.service(id)?.name(in: locale) ?? id
    }

    /// `/appointments`: my appointments, the services one can book, and the places (only those offering
    /// `service` when given, with a word of explanation when none does).
    func home(_ request: Request, _ context: AppRequestContext, service: DirectoryService?) async throws -> Response {
        let locale = context.locale
        let (all, _) = try await self.places.list(.init(serviceID: service?.id), after: nil, limit: 200)
        var mine: [AppointmentRow] = []
        if service == nil, let principal = context.principal, principal.role == .resident {
            mine = try await self.bookings.list(accountID: principal.subject, before: nil, limit: 20).items
                .map { Self.row($0, locale) }
        }
        let strings = AppointmentStrings.table(for: locale)
        let query = service.map { "?service=" + $0.id } ?? ""
        let row = { (place: Place) in
            var row = Self.row(place, locale)
            row.link += query
            return row
        }
        let offered =
            service == nil
            ? try await self.services.services(of: .appointment).map {
                ServiceRow(id: $0.id, name: $0.name(in: locale))
            } : []
        return self.renderer.render(
            "appointments", title: service?.name(in: locale) ?? strings["appt_title"] ?? "",
            model: HomeModel(
                service: service.map { ServiceRow(id: $0.id, name: $0.name(in: locale)) },
                noPlaces: service != nil && all.isEmpty, services: offered, hasServices: !offered.isEmpty,
                hospitals: all.filter { $0.kind == .hospital }.map(row),
                centres: all.filter { $0.kind == .serviceCentre }.map(row),
                hasHospitals: all.contains { $0.kind == .hospital },
                hasCentres: all.contains { $0.kind == .serviceCentre },
                signedIn: context.principal != nil, mine: mine, hasMine: !mine.isEmpty),
            request: request, context: context, strings: strings)
    }

    /// `/appointments/places/{id}`: the place's times for the coming week, grouped by service and day.
    func place(_ request: Request, _ context: AppRequestContext, service: DirectoryService?, error: String?)
        async throws -> Response
    {
        let id = try context.parameters.require("id")
        guard Place.isWellFormedID(id), let place = try await self.places.find(id) else {
            throw AppointmentProblem.placeNotFound
        }
        let locale = context.locale
        let now = CityClock.now()
        let slots = try await self.places.slots(
            placeID: id, from: now + 1, to: now + 7 * 86_400, serviceID: service?.id)
        let strings = AppointmentStrings.table(for: locale)
        var names: [String: String] = [:]
        for serviceID in Set(slots.map(\.serviceID)) {
            names[serviceID] = try await self.serviceName(serviceID, locale)
        }
        var days: [DayRow] = []
        // Grouped by service, then day, each group in time order.
        let ordered = slots.sorted { ($0.serviceID, $0.startsAt, $0.id) < ($1.serviceID, $1.startsAt, $1.id) }
        for slot in ordered {
            let date = (names[slot.serviceID] ?? slot.serviceID) + " · " + CityClock.localDate(slot.startsAt)
            if days.last?.date == date {
                days[days.count - 1] = DayRow(date: date, slots: days[days.count - 1].slots + [Self.row(slot)])
            } else {
                days.append(DayRow(date: date, slots: [Self.row(slot)]))
            }
        }
        return self.renderer.render(
            "appointment-place", title: place.name(in: locale),
            model: PlaceModel(
                place: Self.row(place, locale), back: "/appointments" + (service.map { "?service=" + $0.id } ?? ""),
                service: Set(names.values).sorted().joined(separator: " · "),
                days: days, empty: days.isEmpty, signedIn: context.principal != nil,
                error: AppointmentStrings.message(error, locale: locale)),
            request: request, context: context, strings: strings)
    }
}
