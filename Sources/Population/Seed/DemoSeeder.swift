import Logging
import Platform
import SQLKit
import Territory

/// Creates the demo city: communities under every real street, then households and residents in proportion.
///
/// Everything derives from `seed`, so two runs at the same scale give the same city. Residents are generated on
/// all cores and written in large batches, one transaction per batch.
public struct DemoSeeder: Sendable {
    /// Residents of the whole city at scale 1.
    public static let cityPopulation = 21_000_000.0

    private let database: Database
    private let cipher: PersonalDataCipher
    private let writer: RegisterBulkWriter
    private let logger: Logger

    public init(database: Database, cipher: PersonalDataCipher, logger: Logger) {
        self.database = database
        self.cipher = cipher
        self.writer = RegisterBulkWriter(database: database)
        self.logger = logger
    }

    /// What a seed run created.
    public struct Summary: Sendable {
        public let communities: Int
        public let households: Int
        public let residents: Int
    }

    /// Seeds the city. `progress` receives (rows written, rows planned) after each batch.
    /// Refuses to run when the register already has residents, unless `replace` is set.
    public func seed(
        scale: Double, seed: UInt64, legacyCSV: String, replace: Bool,
        progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> Summary {
        guard scale > 0, scale <= 2 else {
            throw SeedError.invalidScale(scale)
        }
        let divisions = try await self.allDivisions()
        guard divisions.contains(where: { $0.level == .street }) else { throw SeedError.noStreets }
        let register = RegisterRepository(database: self.database)
        if try await register.hasResidents() {
            // Counted only to say how many in the refusal.
            guard replace else { throw SeedError.alreadySeeded(try await register.totals().residents) }
            try await self.writer.clear()
        }
        let plan = try CommunityPlan(divisions: divisions, legacyCSV: legacyCSV, seed: seed)
        try await DivisionRepository(database: self.database).upsert(plan.communities)

        // Split the city's households over communities by a per-community weight.
        var weights: [Double] = []
        for index in plan.communities.indices {
            var random = SeededRandom(seed: seed, stream: UInt64(index), substream: 1)
            weights.append(0.4 + 1.2 * random.unit())
        }
        let totalWeight = weights.reduce(0, +)
        let householdsTarget = Self.cityPopulation * scale / 2.7
        var sizes: [[Int]] = []
        var cumulative = 0.0
        var allocated = 0
        for (index, weight) in weights.enumerated() {
            var random = SeededRandom(seed: seed, stream: UInt64(index), substream: 3)
            // Rounding the running total keeps the city's total right even when communities get under one each.
            cumulative += householdsTarget * weight / totalWeight
            let count = Int(cumulative.rounded()) - allocated
            allocated += count
            sizes.append(PersonGenerator.householdSizes(count: count, random: &random))
        }
        let plannedRows = sizes.reduce(0) { $0 + $1.count + $1.reduce(0, +) }
        let maker = SeedBatchMaker(
            communityCodes: plan.communities.map(\.code), sizes: sizes, seed: seed, cipher: self.cipher
        )
        let ranges = Self.batches(sizes: sizes, rowsPerBatch: 60_000)
        var written = 0
        var totals = (households: 0, residents: 0)
        guard !ranges.isEmpty else {
            return Summary(communities: plan.communities.count, households: 0, residents: 0)
        }
        // Generate batch n + 1 on the other cores while batch n is being written.
        var current = try await maker.make(ranges[0], allocator: SequenceAllocator())
        for index in ranges.indices {
            let allocator = current.allocator
            async let upcoming =
                index + 1 < ranges.count
                ? maker.make(ranges[index + 1], allocator: allocator) : nil
            let batch = current.batch
            try await self.writer.write(households: batch.households, residents: batch.residents)
            totals.households += batch.households.count
            totals.residents += batch.residents.count
            written += batch.households.count + batch.residents.count
            progress(written, plannedRows)
            guard let next = try await upcoming else { break }
            current = next
        }
        self.logger.info(
            "seed.done",
            metadata: [
                "communities": "\(plan.communities.count)", "households": "\(totals.households)",
                "residents": "\(totals.residents)",
            ]
        )
        return Summary(communities: plan.communities.count, households: totals.households, residents: totals.residents)
    }

    private func allDivisions() async throws -> [Division] {
        let repository = DivisionRepository(database: self.database)
        var all: [Division] = []
        var after: String? = nil
        while true {
            let page = try await repository.list(.init(), after: after, limit: 5_000)
            all += page.items
            guard page.more, let last = page.items.last else { break }
            after = last.code
        }
        return all.filter { $0.level != .community }
    }

    /// Groups consecutive communities into batches of about `rowsPerBatch` rows.
    static func batches(sizes: [[Int]], rowsPerBatch: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var rows = 0
        for (index, community) in sizes.enumerated() {
            rows += community.count + community.reduce(0, +)
            if rows >= rowsPerBatch {
                ranges.append(start..<(index + 1))
                start = index + 1
                rows = 0
            }
        }
        if start < sizes.count { ranges.append(start..<sizes.count) }
        return ranges
    }
}

/// A seed run that cannot go ahead.
public enum SeedError: Error, CustomStringConvertible {
    case invalidScale(Double)
    case noStreets
    case alreadySeeded(Int)
    case idNumbersExhausted

    public var description: String {
        switch self {
        case .invalidScale(let scale): "scale must be greater than 0 and at most 2 (got \(scale))"
        case .noStreets: "no streets in the territory tree: run `citizen-cloud import divisions` first"
        case .alreadySeeded(let count): "the register already has \(count) residents: pass --replace to seed again"
        case .idNumbersExhausted: "more residents than ID-number sequence codes for one birth date and district"
        }
    }
}
