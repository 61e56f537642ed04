import Platform

/// One batch of the demo city ready to write: households and sealed resident rows.
struct SeedBatch: Sendable {
    let households: [DraftHousehold]
    let residents: [ResidentRow]
}

/// Turns a range of communities into a ``SeedBatch``: drafts generated and sealed on all cores, ID-number
/// sequences assigned in community order so the result never depends on thread timing.
struct SeedBatchMaker: Sendable {
    let communityCodes: [String]
    let sizes: [[Int]]
    /// First household and resident id of each community.
    let starts: [(household: Int64, resident: Int64)]
    let seed: UInt64
    let cipher: PersonalDataCipher

    init(communityCodes: [String], sizes: [[Int]], seed: UInt64, cipher: PersonalDataCipher) {
        self.communityCodes = communityCodes
        self.sizes = sizes
        var starts: [(household: Int64, resident: Int64)] = []
        var next: (household: Int64, resident: Int64) = (1, 1)
        for community in sizes {
            starts.append(next)
            next.household += Int64(community.count)
            next.resident += Int64(community.reduce(0, +))
        }
        self.starts = starts
        self.seed = seed
        self.cipher = cipher
    }

    /// Builds the batch for `range`, continuing `allocator`; returns the allocator to use for the next batch.
    func make(
        _ range: Range<Int>, allocator: SequenceAllocator
    ) async throws -> (batch: SeedBatch, allocator: SequenceAllocator) {
        let drafts = await Self.parallelMap(Array(range)) { index in
            PersonGenerator.community(
                code: self.communityCodes[index], sizes: self.sizes[index],
                firstHouseholdID: self.starts[index].household, firstResidentID: self.starts[index].resident,
                seed: self.seed, index: index
            )
        }
        var allocator = allocator
        var households: [DraftHousehold] = []
        var residents: [DraftResident] = []
        for part in drafts {
            households += part.households
            for var resident in part.residents {
                guard allocator.assign(&resident) else { throw SeedError.idNumbersExhausted }
                residents.append(resident)
            }
        }
        let cipher = self.cipher
        let chunks = stride(from: 0, to: residents.count, by: 4_096).map {
            Array(residents[$0..<min($0 + 4_096, residents.count)])
        }
        let rows = await Self.parallelMap(chunks) { chunk in chunk.map { ResidentRow($0, cipher: cipher) } }
        return (SeedBatch(households: households, residents: rows.flatMap { $0 }), allocator)
    }

    /// Maps `items` concurrently and returns the results in input order.
    static func parallelMap<T: Sendable, R: Sendable>(
        _ items: [T], _ transform: @escaping @Sendable (T) -> R
    ) async -> [R] {
        await withTaskGroup(of: (Int, R).self) { group in
            for (index, item) in items.enumerated() {
                group.addTask { (index, transform(item)) }
            }
            var results: [R?] = Array(repeating: nil, count: items.count)
            for await (index, result) in group { results[index] = result }
            return results.map { $0! }
        }
    }
}
