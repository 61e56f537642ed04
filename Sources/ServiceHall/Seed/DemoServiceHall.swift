import Foundation
import Platform
import SQLKit

/// Demo data for the service hall, from a fixed seed: 60 days of applications in every state (some late, some
/// rejected, most rated), service uses per day and the demo residents' active days, so the console queue, the
/// performance page and the platform figures have something to show. Only runs when there are no applications.
public enum DemoServiceHall {
    /// What the seeding wrote.
    public struct Summary: Sendable, Equatable {
        public let applications: Int
        public let ratings: Int
        public let uses: Int
    }

    static let comments = [
        "办理很快，工作人员很耐心。", "网上提交很方便，不用跑腿。", "进度清楚，按时办结。", "材料要求写得很清楚。",
        "比预期慢了一些。", "希望能再简化一些材料。", "Quick and easy, thank you.", "",
    ]

    static let rejections = ["材料不全：缺少身份证复印件。", "不符合申请条件：不在本市缴纳社保。", "信息与登记记录不一致，请核对后重新申请。"]

    /// Seeds `days` days before `now` for `applicants` (resident account ids); `staff` maps department ids to the
    /// account that handles them (others are handled by `demo-staff-<department>`).
    public static func seed(
        database: Database, catalog: Catalog, applicants: [String], staff: [String: String], now: Int64,
        days: Int = 60, seed: UInt64 = 2018
    ) async throws -> Summary? {
        guard !applicants.isEmpty else { return nil }
        let applicationServices = catalog.services.filter { $0.kind == .application && $0.form != nil }
        return try await database.transaction { sql -> Summary? in
            var random = SplitMix(seed: seed)
            guard try await sql.select().column("id").from("servicehall_applications").limit(1).first() == nil else {
                return nil
            }
            var applications = 0
            var ratings = 0
            var uses = 0
            for daysAgo in stride(from: days - 1, through: 0, by: -1) {
                let dayStart = now - Int64(daysAgo) * 86_400
                for (index, service) in applicationServices.enumerated() {
                    // Earlier services of each department are busier, like real counters.
                    let weight = index % 5 == 0 ? 3 : index % 3 == 0 ? 2 : 1
                    let count = Int(random.next() % UInt64(weight + 1)) - (weight == 1 ? 0 : 1)
                    for _ in 0..<max(count, 0) {
                        let submitted = dayStart - Int64(random.next() % 86_400)
                        guard submitted < now else { continue }
                        let applicant = applicants[Int(random.next() % UInt64(applicants.count))]
                        let rated = try await self.application(
                            service, applicant: applicant, submitted: submitted, now: now,
                            handler: staff[service.department] ?? "demo-staff-\(service.department)", random: &random,
                            on: sql)
                        applications += 1
                        if rated { ratings += 1 }
                    }
                }
                let day = WorkingDays.dayNumber(of: dayStart)
                for (index, service) in catalog.services.enumerated() {
                    let base = max(400 - index * 3, 20)
                    let count = base / 2 + Int(random.next() % UInt64(base))
                    try await sql.insert(into: "servicehall_use_days").columns("service_id", "day", "uses")
                        .values(SQLBind(service.id), SQLBind(day), SQLBind(count)).run()
                    uses += count
                }
                for applicant in applicants where random.next() % 10 < 3 {
                    try await sql.insert(into: "servicehall_active_days").columns("day", "account_id")
                        .values(SQLBind(day), SQLBind(applicant)).run()
                }
            }
            return Summary(applications: applications, ratings: ratings, uses: uses)
        }
    }

    /// One application, moved on according to its age; returns whether it was rated.
    private static func application(
        _ service: CatalogService, applicant: String, submitted: Int64, now: Int64, handler: String,
        random: inout SplitMix, on sql: any SQLDatabase
    ) async throws -> Bool {
        let due = WorkingDays.deadline(after: submitted, workingDays: service.promisedDays)
        let span = Double(due - submitted)
        // When it will be (or was) finished: most before the deadline, about one in ten after it.
        let finishFraction = 0.25 + Double(random.next() % 1000) / 1000 * 0.95
        let finishAt = submitted + Int64(span * finishFraction)
        let id = "SD" + String(format: "%010llu", random.next() % 10_000_000_000)
        let form = Dictionary(
            (service.form?.fields ?? []).map { ($0.name, self.sampleValue($0)) }, uniquingKeysWith: { $1 })
        try await ApplicationRepository.insert(
            .init(
                id: id, service: service, accountID: applicant, form: form, idempotencyKey: "demo-\(id)",
                requestHash: "demo", submittedAt: submitted, dueAt: due),
            on: sql)
        let rejected = random.next() % 100 < 12
        let path: [ApplicationStatus] =
            rejected ? [.accepted, .inReview, .rejected] : [.accepted, .inReview, .approved, .completed]
        let fractions: [Double] = rejected ? [0.1, 0.3, 1.0] : [0.1, 0.3, 0.8, 1.0]
        var previous = ApplicationStatus.submitted
        for (seq, (status, fraction)) in zip(path, fractions).enumerated() {
            let at = submitted + Int64(Double(finishAt - submitted) * fraction)
            guard at <= now else { break }
            let note = status == .rejected ? self.rejections[Int(random.next() % UInt64(self.rejections.count))] : nil
            _ = try await ApplicationRepository.move(
                id, from: previous, to: status,
                step: ApplicationStep(status: status, at: at, handlerID: handler, note: note), seq: seq + 1, on: sql)
            previous = status
        }
        guard previous.isFinished, random.next() % 100 < 60 else { return false }
        let roll = random.next() % 100
        let stars = roll < 55 ? 5 : roll < 80 ? 4 : roll < 90 ? 3 : roll < 95 ? 2 : 1
        let application = Application(
            id: id, serviceID: service.id, departmentID: service.department, serviceName: service.name,
            accountID: applicant, status: previous, form: form, submittedAt: submitted, dueAt: due,
            updatedAt: finishAt, finishedAt: finishAt, reason: nil, steps: [], rating: nil)
        try await ApplicationRepository.insertRating(
            Rating(
                stars: stars, comment: self.comments[Int(random.next() % UInt64(self.comments.count))],
                ratedAt: min(finishAt + 3600, now)),
            for: application, on: sql)
        return true
    }

    /// A plausible value for a field.
    static func sampleValue(_ field: FormField) -> String {
        switch field.type {
        case .choice: field.choices?.first?.value ?? ""
        case .number: FormValidator.format(field.min ?? 1)
        case .date: "2026-01-15"
        case .phone: "13800138000"
        case .email: "demo@example.com"
        case .checkbox: "true"
        case .idNumber: "510104199005201234"
        case .text, .textarea:
            field.pattern != nil ? "川A12345" : String(repeating: "演示", count: max((field.minLength ?? 2) / 2, 2))
        }
    }
}

/// SplitMix64: a small, fast, seedable generator so the demo is the same on every machine.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { self.state = seed }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
