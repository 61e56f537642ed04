import Foundation
import Platform
import Population

/// Demo bills: last month's water, electricity and gas for households of the demo register, and a few traffic
/// fines for residents, with amounts drawn from a fixed seed. Safe to repeat (references are unique per
/// department).
public struct BillingDemoSeeder: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The catalog departments that issue each kind of bill (the owners of the catalog's payment services).
    public static let departments: [Bill.Kind: String] = [
        .water: "cd-water", .electricity: "cd-power", .gas: "cd-gas", .trafficFine: "cd-traffic-police",
    ]

    /// Issues bills to up to `households` households inside `division`; returns how many bills were new.
    @discardableResult
    public func seed(division: String = "510104", households: Int = 500, now: Int64 = CityClock.now()) async throws
        -> Int
    {
        let entries = try await RegisterRepository(database: self.database).households(
            inside: Authorization.scopePrefix(division), limit: households)
        let today = CityClock.localDate(now)
        let (year, month) = (Int(today.prefix(4))!, Int(today.dropFirst(5).prefix(2))!)
        let (billYear, billMonth) = month == 1 ? (year - 1, 12) : (year, month - 1)
        let period = String(format: "%04d-%02d", billYear, billMonth)
        let due = String(format: "%04d-%02d-25", year, month)
        var bills: [Bill] = []
        for entry in entries {
            var random = SplitMix(seed: UInt64(entry.householdID))
            let usage: [(Bill.Kind, Int64, String, String)] = [
                (.water, 1_800 + Int64(random.next() % 6_000), "水费", "Water"),
                (.electricity, 5_000 + Int64(random.next() % 30_000), "电费", "Electricity"),
                (.gas, 2_000 + Int64(random.next() % 12_000), "燃气费", "Gas"),
            ]
            for (kind, fen, zh, en) in usage {
                bills.append(
                    Bill(
                        id: SortableID.make(), kind: kind, householdID: entry.householdID, residentID: nil,
                        communityCode: entry.communityCode, departmentID: Self.departments[kind]!,
                        reference: "\(period)-hh\(entry.householdID)", title: "\(period) \(zh)",
                        titleEn: "\(en), \(period)", amountFen: fen, dueDate: due, issuedAt: now))
            }
            if random.next() % 5 == 0, let resident = entry.residentIDs.first {
                let fine: Int64 = [5_000, 10_000, 20_000][Int(random.next() % 3)]
                bills.append(
                    Bill(
                        id: SortableID.make(), kind: .trafficFine, householdID: nil, residentID: resident,
                        communityCode: entry.communityCode, departmentID: Self.departments[.trafficFine]!,
                        reference: "fine-\(period)-r\(resident)", title: "交通违法罚款（违停）",
                        titleEn: "Traffic fine (illegal parking)", amountFen: fine, dueDate: due, issuedAt: now))
            }
        }
        return try await BillRepository(database: self.database).issue(bills)
    }
}

/// A tiny deterministic generator (SplitMix64), so demo amounts are the same on every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) {
        self.state = seed &* 0x9E37_79B9_7F4A_7C15
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
