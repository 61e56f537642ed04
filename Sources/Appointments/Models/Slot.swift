import Platform
import ServiceHall

/// A period at a place for one service, with a capacity; `booked` never exceeds it.
public struct Slot: Sendable, Equatable {
    public let id: String
    public let placeID: String
    /// The service the slot is for, as the service catalog names it (`hospital-registration`).
    public let serviceID: String
    /// Unix seconds.
    public let startsAt: Int64
    public let endsAt: Int64
    public let capacity: Int
    public let booked: Int

    public init(
        id: String, placeID: String, serviceID: String, startsAt: Int64, endsAt: Int64, capacity: Int, booked: Int
    ) {
        self.id = id
        self.placeID = placeID
        self.serviceID = serviceID
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.capacity = capacity
        self.booked = booked
    }

    /// Places still free.
    public var available: Int { max(0, self.capacity - self.booked) }

    /// Whether `text` may be a service id as the catalog writes them: 2–60 lower-case letters, digits, `-` and `_`
    /// (`hospital-registration`). Whether the catalog knows it is the ``ServiceDirectory``'s answer.
    public static func isWellFormedServiceID(_ text: String) -> Bool {
        (2...60).contains(text.utf8.count)
            && text.utf8.allSatisfy {
                (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x5F
            }
    }
}

/// A slot as the API shows it.
public struct SlotView: Codable, Sendable {
    public let id: String
    public let placeId: String
    public let serviceId: String
    /// RFC 3339 in the city's time (+08:00).
    public let startsAt: String
    public let endsAt: String
    public let capacity: Int
    public let available: Int

    public init(_ slot: Slot) {
        self.id = slot.id
        self.placeId = slot.placeID
        self.serviceId = slot.serviceID
        self.startsAt = CityClock.rfc3339(slot.startsAt)
        self.endsAt = CityClock.rfc3339(slot.endsAt)
        self.capacity = slot.capacity
        self.available = slot.available
    }
}
