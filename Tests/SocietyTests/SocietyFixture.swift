import App
import Foundation
import Platform
import Society
import Synchronization
import Territory
import TestSupport

/// A small city for the society tests: two districts, one street each, three communities; principals by role;
/// a service whose clock the test sets.
enum SocietyFixture {
    static let communityA = "510104003001"
    static let communityB = "510104003002"
    static let communityC = "510105001001"
    /// 和平社区's square (the place of the activities).
    static let place = (lat: 30.6571, lon: 104.0806)

    static let divisions: [Division] = [
        Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
        Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
        Division(code: "510105", name: "青羊区", level: .district, parentCode: "510100"),
        Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
        Division(code: "510105001", name: "少城街道", level: .street, parentCode: "510105"),
        Division(code: communityA, name: "和平社区", level: .community, parentCode: "510104003"),
        Division(code: communityB, name: "东风社区", level: .community, parentCode: "510104003"),
        Division(code: communityC, name: "少城社区", level: .community, parentCode: "510105001"),
    ]

    static let workerA = Principal(subject: "worker-a", role: .communityWorker, scope: communityA, level: 3)
    static let workerC = Principal(subject: "worker-c", role: .communityWorker, scope: communityC, level: 3)
    static let district = Principal(subject: "district", role: .districtOfficer, scope: "510104", level: 3)

    static func resident(_ n: Int) -> Principal {
        Principal(subject: "resident-\(n)", role: .resident, scope: nil, level: 2)
    }

    /// A clock the test moves.
    final class Clock: Sendable {
        let time: Mutex<Int64>
        init(_ start: Int64) { self.time = Mutex(start) }
        var now: Int64 { self.time.withLock { $0 } }
        func set(_ value: Int64) { self.time.withLock { $0 = value } }
    }

    /// Runs `body` on a migrated database with the divisions, a service on `clock`.
    static func with(
        _ backend: TestBackend, clock: Clock = Clock(1_800_000_000),
        _ body: @Sendable (VolunteerService, Database, Clock) async throws -> Void
    ) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let divisions = DivisionRepository(database: database)
            try await divisions.upsert(Self.divisions)
            let service = VolunteerService(
                database: database, divisions: divisions, accounts: nil, clock: { clock.now })
            try await body(service, database, clock)
        }
    }

    /// Opts residents 1…n in, in community A.
    static func volunteers(_ n: Int, _ service: VolunteerService) async throws {
        for index in 1...n {
            _ = try await service.optIn(resident(index), .init(communityCode: communityA, skills: ["助老"]))
        }
    }

    /// An activity in community A posted by its worker, one shift per given (start, end, capacity).
    static func activity(
        _ service: VolunteerService, shifts: [(Int64, Int64, Int)], kind: Shift.Kind = .fixed, maxMinutes: Int? = nil
    ) async throws -> (VolunteerActivity, [Shift]) {
        try await service.post(
            ActivityPlan(
                communityCode: communityA, title: "为独居老人送餐", description: "", place: "和平社区长者食堂",
                lat: place.lat, lon: place.lon,
                shifts: shifts.map {
                    ShiftPlan(kind: kind, startsAt: $0.0, endsAt: $0.1, capacity: $0.2, maxMinutes: maxMinutes)
                }), by: workerA)
    }
}

/// A problem's code from a throwing call, nil when it succeeds.
func problemCode(_ body: () async throws -> Void) async -> String? {
    do {
        try await body()
        return nil
    } catch let problem as Problem {
        return problem.code
    } catch {
        return "\(error)"
    }
}
