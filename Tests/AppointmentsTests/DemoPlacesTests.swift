import Appointments
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import ServiceHall
import TestSupport
import Testing

@Suite("Demo places and the service catalog")
struct DemoPlacesTests {
    @Test("the demo places offer every appointment service of the shipped catalog, each at its own department")
    func everyService() throws {
        let catalog = try CatalogParser.parse(try TestApp.dataFile("service-catalog.json"), fileName: "catalog")
        let byID = Dictionary(uniqueKeysWithValues: catalog.services.map { ($0.id, $0) })
        var offered: Set<String> = []
        for (place, services) in AppointmentDemoSeeder.places {
            for id in services {
                let service = try #require(byID[id], "\(place.id) offers \(id)")
                #expect(service.kind == .appointment, "\(id)")
                #expect(service.department == place.departmentId, "\(place.id): \(id)")
                offered.insert(id)
            }
        }
        #expect(offered == Set(catalog.services.filter { $0.kind == .appointment }.map(\.id)))
    }

    @Test(
        "after the demo seeder, every catalog appointment service's page lists places with free times",
        arguments: TestBackend.available)
    func noDeadEnds(backend: TestBackend) async throws {
        let prepare: @Sendable (Database) async throws -> Void = { database in
            try await TestApp.importCatalog(database)
            // Seeded from the start of today, so every place has times in the coming days.
            #expect(try await AppointmentDemoSeeder(database: database).seed(days: 3) > 0)
            #expect(try await AppointmentDemoSeeder(database: database).seed(days: 3) == 0)
        }
        try await TestApp.with(backend, prepare: prepare) { client in
            let catalog = try CatalogParser.parse(try TestApp.dataFile("service-catalog.json"), fileName: "catalog")
            for service in catalog.services where service.kind == .appointment {
                let page = String(
                    buffer: try await client.execute(uri: "/appointments?service=\(service.id)", method: .get).body)
                #expect(!page.contains(#"id="no-places""#) && page.contains("/appointments/places/"), "\(service.id)")
            }
        }
    }
}
