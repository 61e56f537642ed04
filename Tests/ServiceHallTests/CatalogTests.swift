import Foundation
import Platform
import SQLKit
import ServiceHall
import TestSupport
import Testing

@Suite("Service catalog")
struct CatalogTests {
    /// A minimal valid catalog with one service whose entry `service` can be replaced.
    static func catalog(service: String? = nil, extraDepartment: Bool = false) -> String {
        let entry =
            service ?? """
                    {"id": "demo-apply", "department": "d1", "theme": "t1", "kind": "application",
                     "name": {"zh": "演示申请", "en": "Demo application"}, "summary": {"zh": "说明", "en": "About"},
                     "eligibility": {"zh": "所有人", "en": "Anyone"}, "level": 1,
                     "fee": {"fen": 0, "zh": "免费", "en": "Free"}, "promisedDays": 3,
                     "form": {"fields": [{"name": "phone", "type": "phone", "label": {"zh": "电话", "en": "Phone"}, "required": true}]}}
                """
        return """
            {
              "version": 1,
              "themes": [{"id": "t1", "name": {"zh": "主题", "en": "Theme"}}],
              "departments": [{"id": "d1", "name": {"zh": "部门", "en": "Department"}}\(extraDepartment ? #", {"id": "d2", "name": {"zh": "二", "en": "Two"}}"# : "")],
              "services": [
            \(entry)
              ]
            }
            """
    }

    @Test("the shipped catalog has 33 departments and 134 services, every kind, and valid forms")
    func shipped() throws {
        let catalog = try CatalogParser.parse(try HallFixture.catalogText, fileName: "service-catalog.json")
        #expect(catalog.departments.count == 33)
        #expect(catalog.services.count == 134)
        #expect(Set(catalog.services.map(\.kind)) == Set(ServiceKind.allCases))
        #expect(Set(catalog.services.map(\.department)) == Set(catalog.departments.map(\.id)))
        for service in catalog.services where service.kind == .application {
            #expect(service.form?.fields.isEmpty == false, "\(service.id)")
            #expect(service.promisedDays >= 1, "\(service.id)")
        }
        #expect(
            Set(catalog.themes.map(\.id)).isSuperset(of: [
                "transport", "medical", "social_insurance", "housing",
                "education", "employment", "civil_affairs", "public_security", "culture_sport", "bills",
            ]))
    }

    @Test(
        "bad files are refused with the line, the field and the reason",
        arguments: [
            // (file, expected line, expected text)
            (#"{"version": 1, "themes": [,]}"#, 1, "unexpected character"),
            ("{\n \"version\": 1,\n \"themes\": []\n \"departments\": []\n}", 4, "expected ',' or '}'"),
            (CatalogTests.catalog(service: "{\"id\": \"xy\"}"), 6, "services[0](xy).department: is missing"),
        ])
    func badSyntax(text: String, line: Int, reason: String) {
        #expect {
            _ = try CatalogParser.parse(text, fileName: "c.json")
        } throws: { error in
            guard let error = error as? CatalogImportError else { return false }
            return error.issues.contains { $0.line == line && "\($0.path): \($0.reason)".contains(reason) }
                || error.issues.contains { $0.line == line && $0.reason.contains(reason) }
        }
    }

    @Test("semantic mistakes name the service and the field")
    func semantic() throws {
        let text = Self.catalog().replacingOccurrences(of: #""type": "phone""#, with: #""type": "colour""#)
            .replacingOccurrences(of: #""department": "d1""#, with: #""department": "d9""#)
        do {
            _ = try CatalogParser.parse(text, fileName: "c.json")
            Issue.record("accepted a bad file")
        } catch {
            let description = error.description
            #expect(description.contains(#"c.json:6: services[0](demo-apply).department: unknown department "d9""#))
            #expect(description.contains(#"services[0](demo-apply).form.fields[0].type: unknown field type "colour""#))
            #expect(error.issues.count >= 2)
        }
        let guide = Self.catalog().replacingOccurrences(of: #""kind": "application""#, with: #""kind": "guide""#)
        #expect(throws: CatalogImportError.self) { _ = try CatalogParser.parse(guide, fileName: "c.json") }
        let unused = Self.catalog(extraDepartment: true)
        #expect { _ = try CatalogParser.parse(unused, fileName: "c.json") } throws: {
            ($0 as? CatalogImportError)?.description.contains("department d2 offers no service") == true
        }
        let badPattern = Self.catalog().replacingOccurrences(
            of: #""type": "phone""#, with: #""type": "text", "pattern": "([a-z""#)
        #expect { _ = try CatalogParser.parse(badPattern, fileName: "c.json") } throws: {
            ($0 as? CatalogImportError)?.description.contains("not a valid regular expression") == true
        }
    }

    @Test("an import is all or nothing and counts versions", arguments: TestBackend.available)
    func importAllOrNothing(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrationsForTests.all) { database in
            let importer = CatalogImporter(database: database)
            let first = try await importer.importFile(try HallFixture.catalogText, fileName: "service-catalog.json")
            #expect(first.services == 134 && first.departments == 33 && first.version == 1)
            let bad = Self.catalog().replacingOccurrences(of: #""level": 1"#, with: #""level": 7"#)
            await #expect(throws: CatalogImportError.self) { try await importer.importFile(bad, fileName: "c.json") }
            let stored = try #require(try await CatalogRepository(database: database).load())
            #expect(stored.version == 1)
            #expect(stored.catalog.services.count == 134)
            #expect(
                stored.catalog.services
                    == (try CatalogParser.parse(try HallFixture.catalogText, fileName: "c")).services)
            let second = try await importer.importFile(Self.catalog(), fileName: "c.json")
            #expect(second.version == 2 && second.services == 1)
            #expect(
                try await CatalogRepository(database: database).load()?.catalog.services.map(\.id) == ["demo-apply"])
        }
    }
}
