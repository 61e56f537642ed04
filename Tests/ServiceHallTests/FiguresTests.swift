import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import SQLKit
import ServiceHall
import TestSupport
import Testing

@Suite("Deadlines, performance and platform figures")
struct FiguresTests {
    struct PerformanceRow: Decodable {
        let departmentId: String
        let volume: Int
        let finished: Int
        let finishedOnTime: Int
        let onTimeRate: Double?
        let openOverdue: Int
        let ratings: Int
        let averageRating: Double?
    }

    struct Figures: Decodable {
        let registeredUsers: Int
        let activeToday: Int
        let cumulativeServiceUses: Int
    }

    @Test("overdue flags, on-time rate, average rating and usage come from the data", arguments: TestBackend.available)
    func figures(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: HallFixture.prepare) { client, database in
            let (resident, _) = try await client.residentToken(1)
            let psb = try await client.officialToken("psb.clerk")
            var ids: [String] = []
            for key in ["a", "b", "c"] {
                let created = try await client.request(
                    "/api/v1/services/no-criminal-record-certificate/applications", method: .post,
                    json: ApplicationAPITests.certificate, token: resident,
                    headers: [ApplicationAPITests.key: key])
                ids.append(try created.json(ApplicationBody.self).id)
            }
            #expect(
                try await client.request("/api/v1/me/applications/\(ids[0])", token: resident).json(
                    ApplicationBody.self
                ).overdue == false)
            // a: finished on time; b: its deadline passes, then it is finished late; c: open and past its deadline.
            let past = Int64(Date().timeIntervalSince1970) - 60
            let late = [ids[1], ids[2]]
            try await database.withConnection { sql in
                try await sql.update("servicehall_applications").set("due_at", to: past)
                    .where("id", .in, late).run()
            }
            for id in ids.prefix(2) {
                for action in ["accept", "review", "approve", "complete"] {
                    let response = try await client.request(
                        "/api/v1/staff/applications/\(id)/actions", method: .post, json: #"{"action":"\#(action)"}"#,
                        token: psb)
                    #expect(response.status == .ok)
                }
            }
            let finishedLate = try await client.request("/api/v1/me/applications/\(ids[1])", token: resident)
                .json(ApplicationBody.self)
            #expect(finishedLate.status == "completed" && finishedLate.overdue)
            #expect(
                try await client.request("/api/v1/me/applications/\(ids[2])", token: resident).json(
                    ApplicationBody.self
                ).overdue)
            #expect(
                try await client.request("/api/v1/me/applications/\(ids[0])", token: resident).json(
                    ApplicationBody.self
                ).overdue == false)
            for (id, stars) in [(ids[0], 5), (ids[1], 2)] {
                let response = try await client.request(
                    "/api/v1/me/applications/\(id)/rating", method: .post, json: #"{"stars":\#(stars)}"#,
                    token: resident)
                #expect(response.status == .created)
            }
            // The queue puts the earliest deadline first and marks it overdue.
            let queue = try await client.request("/api/v1/staff/applications", token: psb).json(
                ListBody<ApplicationBody>.self)
            #expect(queue.items.map(\.id) == [ids[2]] && queue.items[0].overdue)

            let performance = try await client.request("/api/v1/open/service-performance")
                .json(ListBody<PerformanceRow>.self)
            #expect(performance.items.count == 33)
            let row = try #require(performance.items.first { $0.departmentId == "cd-psb" })
            #expect(row.volume == 3 && row.finished == 2 && row.finishedOnTime == 1 && row.openOverdue == 1)
            #expect(row.onTimeRate == 0.5 && row.ratings == 2 && row.averageRating == 3.5)
            #expect(performance.items.first?.departmentId == "cd-psb")
            let idle = try #require(performance.items.first { $0.departmentId == "cd-hpf" })
            #expect(idle.volume == 0 && idle.onTimeRate == nil && idle.averageRating == nil)

            let figures = try await client.request("/api/v1/open/platform-figures").json(Figures.self)
            #expect(figures.registeredUsers == 1 && figures.activeToday == 1 && figures.cumulativeServiceUses == 3)
            let page = String(buffer: try await client.request("/open/services").body)
            #expect(page.contains("id=\"on-time-chart\"") && page.contains("50.0%") && page.contains("3.50"))
        }
    }

    @Test("deadlines count working days in China Standard Time")
    func workingDays() {
        // Friday 2026-11-27 10:00 +08:00 plus 1 working day: the end of Monday 2026-11-30 (+08:00).
        let friday: Int64 = 1_795_744_800
        #expect(WorkingDays.deadline(after: friday, workingDays: 1) == 1_796_054_400)
        // Plus 5: the end of the next Friday, 2026-12-04.
        #expect(WorkingDays.deadline(after: friday, workingDays: 5) == 1_796_400_000)
        // Submitted on Saturday: Monday is the first working day.
        #expect(WorkingDays.deadline(after: friday + 86_400, workingDays: 1) == 1_796_054_400)
    }
}
