import Platform

extension AppointmentPages {
    /// A place in a list.
    struct PlaceRow: Sendable {
        let id: String
        let name: String
        let address: String
        /// The place's page (narrowed to the listing's service, if any).
        var link: String
    }

    /// A slot as a page shows it.
    struct SlotRow: Sendable {
        let id: String
        let time: String
        let left: Int
        let full: Bool
    }

    /// The slots of one day.
    struct DayRow: Sendable {
        let date: String
        let slots: [SlotRow]
    }

    /// An appointment in a list.
    struct AppointmentRow: Sendable {
        let id: String
        let place: String
        let when: String
        let booked: Bool
    }

    /// A catalog service one can book.
    struct ServiceRow: Sendable {
        let id: String
        let name: String
    }

    /// `/appointments`, optionally narrowed to one service.
    struct HomeModel: Sendable {
        /// The service the page is narrowed to.
        let service: ServiceRow?
        /// Narrowed to a service that no place offers in the coming week.
        let noPlaces: Bool
        let services: [ServiceRow]
        let hasServices: Bool
        let hospitals: [PlaceRow]
        let centres: [PlaceRow]
        let hasHospitals: Bool
        let hasCentres: Bool
        let signedIn: Bool
        let mine: [AppointmentRow]
        let hasMine: Bool
    }

    /// `/appointments/places/{id}`.
    struct PlaceModel: Sendable {
        let place: PlaceRow
        /// The list this page was reached from.
        let back: String
        let service: String
        let days: [DayRow]
        let empty: Bool
        let signedIn: Bool
        let error: String?
    }

    /// One entry of an appointment's history.
    struct EventRow: Sendable {
        let when: String
        let what: String
    }

    /// `/appointments/mine/{id}`.
    struct DetailModel: Sendable {
        let id: String
        let place: String
        let address: String
        let service: String
        let when: String
        let booked: Bool
        let status: String
        let timeline: [EventRow]
        let alternatives: [SlotRow]
        let canChange: Bool
        let error: String?
    }

    static func row(_ place: Place, _ locale: AppLocale) -> PlaceRow {
        PlaceRow(
            id: place.id, name: place.name(in: locale), address: locale.pick(zh: place.address, en: place.addressEn),
            link: "/appointments/places/\(place.id)")
    }

    static func row(_ slot: Slot) -> SlotRow {
        SlotRow(
            id: slot.id, time: CityClock.localTime(slot.startsAt) + "–" + CityClock.localTime(slot.endsAt),
            left: slot.available, full: slot.available == 0)
    }

    static func row(_ appointment: Appointment, _ locale: AppLocale) -> AppointmentRow {
        AppointmentRow(
            id: appointment.id, place: appointment.place.name(in: locale),
            when: CityClock.localDateTime(appointment.slot.startsAt), booked: appointment.status == .booked)
    }
}
