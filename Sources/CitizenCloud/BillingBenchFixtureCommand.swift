import App
import Appointments
import ArgumentParser
import Billing
import Foundation
import Identity
import Platform
import Population
import Territory

/// `citizen-cloud billing bench-fixture`: residents matched to the register, bills and a place with slots for
/// `Benchmarks/billing/measure.sh`; prints what the benchmark needs as JSON.
struct BillingBenchFixtureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-fixture",
        abstract: "Create benchmark residents (level 2), their bills and a place with slots; print them as JSON."
    )

    @Option(help: "Residents (each in a household of their own).") var residents = 100
    @Option(help: "Water bills per household.") var bills = 50
    @Option(help: "Slots at the benchmark place (each with room for every resident).") var slots = 200
    @OptionGroup var options: DatabaseOptions

    static let password = "Bench-password-2018"

    func run() async throws {
        let (residents, bills, slots) = (self.residents, self.bills, self.slots)
        try await CommandSupport.failing {
            let logger = CommandSupport.logger(level: self.options.level)
            let cipher = try PersonalDataCipher.loadOrCreate(keyFile: self.options.keyFile)
            let output = try await CommandSupport.withDatabase(try self.options.url(), logger: logger) { database in
                try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
                if try await DivisionRepository(database: database).countByLevel()[.street] ?? 0 == 0 {
                    let path = CommandSupport.dataDirectory() + "/chengdu-divisions.csv"
                    try await DivisionImporter(database: database).importCSV(
                        try CommandSupport.readText(path), fileName: path)
                }
                return try await Self.create(
                    database: database, cipher: cipher, residents: residents, bills: bills, slots: slots)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            FileHandle.standardOutput.write(try encoder.encode(output) + Data("\n".utf8))
        }
    }

    /// What the benchmark signs in with and pays or books (`bench traffic` reads it back).
    struct Output: Codable {
        struct Resident: Codable {
            let phone: String
            let bills: [String]
            let amounts: [Int64]
        }
        let password: String
        let residents: [Resident]
        let slots: [String]
    }

    static func create(database: Database, cipher: PersonalDataCipher, residents: Int, bills: Int, slots: Int)
        async throws -> Output
    {
        let register = RegisterRepository(database: database)
        let identity = IdentityService(database: database, cipher: cipher, hasher: PasswordHasher(cost: 4))
        let run = Int(CityClock.now() % 100_000)
        var out: [Output.Resident] = []
        var issued: [Bill] = []
        for n in 0..<residents {
            let idNumber = IDNumber(
                region: "510104", year: 1950 + n % 50, month: 1 + n % 12, day: 1 + (n / 12) % 28,
                sequence: (run + n) % 1000)
            let phone = "199" + String(format: "%08d", (run * 1000 + n) % 100_000_000)
            let name = "压测\(n)"
            let (household, _) = try await register.enrol(
                communityCode: "510104003", address: "压测路 \(n) 号", residents: [(name, idNumber)], cipher: cipher)
            _ = try await identity.registerResident(
                .init(name: name, idNumber: idNumber.value, phone: phone, password: Self.password), address: nil)
            var ids: [String] = []
            var amounts: [Int64] = []
            for b in 0..<bills {
                let id = SortableID.make()
                let fen = Int64(1_000 + (n * 31 + b * 17) % 9_000)
                issued.append(
                    Bill(
                        id: id, kind: .water, householdID: household, residentID: nil, communityCode: "510104003",
                        departmentID: "cd-water", reference: "bench-\(id)", title: "压测水费 \(b)",
                        titleEn: "Benchmark water \(b)", amountFen: fen, dueDate: "2099-12-31"))
                ids.append(id)
                amounts.append(fen)
            }
            out.append(.init(phone: phone, bills: ids, amounts: amounts))
        }
        try await BillRepository(database: database).issue(issued)
        let places = PlaceRepository(database: database)
        let placeID = "bench-hospital-\(run)"
        try await places.create(
            Place(
                id: placeID, kind: .hospital, name: "压测医院", nameEn: "Benchmark Hospital", address: "压测路",
                addressEn: "Benchmark Rd", divisionCode: "510104", departmentId: "cd-health"))
        let start = CityClock.now() + 86_400
        let made = (0..<slots).map { i in
            Slot(
                id: SortableID.make(), placeID: placeID, serviceID: "hospital-registration",
                startsAt: start + Int64(i) * 600, endsAt: start + Int64(i + 1) * 600, capacity: max(1, residents),
                booked: 0)
        }
        try await places.addSlots(made)
        return Output(password: Self.password, residents: out, slots: made.map(\.id))
    }
}
