import Foundation
import Platform
import SQLKit

/// Demo places in Chengdu (real hospitals and government service centres) with slots for the coming week.
///
/// Safe to run on every start: places and slots have fixed ids and existing ones are left alone, so a long-running
/// demo gains the new days' slots each time it starts.
public struct AppointmentDemoSeeder: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The demo places and the services each offers.
    public static let places: [(Place, [String])] = [
        (
            Place(
                id: "huaxi-hospital", kind: .hospital, name: "四川大学华西医院",
                nameEn: "West China Hospital, Sichuan University",
                address: "武侯区国学巷37号", addressEn: "37 Guoxue Lane, Wuhou District", divisionCode: "510107",
                departmentId: "dept-health"), ["health.outpatient", "health.checkup"]
        ),
        (
            Place(
                id: "sichuan-provincial-hospital", kind: .hospital, name: "四川省人民医院",
                nameEn: "Sichuan Provincial People's Hospital", address: "青羊区一环路西二段32号",
                addressEn: "32 West Section 2, First Ring Rd, Qingyang District", divisionCode: "510105",
                departmentId: "dept-health"), ["health.outpatient"]
        ),
        (
            Place(
                id: "chengdu-third-hospital", kind: .hospital, name: "成都市第三人民医院",
                nameEn: "Chengdu Third People's Hospital", address: "青羊区青龙街82号",
                addressEn: "82 Qinglong St, Qingyang District", divisionCode: "510105", departmentId: "dept-health"),
            ["health.outpatient", "health.vaccination"]
        ),
        (
            Place(
                id: "chengdu-women-children-hospital", kind: .hospital, name: "成都市妇女儿童中心医院",
                nameEn: "Chengdu Women's and Children's Central Hospital", address: "青羊区日月大道一段1617号",
                addressEn: "1617 Riyue Ave Section 1, Qingyang District", divisionCode: "510105",
                departmentId: "dept-health"), ["health.outpatient", "health.vaccination"]
        ),
        (
            Place(
                id: "jinjiang-service-centre", kind: .serviceCentre, name: "锦江区政务服务中心",
                nameEn: "Jinjiang District Government Service Centre", address: "锦江区锦华路一段88号",
                addressEn: "88 Jinhua Rd Section 1, Jinjiang District", divisionCode: "510104",
                departmentId: "dept-government-services"),
            ["gov.household_registration", "gov.social_security"]
        ),
        (
            Place(
                id: "wuhou-service-centre", kind: .serviceCentre, name: "武侯区政务服务中心",
                nameEn: "Wuhou District Government Service Centre", address: "武侯区元华二巷8号",
                addressEn: "8 Yuanhua Lane 2, Wuhou District", divisionCode: "510107",
                departmentId: "dept-government-services"),
            ["gov.household_registration", "gov.social_security"]
        ),
        (
            Place(
                id: "chunxilu-community-centre", kind: .serviceCentre, name: "春熙路街道党群服务中心",
                nameEn: "Chunxilu Street Community Service Centre", address: "锦江区红星路三段",
                addressEn: "Hongxing Rd Section 3, Jinjiang District", divisionCode: "510104003",
                departmentId: "dept-government-services"), ["gov.social_security"]
        ),
    ]

    /// Adds the places and their slots for `days` days from today; returns how many slots were new.
    @discardableResult
    public func seed(days: Int = 7, now: Int64 = CityClock.now()) async throws -> Int {
        let today = CityClock.startOfDay(CityClock.localDate(now))!
        // Mornings 08:30–11:30 and afternoons 14:00–17:00, half-hour slots.
        let times =
            stride(from: 8 * 60 + 30, to: 11 * 60 + 30, by: 30).map { $0 }
            + stride(from: 14 * 60, to: 17 * 60, by: 30).map { $0 }
        return try await self.database.transaction { sql in
            var created = 0
            for (index, (place, services)) in Self.places.enumerated() {
                try await sql.insert(into: "appointment_places")
                    .columns(
                        "id", "kind", "name_zh", "name_en", "address_zh", "address_en", "division_code",
                        "department_id", "created_at"
                    )
                    .values(
                        SQLBind(place.id), SQLBind(place.kind.rawValue), SQLBind(place.name), SQLBind(place.nameEn),
                        SQLBind(place.address), SQLBind(place.addressEn), SQLBind(place.divisionCode),
                        SQLBind(place.departmentId), SQLBind(now)
                    ).ignoringConflicts(with: "id").run()
                for day in 0..<days {
                    let start = today + Int64(day) * 86_400
                    let date = CityClock.localDate(start).replacingOccurrences(of: "-", with: "")
                    for service in services {
                        for minute in times {
                            let startsAt = start + Int64(minute) * 60
                            guard startsAt > now else { continue }
                            let id = "\(place.id).\(service).\(date).\(minute)"
                            let capacity = place.kind == .hospital ? 20 + (index * 7 + minute) % 11 : 8 + minute % 5
                            let inserted = try await sql.insert(into: "appointment_slots")
                                .columns("id", "place_id", "service_id", "starts_at", "ends_at", "capacity", "booked")
                                .values(
                                    SQLBind(id), SQLBind(place.id), SQLBind(service), SQLBind(startsAt),
                                    SQLBind(startsAt + 1800), SQLBind(capacity), SQLBind(0)
                                ).ignoringConflicts(with: "id").returning("id").all()
                            created += inserted.count
                        }
                    }
                }
            }
            return created
        }
    }
}
