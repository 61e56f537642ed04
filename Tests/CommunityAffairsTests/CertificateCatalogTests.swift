import App
import CommunityAffairs
import Foundation
import Platform
import ServiceHall
import TestSupport
import Testing

/// The certificate catalog is validated as a whole: the shipped file passes, and each kind of defect is reported.
@Suite struct CertificateCatalogTests {
    static var shippedJSON: [String: Any] {
        get throws {
            let url = TestApp.repositoryRoot.appendingPathComponent(
                "Sources/CommunityAffairs/Resources/certificate-catalog.json")
            return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        }
    }

    @Test("the shipped list has 15 kinds and its departments exist in the service catalog")
    func shipped() async throws {
        let catalog = try CertificateCatalogParser.shipped()
        #expect(catalog.kinds.count == 15)
        #expect(catalog.kind("residence")?.level == 2)
        #expect(catalog.redirect("no-criminal-record")?.department == "cd-psb")
        try await TestDatabase.with(.sqlite, migrations: AppMigrations.all) { database in
            try await TestApp.importCatalog(database)
            let snapshot = try await CatalogStore(database: database).snapshot()
            try CertificateCatalogParser.validate(catalog, against: snapshot)
            var json = try Self.shippedJSON
            var refused = try #require(json["notCommunityWork"] as? [[String: Any]])
            refused[0]["department"] = "cd-nowhere"
            refused[1]["service"] = "no-such-service"
            json["notCommunityWork"] = refused
            let broken = try CertificateCatalogParser.parse(try JSONSerialization.data(withJSONObject: json))
            let error = try #require(throws: CertificateCatalogError.self) {
                try CertificateCatalogParser.validate(broken, against: snapshot)
            }
            #expect(error.issues.contains { $0.contains("no department 'cd-nowhere'") })
            #expect(error.issues.contains { $0.contains("no service 'no-such-service'") })
        }
    }

    @Test("every defect of a catalog is listed and nothing is imported")
    func defects() throws {
        var json = try Self.shippedJSON
        var kinds = try #require(json["kinds"] as? [[String: Any]])
        kinds[1]["id"] = kinds[0]["id"]
        kinds[2]["level"] = 7
        kinds[3]["template"] = ["zh": "{nobody}", "en": "x"]
        kinds.append(kinds[4])
        json["kinds"] = kinds
        let data = try JSONSerialization.data(withJSONObject: json)
        let error = try #require(throws: CertificateCatalogError.self) { try CertificateCatalogParser.parse(data) }
        #expect(error.issues.contains { $0.contains("1 to 15") })
        #expect(error.issues.contains { $0.contains("used twice") })
        #expect(error.issues.contains { $0.contains("level 7") })
        #expect(error.issues.contains { $0.contains("{nobody}") })
        #expect(throws: CertificateCatalogError.self) { try CertificateCatalogParser.parse(Data("[]".utf8)) }
    }
}
