import Foundation
import Platform
import SQLKit
import Territory

/// A few months of demo cases in every state across the communities of several streets, with escalations to every
/// level, ratings, revisits and a held joint meeting with published minutes; deterministic from the seed and
/// idempotent (nothing is added when demo cases exist).
struct CasesDemoSeeder: Sendable {
    let service: CaseService
    let divisions: DivisionRepository
    /// The demo resident who reports a third of the cases (so "my cases" has content).
    let residentID: String?

    /// Seeds; returns the number of cases created (0 when already seeded or no communities exist).
    func seed(seed: UInt64, now: Int64 = CityClock.now()) async throws -> Int {
        let cases = self.service.cases
        let seeded = try await self.service.database.withConnection { sql in
            try await sql.select().column("id").from("cases").where("source", .equal, "demo").first() != nil
        }
        guard !seeded else { return 0 }
        let communities = try await self.communities()
        guard !communities.isEmpty else { return 0 }
        let categories = try await self.service.categories.categories()
        let rules = try await self.service.categories.rules()
        let calendar = try await self.service.categories.calendar()
        var random = DemoRandomCases(seed: seed)
        var created = 0
        var streetEscalated: [String] = []
        for n in 0..<480 {
            let community = communities[n % communities.count]
            let category = categories[Int(random.next() % UInt64(categories.count))]
            let rule = RoutingRule.pick(rules, category: category.code, community: community.code)
            let recent = n % 6 == 0
            let age = recent ? Int64(random.next() % 2 * 86_400) : Int64(3 + random.next() % 87) * 86_400
            let start = now - age - Int64(random.next() % 36_000)
            let levels = n % 5 == 0 ? 1 + Int(random.next() % 3) : 0
            let plan = DemoCasePlan(random: &random, recent: recent, escalate: levels)
            let parents = try await self.parents(of: community)
            let timeline = plan.events(
                community: community, parents: parents, start: start, now: now,
                department: rule?.departmentId ?? category.departmentID, random: &random)
            let promised = calendar.deadline(after: start, workingDays: category.deadlineDays)
            let last = timeline.last!
            let dueAt =
                last.command == "escalate"
                ? calendar.deadline(after: last.createdAt, workingDays: category.deadlineDays) : promised
            let record = CaseRecord(
                id: SortableID.make(at: Date(timeIntervalSince1970: Double(start))), divisionCode: community.code,
                ownerCode: last.ownerCode, ownerLevel: CaseLevel.of(code: last.ownerCode) ?? .community,
                departmentID: last.departmentId, categoryCode: category.code, routingRuleID: rule?.id ?? "default",
                status: last.toStatus, version: timeline.count,
                description: DemoCasePlan.descriptions[category.code] ?? category.name.zh,
                address: "\(community.name)\(1 + random.next() % 40)号附近",
                lat: 30.55 + Double(random.next() % 2000) / 10_000, lon: 103.96 + Double(random.next() % 2400) / 10_000,
                source: "demo", reporterAccountID: n % 3 == 0 ? self.residentID : nil, mediaURL: nil,
                escalations: timeline.filter { $0.command == "escalate" }.count,
                rating: plan.rating, ratingComment: plan.rating.map { $0 >= 4 ? "处理及时，很满意" : "处理偏慢" },
                createdAt: start, updatedAt: last.createdAt, promisedAt: promised,
                dueAt: max(dueAt, recent ? now + 86_400 : dueAt),
                resolvedAt: timeline.first { $0.command == "resolve" }?.createdAt,
                closedAt: timeline.first { $0.command == "close" }?.createdAt)
            try await self.service.database.transaction { sql in
                try await cases.insertSeeded(record, events: timeline, on: sql)
            }
            if record.ownerLevel == .street, record.status.isOpen == false, record.escalations > 0 {
                streetEscalated.append(record.id)
            }
            created += 1
        }
        try await self.meeting(
            street: communities[0].parentCode ?? "", cases: Array(streetEscalated.prefix(4)), now: now)
        return created
    }

    /// Communities of the demo: those under 春熙路街道 and the first of a few other streets.
    func communities() async throws -> [Division] {
        var result = try await self.divisions.list(
            .init(level: .community, parentCode: "510104003"), after: nil, limit: 6
        )
        .items
        // A few communities in each of several districts, so every district's figures have data.
        for district in ["510105", "510106", "510107", "510108", "510112", "510116"] {
            result += try await self.divisions.list(.init(level: .community), after: district, limit: 3).items
                .filter { $0.code.hasPrefix(district) }
        }
        return result
    }

    func parents(of community: Division) async throws -> [String] {
        var codes: [String] = []
        var current = community.parentCode
        while let code = current {
            codes.append(code)
            current = try await self.divisions.find(code)?.parentCode
        }
        return codes
    }

    /// A held street meeting about escalated cases that are now closed, with decisions and published minutes.
    func meeting(street: String, cases ids: [String], now: Int64) async throws {
        guard !street.isEmpty, !ids.isEmpty else { return }
        let day = CityClock.localDate(now - 20 * 86_400)
        let meeting = JointMeeting(
            id: SortableID.make(), divisionCode: street, level: "street", title: "街道联席会议（演示）", heldOn: day,
            status: "planned", minutes: "",
            items: ids.map {
                JointMeeting.Item(
                    caseId: $0, departmentId: nil, office: nil, deadline: nil, decision: nil, caseStatus: nil)
            })
        let meetings = self.service.meetings
        try await self.service.database.transaction { sql in
            try await meetings.insert(meeting, createdBy: "demo", at: now - 20 * 86_400, on: sql)
            for id in ids {
                _ = try await meetings.decide(
                    meeting: meeting.id, caseID: id, department: "cd-urban-management", office: nil,
                    deadline: CityClock.localDate(now - 10 * 86_400), decision: "由城管部门牵头，社区配合，十日内办结",
                    at: now - 20 * 86_400, on: sql)
            }
        }
        _ = try await meetings.publish(
            meeting.id, minutes: "会议研究了\(ids.count)件社区上报诉求，明确责任部门和办结时限，由街道督办，办结后回访。",
            at: now - 20 * 86_400)
    }
}

extension CaseRepository {
    /// Inserts a case with its whole history (demo data).
    func insertSeeded(_ record: CaseRecord, events: [CaseEvent], on sql: any SQLDatabase) async throws {
        try await self.insert(record, contact: nil, photos: [], event: events[0], on: sql)
        for event in events.dropFirst() {
            try await self.insert(event, caseID: record.id, actorID: "demo", on: sql)
        }
    }
}
