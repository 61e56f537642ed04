import App
import Cases
import Foundation
import Platform
import SQLKit
import Territory
import TestSupport
import Testing

/// Thousands of cases driven through random concurrent transitions: none is lost, each ends with exactly one
/// owner whose level matches its code, and each history replays through the workflow to the stored state.
@Suite struct CaseRaceTests {
    /// Departments known to the test.
    struct Departments: CaseDepartments {
        func name(of departmentID: String) async throws -> LocalizedText? {
            ["cd-water", "cd-urban-management"].contains(departmentID)
                ? LocalizedText(zh: departmentID, en: departmentID) : nil
        }

        func all() async throws -> [(id: String, name: LocalizedText)] {
            ["cd-water", "cd-urban-management"].map { ($0, LocalizedText(zh: $0, en: $0)) }
        }
    }

    /// A small deterministic generator (SplitMix64).
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            self.state &+= 0x9E37_79B9_7F4A_7C15
            var z = self.state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: TestBackend.available)
    func randomConcurrentTransitions(_ backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let divisions = DivisionRepository(database: database)
            try await divisions.upsert([
                Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
                Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
                Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
                Division(code: "510104003001", name: "社区甲", level: .community, parentCode: "510104003"),
                Division(code: "510104003002", name: "社区乙", level: .community, parentCode: "510104003"),
            ])
            let service = CaseService(
                database: database, divisions: divisions, registration: nil, departments: Departments(),
                cipher: try TestApp.cipher)
            let count = 2000
            let reporter = Principal(subject: "resident-1", role: .resident, scope: nil, level: 2)
            let city = Principal(subject: "city", role: .cityOfficer, scope: "510100", level: 3)
            let water = Principal(subject: "water", role: .departmentStaff, scope: "cd-water", level: 3)
            var ids: [String] = []
            for n in 0..<count {
                let report = CaseReport(
                    category: n % 2 == 0 ? "water-leak" : "street-light", description: "第\(n)号诉求的描述",
                    lat: 30.6, lon: 104.0, communityCode: n % 3 == 0 ? "510104003002" : "510104003001")
                ids.append(try await service.report(report, by: .resident(reporter)).id)
            }
            let clock = ContinuousClock()
            // The routing decision alone (rules read from the database, longest prefix picked).
            let routing = clock.now
            for _ in 0..<1000 { _ = try await service.route(category: "street-light", community: "510104003001") }
            print("cases route (\(backend)): \((clock.now - routing) / 1000) per case")
            let started = clock.now
            var outcomes: [String: Int] = [:]
            // Five rounds; in each, every case gets two concurrent random commands by random actors.
            for round in 0..<5 {
                let results = try await withThrowingTaskGroup(of: String.self) { group in
                    var random = Random(state: UInt64(round) * 7919 + 17)
                    var active = 0
                    var results: [String] = []
                    for id in ids {
                        for _ in 0..<2 {
                            let command = CaseCommand.allCases.randomElement(using: &random)!
                            let principal = [city, water, reporter].randomElement(using: &random)!
                            let input = TransitionInput(
                                note: "说明\(round)", communityCode: command == .transfer ? "510104003002" : nil)
                            if active >= 32 {
                                results.append(try await group.next()!)
                                active -= 1
                            }
                            group.addTask {
                                do {
                                    _ = try await service.perform(command, on: id, by: principal, input: input)
                                    return "ok"
                                } catch let problem as Problem {
                                    return problem.code
                                }
                            }
                            active += 1
                        }
                    }
                    for try await result in group { results.append(result) }
                    return results
                }
                for result in results { outcomes[result, default: 0] += 1 }
            }
            print("cases race (\(backend)): \(outcomes) in \(clock.now - started)")
            #expect(outcomes["ok", default: 0] > count)
            #expect(
                Set(outcomes.keys).isSubset(of: [
                    "ok", "case_changed", "invalid_transition", "forbidden", "cannot_escalate", "case_not_found",
                ]))
            #expect(outcomes["case_not_found"] == nil)

            // Every case is there, with one owner that matches its level, and a history that replays.
            let stored = try await database.withConnection { sql in
                try await sql.select().columns("id", "owner_code", "owner_level", "status", "version").from("cases")
                    .all()
            }
            #expect(stored.count == count)
            for row in stored {
                let id = try row.decode(column: "id", as: String.self)
                let owner = try row.decode(column: "owner_code", as: String.self)
                let level = try #require(CaseLevel(rawValue: try row.decode(column: "owner_level", as: String.self)))
                #expect(CaseLevel.of(code: owner) == level, "\(id) owner \(owner) at \(level)")
                let events = try await service.cases.events(id)
                let version = try row.decode(column: "version", as: Int.self)
                #expect(events.map(\.seq) == Array(1...version), "\(id)")
                var status = CaseStatus.received
                var replayLevel = CaseLevel.community
                for event in events.dropFirst() {
                    guard let command = CaseCommand(rawValue: event.command) else { continue }
                    #expect(event.fromStatus == status, "\(id) seq \(event.seq)")
                    let actors: [CaseActor] = [.official, .department, .reporter]
                    let next = actors.lazy.compactMap {
                        try? CaseWorkflow.apply(command, by: $0, status: status, level: replayLevel).get()
                    }.first
                    let after = try #require(next, "\(id) seq \(event.seq) \(command) from \(status)")
                    status = after.status
                    replayLevel = command == .transfer ? .community : after.level
                    #expect(event.toStatus == status)
                    #expect(CaseLevel.of(code: event.ownerCode) == replayLevel)
                }
                #expect(status.rawValue == (try row.decode(column: "status", as: String.self)))
                #expect(events.last?.ownerCode == owner)
            }

            // The running sums behind the public figures match a count of the cases themselves.
            let statistics = StatisticsRepository(database: database)
            let community = try #require(stored.first).decode(column: "owner_code", as: String.self).prefix(12)
            let prefixes = ["", "5", "5101", "510104", "5101040", "510104003", String(community), "510199"]
            for grouping in StatisticsRepository.Grouping.allCases {
                for prefix in prefixes {
                    let kept = try await statistics.figures(grouping, under: prefix)
                    let counted = try await statistics.countedFigures(grouping, under: prefix)
                    #expect(kept == counted, "\(grouping) under '\(prefix)'")
                }
                #expect(try await statistics.figures(grouping, under: "").reduce(0) { $0 + $1.volume } == count)
            }
        }
    }
}
