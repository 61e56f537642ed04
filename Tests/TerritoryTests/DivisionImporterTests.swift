import Platform
import SQLKit
import Territory
import TestSupport
import Testing

@Suite("Division import")
struct DivisionImporterTests {
    @Test("the real file imports 282 divisions, and re-importing changes nothing", arguments: TestBackend.available)
    func importsRealCity(backend: TestBackend) async throws {
        let csv = try TestApp.dataFile("chengdu-divisions.csv")
        try await TestDatabase.with(backend, migrations: TerritoryMigrations.all) { database in
            let importer = DivisionImporter(database: database)
            let first = try await importer.importCSV(csv, fileName: "chengdu-divisions.csv")
            #expect(first.rows == 282)
            #expect(first.byLevel == [.city: 1, .district: 20, .street: 261])
            try await importer.importCSV(csv, fileName: "chengdu-divisions.csv")
            let counts = try await DivisionRepository(database: database).countByLevel()
            #expect(counts == [.city: 1, .district: 20, .street: 261])
            let chunxi = try await DivisionRepository(database: database).find("510104003")
            #expect(chunxi?.name == "春熙路街道")
            #expect(chunxi?.parentCode == "510104")
        }
    }

    @Test("a bad row is reported with its line and nothing is imported", arguments: TestBackend.available)
    func badRowImportsNothing(backend: TestBackend) async throws {
        let csv = """
            code,name,level,parent_code
            510100,成都市,city,
            510104,锦江区,district,510100
            510104003,春熙路街道,street,510104
            5101040X4,坏街道,street,510104

            """
        try await TestDatabase.with(backend, migrations: TerritoryMigrations.all) { database in
            await #expect(
                throws: DivisionImportError(
                    file: "bad.csv", line: 5, reason: "code \"5101040X4\" is not a 9-digit street code")
            ) {
                try await DivisionImporter(database: database).importCSV(csv, fileName: "bad.csv")
            }
            let counts = try await DivisionRepository(database: database).countByLevel()
            #expect(counts.isEmpty)
        }
    }

    @Test(
        "malformed files say what is wrong and where",
        arguments: [
            ("", 1, "the file is empty"),
            ("code,name\n", 1, "the header must be code,name,level,parent_code"),
            ("code,name,level,parent_code\n", 1, "the file has no rows"),
            ("code,name,level,parent_code\n510100,成都市,city\n", 2, "expected 4 fields, found 3"),
            (
                "code,name,level,parent_code\n510100,成都市,town,\n", 2,
                "unknown level \"town\" (city, district, street or community)"
            ),
            (
                "code,name,level,parent_code\n510104,锦江区,district,510100\n", 2,
                "parent 510100 is not defined on an earlier line"
            ),
            ("code,name,level,parent_code\n510100,成都市,city,\n510100,成都,city,\n", 3, "code 510100 appears twice"),
            (
                "code,name,level,parent_code\n510100,成都市,city,\n520104,x,district,510100\n", 3,
                "code 520104 does not start with its parent's code 510100"
            ),
            ("code,name,level,parent_code\n510100,\"成都市,city,\n", 2, "a quoted field is not closed"),
            ("code,name,level,parent_code\n510101,成都市,city,\n", 2, "a city's code must end in 00"),
            (
                "code,name,level,parent_code\n510100,成都市,city,\n510200,x,district,510100\n", 3,
                "only a city's code ends in 00"
            ),
        ]
    )
    func malformed(text: String, line: Int, reason: String) {
        #expect(throws: DivisionImportError(file: "f.csv", line: line, reason: reason)) {
            try DivisionImporter.parse(text, fileName: "f.csv")
        }
    }

    @Test("codes nest by prefix, the city by its first four digits")
    func codes() {
        #expect(DivisionCode.contains(root: "510100", rootLevel: .city, code: "510104003001"))
        #expect(DivisionCode.contains(root: "510104", rootLevel: .district, code: "510104003"))
        #expect(!DivisionCode.contains(root: "510104", rootLevel: .district, code: "510105001"))
        #expect(!DivisionCode.contains(root: "510104003", rootLevel: .street, code: "510104004001"))
        #expect(DivisionCode.impliedLevel(of: "510100") == .city)
        #expect(DivisionCode.impliedLevel(of: "510104003001") == .community)
        #expect(DivisionCode.impliedLevel(of: "51010") == nil)
        #expect(DivisionCode.ancestorCodes(of: "510104003001") == ["510100", "510104", "510104003"])
        #expect(DivisionCode.ancestorCodes(of: "510104") == ["510100"])
        #expect(DivisionCode.ancestorCodes(of: "510100").isEmpty)
    }
}
