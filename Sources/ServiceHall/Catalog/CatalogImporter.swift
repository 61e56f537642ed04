import Foundation
import Platform

/// Imports a catalog file: validated as a whole first, then written in one transaction (all or nothing).
public struct CatalogImporter: Sendable {
    let repository: CatalogRepository

    public init(database: Database) {
        self.repository = CatalogRepository(database: database)
    }

    /// Parses and validates `text`, then replaces the stored catalog. Throws ``CatalogImportError`` for a bad file,
    /// before anything is written.
    @discardableResult
    public func importFile(_ text: String, fileName: String) async throws -> CatalogRepository.Summary {
        let catalog = try CatalogParser.parse(text, fileName: fileName)
        return try await self.repository.replace(with: catalog, at: CityClock.now())
    }
}
