import Platform
import ServiceHall

extension TestApp {
    /// Imports the shipped service catalog (`data/service-catalog.json`) into a test database, for contexts whose
    /// routes check service ids against it (appointments, billing).
    public static func importCatalog(_ database: Database) async throws {
        try await CatalogImporter(database: database).importFile(
            try self.dataFile("service-catalog.json"), fileName: "service-catalog.json")
    }
}
