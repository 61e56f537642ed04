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

    /// The demo places, each owned by one catalog department, and the catalog's appointment services each offers:
    /// together they offer every appointment service of the shipped catalog.
    public static let places: [(Place, [String])] = [
        (
            Place(
                id: "huaxi-hospital", kind: .hospital, name: "四川大学华西医院",
                nameEn: "West China Hospital, Sichuan University",
                address: "武侯区国学巷37号", addressEn: "37 Guoxue Lane, Wuhou District", divisionCode: "510107",
                departmentId: "cd-health"), ["hospital-registration"]
        ),
        (
            Place(
                id: "sichuan-provincial-hospital", kind: .hospital, name: "四川省人民医院",
                nameEn: "Sichuan Provincial People's Hospital", address: "青羊区一环路西二段32号",
                addressEn: "32 West Section 2, First Ring Rd, Qingyang District", divisionCode: "510105",
                departmentId: "cd-health"), ["hospital-registration"]
        ),
        (
            Place(
                id: "chengdu-third-hospital", kind: .hospital, name: "成都市第三人民医院",
                nameEn: "Chengdu Third People's Hospital", address: "青羊区青龙街82号",
                addressEn: "82 Qinglong St, Qingyang District", divisionCode: "510105", departmentId: "cd-health"),
            ["hospital-registration", "child-vaccination"]
        ),
        (
            Place(
                id: "chengdu-women-children-hospital", kind: .hospital, name: "成都市妇女儿童中心医院",
                nameEn: "Chengdu Women's and Children's Central Hospital", address: "青羊区日月大道一段1617号",
                addressEn: "1617 Riyue Ave Section 1, Qingyang District", divisionCode: "510105",
                departmentId: "cd-health"), ["hospital-registration", "child-vaccination"]
        ),
        (
            Place(
                id: "jinjiang-service-centre", kind: .serviceCentre, name: "锦江区政务服务中心（公安窗口）",
                nameEn: "Jinjiang District Government Service Centre (police windows)", address: "锦江区锦华路一段88号",
                addressEn: "88 Jinhua Rd Section 1, Jinjiang District", divisionCode: "510104", departmentId: "cd-psb"),
            ["resident-id-card-renewal", "ordinary-passport", "hk-macau-permit"]
        ),
        (
            Place(
                id: "wuhou-service-centre", kind: .serviceCentre, name: "武侯区政务服务中心（公安窗口）",
                nameEn: "Wuhou District Government Service Centre (police windows)", address: "武侯区元华二巷8号",
                addressEn: "8 Yuanhua Lane 2, Wuhou District", divisionCode: "510107", departmentId: "cd-psb"),
            ["resident-id-card-renewal", "ordinary-passport", "hk-macau-permit"]
        ),
        (
            Place(
                id: "chunxilu-community-centre", kind: .serviceCentre, name: "春熙路街道党群服务中心",
                nameEn: "Chunxilu Street Community Service Centre", address: "锦江区红星路三段",
                addressEn: "Hongxing Rd Section 3, Jinjiang District", divisionCode: "510104003",
                departmentId: "cd-women"), ["family-counselling"]
        ),
        (
            Place(
                id: "wuhou-vehicle-inspection", kind: .serviceCentre, name: "武侯机动车检测站",
                nameEn: "Wuhou Vehicle Inspection Station", address: "武侯区武兴一路",
                addressEn: "Wuxing 1st Rd, Wuhou District", divisionCode: "510107",
                departmentId: "cd-traffic-police"), ["vehicle-inspection-appointment"]
        ),
        (
            Place(
                id: "hpf-service-hall", kind: .serviceCentre, name: "成都住房公积金管理中心服务大厅",
                nameEn: "Chengdu Housing Provident Fund Service Hall", address: "锦江区东大街下东大街段",
                addressEn: "Xiadong Section, East Ave, Jinjiang District", divisionCode: "510104",
                departmentId: "cd-hpf"), ["provident-fund-loan"]
        ),
        (
            Place(
                id: "real-estate-registration-centre", kind: .serviceCentre, name: "成都市不动产登记中心",
                nameEn: "Chengdu Real Estate Registration Centre", address: "高新区天府大道北段",
                addressEn: "North Section, Tianfu Ave, High-tech Zone", divisionCode: "510107",
                departmentId: "cd-planning"), ["second-hand-home-transfer"]
        ),
        (
            Place(
                id: "jinjiang-marriage-registry", kind: .serviceCentre, name: "锦江区婚姻登记处",
                nameEn: "Jinjiang District Marriage Registry", address: "锦江区水井街",
                addressEn: "Shuijing St, Jinjiang District", divisionCode: "510104",
                departmentId: "cd-civil-affairs"), ["marriage-registration", "divorce-registration"]
        ),
        (
            Place(
                id: "chengdu-museum", kind: .serviceCentre, name: "成都博物馆", nameEn: "Chengdu Museum",
                address: "青羊区小河街1号", addressEn: "1 Xiaohe St, Qingyang District", divisionCode: "510105",
                departmentId: "cd-culture"), ["museum-visit"]
        ),
        (
            Place(
                id: "chengdu-sports-centre", kind: .serviceCentre, name: "成都市体育中心",
                nameEn: "Chengdu Sports Centre", address: "青羊区顺城大街2号",
                addressEn: "2 Shuncheng Ave, Qingyang District", divisionCode: "510105", departmentId: "cd-sport"),
            ["sports-venue-booking"]
        ),
        (
            Place(
                id: "chengdu-library", kind: .serviceCentre, name: "成都图书馆", nameEn: "Chengdu Library",
                address: "青羊区草市街2号", addressEn: "2 Caoshi St, Qingyang District", divisionCode: "510105",
                departmentId: "cd-library"), ["reading-room-seat"]
        ),
        (
            Place(
                id: "shudu-notary-office", kind: .serviceCentre, name: "成都市蜀都公证处",
                nameEn: "Chengdu Shudu Notary Office", address: "锦江区提督街",
                addressEn: "Tidu St, Jinjiang District", divisionCode: "510104", departmentId: "cd-justice"),
            ["notarisation"]
        ),
        (
            Place(
                id: "jinjiang-sanitation-centre", kind: .serviceCentre, name: "锦江区环卫服务中心",
                nameEn: "Jinjiang District Sanitation Service Centre", address: "锦江区东光街",
                addressEn: "Dongguang St, Jinjiang District", divisionCode: "510104",
                departmentId: "cd-urban-management"), ["bulky-waste-collection"]
        ),
        (
            Place(
                id: "chengdu-gas-service-hall", kind: .serviceCentre, name: "成都燃气客户服务中心",
                nameEn: "Chengdu Gas Customer Service Centre", address: "青羊区少城路",
                addressEn: "Shaocheng Rd, Qingyang District", divisionCode: "510105", departmentId: "cd-gas"),
            ["gas-safety-check"]
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
                    ).onConflict(with: ["id"]) {
                        // The demo's places move with the catalog (an older demo database named other departments).
                        $0.set(excludedValueOf: "name_zh").set(excludedValueOf: "name_en")
                            .set(excludedValueOf: "department_id")
                    }.run()
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
