import Foundation
import Hummingbird
import Platform
import ServiceHall

/// Department staff manage their department's places and slots: `POST /api/v1/places`,
/// `POST /api/v1/places/{id}/slots`.
struct AppointmentStaffAPI: Sendable {
    let places: PlaceRepository
    let services: any ServiceDirectory

    /// A new place; `id` is optional (one is made from the time when missing).
    struct NewPlace: Decodable {
        let id: String?
        let kind: Place.Kind
        let name: String
        let nameEn: String
        let address: String
        let addressEn: String
        let divisionCode: String
        let departmentId: String
    }

    /// New slots for one place.
    struct NewSlots: Decodable {
        struct Item: Decodable {
            let serviceId: String
            let startsAt: String
            let endsAt: String
            let capacity: Int
        }
        let slots: [Item]
    }

    func register(on api: APIRoutes) {
        api.on(.post, "/api/v1/places") { request, context in
            let input = try await request.decode(as: NewPlace.self, context: context)
            try Authorization.require(context.principal, .managePlaces, department: input.departmentId)
            let place = try Self.validate(input)
            try await self.places.create(place)
            return EditedResponse(status: .created, response: place)
        }
        api.on(.post, "/api/v1/places/{id}/slots") { request, context in
            let id = try context.parameters.require("id")
            guard Place.isWellFormedID(id), let place = try await self.places.find(id) else {
                throw AppointmentProblem.placeNotFound
            }
            try Authorization.require(context.principal, .managePlaces, department: place.departmentId)
            let input = try await request.decode(as: NewSlots.self, context: context)
            let slots = try Self.validate(input, placeID: place.id)
            for serviceID in Set(slots.map(\.serviceID)) {
                _ = try await self.services.require(serviceID, kind: .appointment, department: place.departmentId)
            }
            try await self.places.addSlots(slots)
            return EditedResponse(status: .created, response: SlotList(items: slots.map(SlotView.init)))
        }
    }

    static func validate(_ input: NewPlace) throws -> Place {
        let id = input.id ?? "place-" + SortableID.make()
        guard Place.isWellFormedID(id) else {
            throw AppointmentProblem.invalidField(
                "id", zh: "地点编号只能包含小写字母、数字、点和连字符（2–64 个字符）。",
                en: "A place id has 2–64 lower-case letters, digits, dots and hyphens.")
        }
        for (name, value) in [
            ("name", input.name), ("nameEn", input.nameEn), ("address", input.address), ("addressEn", input.addressEn),
        ] where !(1...100).contains(value.trimmingCharacters(in: .whitespaces).count) {
            throw AppointmentProblem.invalidField(
                name, zh: "“\(name)”必须是 1–100 个字符。", en: "'\(name)' must have 1–100 characters.")
        }
        guard [6, 9, 12].contains(input.divisionCode.utf8.count),
            input.divisionCode.utf8.allSatisfy({ (0x30...0x39).contains($0) })
        else {
            throw AppointmentProblem.invalidField(
                "divisionCode", zh: "区划代码必须是 6、9 或 12 位数字。", en: "A division code has 6, 9 or 12 digits.")
        }
        return Place(
            id: id, kind: input.kind, name: input.name, nameEn: input.nameEn, address: input.address,
            addressEn: input.addressEn, divisionCode: input.divisionCode, departmentId: input.departmentId)
    }

    static func validate(_ input: NewSlots, placeID: String) throws -> [Slot] {
        guard (1...500).contains(input.slots.count) else {
            throw AppointmentProblem.invalidField(
                "slots", zh: "一次可添加 1–500 个时段。", en: "Add 1–500 slots at a time.")
        }
        return try input.slots.map { item in
            guard Slot.isWellFormedServiceID(item.serviceId) else {
                throw AppointmentProblem.invalidField(
                    "serviceId", zh: "服务编号格式不正确。", en: "The service id is malformed.")
            }
            guard let start = try? Date(item.startsAt, strategy: .iso8601),
                let end = try? Date(item.endsAt, strategy: .iso8601), end > start
            else {
                throw AppointmentProblem.invalidField(
                    "startsAt", zh: "开始和结束时间必须是 RFC 3339 时间，且结束晚于开始。",
                    en: "startsAt and endsAt must be RFC 3339 times, the end after the start.")
            }
            guard (1...10_000).contains(item.capacity) else {
                throw AppointmentProblem.invalidField(
                    "capacity", zh: "容量必须在 1 到 10000 之间。", en: "The capacity must be from 1 to 10,000.")
            }
            return Slot(
                id: SortableID.make(), placeID: placeID, serviceID: item.serviceId,
                startsAt: Int64(start.timeIntervalSince1970), endsAt: Int64(end.timeIntervalSince1970),
                capacity: item.capacity, booked: 0)
        }
    }
}
