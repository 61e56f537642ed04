import Platform

/// The service hall's catalog as the ``ServiceDirectory`` appointments and billing look services up in: the
/// in-memory snapshot, so a look-up costs no query.
struct CatalogServiceDirectory: ServiceDirectory {
    let catalog: CatalogStore

    func service(_ id: String) async throws -> DirectoryService? {
        try await self.catalog.snapshot().service(id).map(Self.entry)
    }

    func services(of kind: DirectoryService.Kind) async throws -> [DirectoryService] {
        try await self.catalog.snapshot().catalog.services.filter { $0.kind.rawValue == kind.rawValue }.map(Self.entry)
    }

    func hasDepartment(_ id: String) async throws -> Bool {
        try await self.catalog.snapshot().catalog.departments.contains { $0.id == id }
    }

    static func entry(_ service: CatalogService) -> DirectoryService {
        DirectoryService(
            id: service.id, departmentID: service.department,
            kind: DirectoryService.Kind(rawValue: service.kind.rawValue) ?? .guide, name: service.name.zh,
            nameEn: service.name.en, level: service.level)
    }
}
