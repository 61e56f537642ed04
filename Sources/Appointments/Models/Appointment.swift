import Platform

/// A resident's booking of a slot, with where and when, and what happened to it.
public struct Appointment: Sendable, Equatable {
    /// Whether the booking still holds a place.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case booked
        case cancelled
    }

    /// One step of the booking's history.
    public struct Event: Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            case booked, rescheduled, cancelled
        }
        public let at: Int64
        public let kind: Kind
        public let slotID: String
        /// The account that took the step.
        public let actor: String
    }

    public let id: String
    public let accountID: String
    public let status: Status
    public let slot: Slot
    public let place: Place
    public let createdAt: Int64
    public var timeline: [Event]
}

/// An appointment as the API shows it.
public struct AppointmentView: Codable, Sendable {
    /// A timeline entry.
    public struct EventView: Codable, Sendable {
        public let at: String
        public let kind: Appointment.Event.Kind
        public let slotId: String
    }

    public let id: String
    public let status: Appointment.Status
    public let slot: SlotView
    public let place: Place
    public let createdAt: String
    public let timeline: [EventView]

    public init(_ appointment: Appointment) {
        self.id = appointment.id
        self.status = appointment.status
        self.slot = SlotView(appointment.slot)
        self.place = appointment.place
        self.createdAt = CityClock.rfc3339(appointment.createdAt)
        self.timeline = appointment.timeline.map {
            EventView(at: CityClock.rfc3339($0.at), kind: $0.kind, slotId: $0.slotID)
        }
    }
}
