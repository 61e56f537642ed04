import Crypto
import Foundation
import Platform
import Population
import SQLKit
import Territory
import TestSupport
import Testing

private let migrations: [any Migration] = TerritoryMigrations.all + PopulationMigrations.all
private let cipher = PersonalDataCipher(keys: [1: SymmetricKey(data: Data(repeating: 7, count: 32))], current: 1)

/// Imports the divisions, seeds a small city and returns a digest of every resident row plus summary figures.
private func seedSmallCity(_ database: Database, scale: Double = 0.0004) async throws -> (DemoSeeder.Summary, [String])
{
    try await DivisionImporter(database: database).importCSV(
        try TestApp.dataFile("chengdu-divisions.csv"), fileName: "chengdu-divisions.csv"
    )
    let summary = try await DemoSeeder(database: database, cipher: cipher, logger: TestDatabase.logger).seed(
        scale: scale, seed: 42, legacyCSV: try TestApp.dataFile("chengdu-communities-legacy.csv"), replace: false
    )
    let rows = try await database.withConnection { sql in
        try await sql.select().columns("id", "household_id", "community_code", "name", "birth_date", "id_number_hash")
            .from("residents").orderBy("id").all()
    }
    let digest = try rows.map { row in
        try [
            String(row.decode(column: "id", as: Int.self)), String(row.decode(column: "household_id", as: Int.self)),
            row.decode(column: "community_code", as: String.self), row.decode(column: "name", as: String.self),
            row.decode(column: "birth_date", as: String.self), row.decode(column: "id_number_hash", as: String.self),
        ].joined(separator: "|")
    }
    return (summary, digest)
}

@Suite("Demo city")
struct DemoSeederTests {
    @Test("every street gets communities with 12-digit codes under it", arguments: TestBackend.available)
    func communities(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: migrations) { database in
            let (summary, _) = try await seedSmallCity(database)
            #expect(summary.communities > 3_000)
            let repository = DivisionRepository(database: database)
            let all = try await repository.list(.init(level: .community), after: nil, limit: 5_000).items
            #expect(all.count == summary.communities)
            #expect(all.allSatisfy { $0.code.count == 12 && $0.code.hasPrefix($0.parentCode ?? "-") })
            let streets = try await repository.list(.init(level: .street), after: nil, limit: 500).items
            let parents = Set(all.compactMap(\.parentCode))
            #expect(streets.allSatisfy { parents.contains($0.code) })
            // Real names where the district existed (锦江区 had 青石桥社区), generated in 简阳市.
            #expect(all.contains { $0.name == "青石桥社区" && $0.code.hasPrefix("510104") })
            #expect(all.contains { $0.code.hasPrefix("510185") })
            // Villages are numbered from 200 under their street, communities from 001.
            #expect(all.filter { $0.name.hasSuffix("村") }.allSatisfy { Int($0.code.suffix(3))! >= 200 })
        }
    }

    @Test("residents have valid, unique, encrypted ID numbers and phones", arguments: TestBackend.available)
    func residents(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: migrations) { database in
            let (summary, _) = try await seedSmallCity(database)
            #expect((7_000...10_000).contains(summary.residents))
            let rows = try await database.withConnection { sql in
                try await sql.select().columns("community_code", "birth_date", "gender", "id_number_enc", "phone_enc")
                    .from("residents").limit(500).all()
            }
            var seen = Set<String>()
            for row in rows {
                let sealed = try row.decode(column: "id_number_enc", as: Data.self)
                // The demo city lives in 2026 (its babies may be born later in the year than today's date).
                let idNumber = try IDNumber(
                    validating: try cipher.open(Array(sealed)),
                    now: max(CityClock.now(), CityClock.startOfDay("2026-12-31")!))
                #expect(idNumber.region == String(try row.decode(column: "community_code", as: String.self).prefix(6)))
                #expect(idNumber.birthDate == (try row.decode(column: "birth_date", as: String.self)))
                #expect(idNumber.isMale == ((try row.decode(column: "gender", as: String.self)) == "M"))
                #expect(seen.insert(idNumber.value).inserted)
                if let phone = try row.decode(column: "phone_enc", as: Data?.self) {
                    let number = try cipher.open(Array(phone))
                    #expect(number.count == 11 && number.hasPrefix("19"))
                }
            }
            let distinct = try await database.withConnection { sql in
                try await sql.raw("SELECT COUNT(DISTINCT phone_hash) AS n, COUNT(phone_hash) AS m FROM residents")
                    .first()
            }
            #expect(try distinct?.decode(column: "n", as: Int.self) == distinct?.decode(column: "m", as: Int.self))
        }
    }

    @Test("the same seed and scale give the same city on both engines")
    func deterministic() async throws {
        let first = try await TestDatabase.with(.sqlite, migrations: migrations) { try await seedSmallCity($0).1 }
        let second = try await TestDatabase.with(TestBackend.available.last!, migrations: migrations) {
            try await seedSmallCity($0).1
        }
        #expect(first.count > 5_000)
        #expect(first == second)
    }

    @Test("seeding twice is refused unless replacing", arguments: TestBackend.available)
    func refusesTwice(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: migrations) { database in
            let (summary, _) = try await seedSmallCity(database, scale: 0.0001)
            let seeder = DemoSeeder(database: database, cipher: cipher, logger: TestDatabase.logger)
            let legacy = try TestApp.dataFile("chengdu-communities-legacy.csv")
            await #expect(throws: SeedError.self) {
                try await seeder.seed(scale: 0.0001, seed: 42, legacyCSV: legacy, replace: false)
            }
            let again = try await seeder.seed(scale: 0.0001, seed: 42, legacyCSV: legacy, replace: true)
            #expect(again.residents == summary.residents)
            #expect(try await RegisterRepository(database: database).totals().residents == summary.residents)
            await #expect(throws: SeedError.self) {
                try await seeder.seed(scale: 0, seed: 42, legacyCSV: legacy, replace: true)
            }
        }
    }
}
