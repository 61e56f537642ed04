import Foundation

/// One imported catalog held in memory with its lookup tables, search index and each service's listing JSON.
public struct CatalogSnapshot: Sendable {
    public let catalog: Catalog
    /// The stored catalog version this snapshot was built from (0: nothing imported yet).
    public let version: Int64
    public let search: ServiceSearch
    private let servicesByID: [String: CatalogService]
    private let departmentsByID: [String: Department]
    private let themesByID: [String: Theme]
    /// Each service as listings show it, encoded once: encoding JSON per request cost more than the search.
    private let summaryJSON: [String: [UInt8]]

    public init(catalog: Catalog, version: Int64) {
        self.catalog = catalog
        self.version = version
        self.search = ServiceSearch(catalog: catalog)
        self.servicesByID = Dictionary(uniqueKeysWithValues: catalog.services.map { ($0.id, $0) })
        self.departmentsByID = Dictionary(uniqueKeysWithValues: catalog.departments.map { ($0.id, $0) })
        self.themesByID = Dictionary(uniqueKeysWithValues: catalog.themes.map { ($0.id, $0) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let departments = self.departmentsByID
        self.summaryJSON = Dictionary(
            uniqueKeysWithValues: catalog.services.map { service in
                let view = ServiceSummaryView(service, departmentName: departments[service.department]?.name)
                return (service.id, (try? encoder.encode(view)).map { Array($0) } ?? Array("{}".utf8))
            })
    }

    /// The listing JSON of a service (see ``ServiceSummaryView``).
    func summaryJSON(_ id: String) -> [UInt8] { self.summaryJSON[id] ?? Array("{}".utf8) }

    /// The empty catalog, before the first import.
    static let empty = CatalogSnapshot(
        catalog: Catalog(version: 1, themes: [], departments: [], services: []), version: 0)

    public func service(_ id: String) -> CatalogService? { self.servicesByID[id] }
    public func department(_ id: String) -> Department? { self.departmentsByID[id] }
    public func theme(_ id: String) -> Theme? { self.themesByID[id] }
}
