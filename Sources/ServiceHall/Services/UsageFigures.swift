import Foundation
import Platform

/// Hot services and the platform figures for the city dashboard, computed from the recorded uses and active days
/// and cached for a minute (the figures change slowly; computing them per request would not).
public struct UsageFigures: Sendable {
    public let repository: UsageRepository
    let registeredResidents: @Sendable () async throws -> Int
    let clock: @Sendable () -> Int64
    private let popularityCache = ExpiringCache<Int, [String: Int]>(lifetime: .seconds(60), capacity: 1)
    private let figuresCache = ExpiringCache<Int, PlatformFigures>(lifetime: .seconds(60), capacity: 1)

    /// `registeredResidents` counts resident accounts (the identity context's figure, passed in by the wiring).
    public init(
        database: Database, registeredResidents: @escaping @Sendable () async throws -> Int,
        clock: @escaping @Sendable () -> Int64 = { CityClock.now() }
    ) {
        self.repository = UsageRepository(database: database)
        self.registeredResidents = registeredResidents
        self.clock = clock
    }

    /// Uses per service over the last 30 days.
    public func popularity() async throws -> [String: Int] {
        if let cached = self.popularityCache.value(for: 0) { return cached }
        let today = WorkingDays.dayNumber(of: self.clock())
        let counts = try await self.repository.usesByService(fromDay: today - 29, toDay: today)
        self.popularityCache.store(counts, for: 0)
        return counts
    }

    /// The most used services of the last 30 days (catalog order breaks ties, so a new city still sees a list).
    public func hot(snapshot: CatalogSnapshot, limit: Int) async throws -> [(service: CatalogService, uses: Int)] {
        let counts = try await self.popularity()
        // Sort positions, not services: moving whole services around would copy all their strings.
        let services = snapshot.catalog.services
        let ranked = services.indices.map { (uses: counts[services[$0].id] ?? 0, position: $0) }
        return ranked.sorted { ($0.uses, -$0.position) > ($1.uses, -$1.position) }.prefix(limit)
            .map { (services[$0.position], $0.uses) }
    }

    /// Forgets cached figures (after writes in tests and seeding).
    public func invalidate() {
        self.popularityCache.removeAll()
        self.figuresCache.removeAll()
    }

    /// The platform's figures now.
    public func platform() async throws -> PlatformFigures {
        if let cached = self.figuresCache.value(for: 0) { return cached }
        let today = WorkingDays.dayNumber(of: self.clock())
        let registered = try await self.registeredResidents()
        let active = try await self.repository.activeResidents(fromDay: today - 30, toDay: today)
        let lastThirty = (today - 30..<today).map { active[$0] ?? 0 }
        let average = Double(lastThirty.reduce(0, +)) / Double(lastThirty.count)
        let figures = PlatformFigures(
            registeredUsers: registered, activeToday: active[today] ?? 0,
            activeYesterday: active[today - 1] ?? 0, averageDailyActive30Days: Int(average.rounded()),
            dailyActiveRate: registered == 0 ? 0 : (average / Double(registered) * 1000).rounded() / 1000,
            cumulativeServiceUses: try await self.repository.cumulativeUses())
        self.figuresCache.store(figures, for: 0)
        return figures
    }
}

/// The platform figures the report quotes (700k real-name users, 10% daily active, 7.3M uses), from data.
public struct PlatformFigures: Codable, Sendable, Equatable {
    /// Resident accounts.
    public let registeredUsers: Int
    /// Residents who made an authenticated request today (so far).
    public let activeToday: Int
    public let activeYesterday: Int
    /// Mean of residents active per day over the 30 days before today.
    public let averageDailyActive30Days: Int
    /// That mean over the registered users (0.1 = 10%), three decimals.
    public let dailyActiveRate: Double
    /// Service uses counted since the platform started.
    public let cumulativeServiceUses: Int
}
