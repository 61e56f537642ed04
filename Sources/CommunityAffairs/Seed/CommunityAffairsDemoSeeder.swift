import Identity
import Platform

/// Demo certificates for `serve --demo`: the demo resident's requests in every state (waiting, more asked for,
/// rejected, issued, revoked), reviewed by the demo community worker. Adds nothing when the resident has requests.
struct CommunityAffairsDemoSeeder: Sendable {
    let service: CertificateService
    let identity: IdentityService

    /// Returns how many requests it made.
    func seed() async throws -> Int {
        guard let resident = try await self.identity.accounts.find(signInName: "13800138000")?.principal,
            let worker = try await self.identity.accounts.find(signInName: "community.worker")?.principal,
            try await self.service.requests.count(.init(accountID: resident.subject)) == 0
        else { return 0 }
        let plan: [(kind: String, inputs: [String: String], decision: ReviewDecision?, note: String?)] = [
            ("residence", ["since": "2015年3月", "purpose": "办理子女入学"], .approve, nil),
            ("household-composition", ["purpose": "申请公租房"], .approve, nil),
            ("volunteer-service", ["hours": "48", "service": "社区图书室值守", "purpose": "评优"], .approve, nil),
            ("living-alone", ["purpose": "申请居家养老服务"], .reject, "户内登记2人，不符合独居条件。"),
            ("caregiver", ["caredFor": "家中老人", "purpose": "申请照护假"], .more, "请补充被照护人的姓名和失能评估结果。"),
            ("premises-use", ["premises": "春熙路街道某号底商", "business": "便民早餐"], nil, nil),
            ("temporary-hardship", ["event": "家中失火，衣物家具受损"], nil, nil),
        ]
        var made = 0
        for step in plan {
            do {
                let request = try await self.service.request(kind: step.kind, inputs: step.inputs, by: resident)
                made += 1
                if let decision = step.decision {
                    _ = try await self.service.review(request.id, decision: decision, note: step.note, by: worker)
                }
            } catch let error as any AppError {
                // The demo resident may be unregistered or live elsewhere than the demo worker's community.
                _ = error
                continue
            }
        }
        if let issued = try await self.service.certificates.list(accountID: resident.subject).last {
            _ = try await self.service.revoke(issued.number, reason: "居民已迁出本社区，证明内容不再属实。", by: worker)
        }
        return made
    }
}
