import Foundation
import Identity
import Platform
import Population

/// Gives the demo's first resident something to pay: a household in the register (so the real-name check raises
/// them to level 2, which bills need), and this month's unpaid water, electricity and gas bills plus a traffic fine.
///
/// Safe on every start: the register entry is made once, and bills are keyed by month, so a restart in the same
/// month issues nothing new (a bill the resident paid stays paid) and a restart next month issues that month's.
public struct DemoPayerSeeder: Sendable {
    let database: Database
    let identity: IdentityService
    let cipher: PersonalDataCipher

    public init(database: Database, identity: IdentityService, cipher: PersonalDataCipher) {
        self.database = database
        self.identity = identity
        self.cipher = cipher
    }

    /// What the seeder did for the resident.
    public struct Summary: Sendable, Equatable {
        public let householdID: Int64
        public let residentID: Int64
        /// Bills issued by this run (0 when this month's exist already).
        public let newBills: Int
    }

    /// Registers `accountID`'s resident in `communityCode` when the register does not know them, raises them to
    /// level 2 and issues the month's bills.
    public func seed(accountID: String, communityCode: String, now: Int64 = CityClock.now()) async throws -> Summary {
        guard let account = try await self.identity.accounts.find(id: accountID), account.role == .resident,
            let number = account.idNumber
        else { throw Self.noSuchResident }
        let register = RegisterRepository(database: self.database)
        var membership = try await register.membership(idNumberHash: self.cipher.lookupHash(number))
        if membership == nil {
            let (household, residents) = try await register.enrol(
                communityCode: communityCode, address: "红星路三段 18 号 2 单元 301（演示）",
                residents: [(account.name, try IDNumber(validating: number))], cipher: self.cipher)
            membership = RegisterMembership(
                residentID: residents[0], householdID: household, communityCode: communityCode)
        }
        guard let membership else { throw Self.noSuchResident }
        if account.level < 2 { _ = try await self.identity.recheckRegister(accountID: account.id, address: nil) }
        let bills = Self.bills(for: membership, now: now)
        let issued = try await BillRepository(database: self.database).issue(bills)
        return Summary(householdID: membership.householdID, residentID: membership.residentID, newBills: issued)
    }

    static let noSuchResident = Problem.notFound(
        code: "resident_not_found", zh: "找不到该居民账户。", en: "No such resident account.")

    /// This month's bills of the household (water, electricity, gas) and the resident's traffic fine, due in 20 days.
    static func bills(for member: RegisterMembership, now: Int64) -> [Bill] {
        let month = String(CityClock.localDate(now).prefix(7))
        let due = CityClock.localDate(now + 20 * 86_400)
        let household: [(Bill.Kind, Int64, String, String)] = [
            (.water, 4_650, "水费", "Water"), (.electricity, 15_630, "电费", "Electricity"),
            (.gas, 8_920, "燃气费", "Gas"),
        ]
        var bills = household.map { kind, fen, zh, en in
            Bill(
                id: SortableID.make(), kind: kind, householdID: member.householdID, residentID: nil,
                communityCode: member.communityCode, departmentID: BillingDemoSeeder.departments[kind]!,
                reference: "demo-\(month)-hh\(member.householdID)", title: "\(month) \(zh)",
                titleEn: "\(en), \(month)", amountFen: fen, dueDate: due, issuedAt: now)
        }
        bills.append(
            Bill(
                id: SortableID.make(), kind: .trafficFine, householdID: nil, residentID: member.residentID,
                communityCode: member.communityCode, departmentID: BillingDemoSeeder.departments[.trafficFine]!,
                reference: "demo-fine-\(month)-r\(member.residentID)", title: "交通违法罚款（违停，红星路三段）",
                titleEn: "Traffic fine (illegal parking, Hongxing Rd Section 3)", amountFen: 20_000, dueDate: due,
                issuedAt: now))
        return bills
    }
}
