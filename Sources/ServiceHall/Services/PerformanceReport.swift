import Foundation
import Platform

/// Service performance per department for the public: volume, on-time rate and average rating, every department
/// of the catalog (those without applications show zeros). Cached for a minute.
public struct PerformanceReport: Sendable {
    let repository: PerformanceRepository
    let catalog: CatalogStore
    let clock: @Sendable () -> Int64
    private let cache = ExpiringCache<Int, [Row]>(lifetime: .seconds(60), capacity: 1)

    public init(
        database: Database, catalog: CatalogStore,
        clock: @escaping @Sendable () -> Int64 = { CityClock.now() }
    ) {
        self.repository = PerformanceRepository(database: database)
        self.catalog = catalog
        self.clock = clock
    }

    /// One department's line.
    public struct Row: Codable, Sendable, Equatable {
        public let departmentId: String
        public let name: LocalizedText
        public let services: Int
        public let volume: Int
        public let finished: Int
        public let finishedOnTime: Int
        /// Finished on time among the finished, nil before anything finished.
        public let onTimeRate: Double?
        public let openOverdue: Int
        public let ratings: Int
        /// Mean stars (two decimals), nil without ratings.
        public let averageRating: Double?
    }

    /// Every department, busiest first.
    public func rows() async throws -> [Row] {
        if let cached = self.cache.value(for: 0) { return cached }
        let snapshot = try await self.catalog.snapshot()
        let figures = try await self.repository.figures(now: self.clock())
        var services: [String: Int] = [:]
        for service in snapshot.catalog.services { services[service.department, default: 0] += 1 }
        let rows = snapshot.catalog.departments.enumerated().map { position, department in
            let f = figures[department.id] ?? .init(departmentID: department.id)
            return (
                position,
                Row(
                    departmentId: department.id, name: department.name, services: services[department.id] ?? 0,
                    volume: f.volume, finished: f.finished, finishedOnTime: f.finishedOnTime,
                    onTimeRate: f.onTimeRate.map { ($0 * 1000).rounded() / 1000 }, openOverdue: f.openOverdue,
                    ratings: f.ratings, averageRating: f.averageRating.map { ($0 * 100).rounded() / 100 })
            )
        }
        .sorted { ($0.1.volume, -$0.0) > ($1.1.volume, -$1.0) }.map(\.1)
        self.cache.store(rows, for: 0)
        return rows
    }

    /// Forgets the cached figures.
    public func invalidate() { self.cache.removeAll() }
}
