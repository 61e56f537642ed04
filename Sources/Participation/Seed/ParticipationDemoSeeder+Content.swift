import Foundation
import Platform

extension ParticipationDemoSeeder {
    /// The current council and supervisory committee with their members.
    func bodies(community: String, now: Int64) async throws {
        let bodies = BodyRepository(database: self.platform.database)
        let year = Int(CityClock.localDate(now).prefix(4)) ?? 2026
        let members: [(Body.Kind, String, String, [(String, Body.Position)])] = [
            (
                .council, "居民议事会", "Residents' council",
                [("王建华", .chair), ("李秀英", .viceChair), ("张伟", .secretary), ("刘芳", .member), ("陈明", .member)]
            ),
            (.committee, "居务监督委员会", "Supervisory committee", [("赵丽", .chair), ("孙强", .member), ("周敏", .member)]),
        ]
        for (kind, zh, en, people) in members {
            let body = Body(
                id: SortableID.make(), communityCode: community, kind: kind, name: LocalizedText(zh: zh, en: en),
                termStart: "\(year - 1)-01-01", termEnd: "\(year + 3)-12-31", chosenHow: "居民代表会议选举产生",
                members: [])
            try await bodies.insert(body, at: now)
            for (name, position) in people {
                try await bodies.addMember(
                    bodyID: body.id, id: SortableID.make(), name: name, position: position, accountID: nil, at: now)
            }
        }
    }

    /// Proposals in every state, with supports from demo accounts.
    func proposals(community: String, now: Int64) async throws {
        let repository = ProposalRepository(database: self.platform.database)
        let entries: [(String, String, String, Int64, Proposal.Status, Int, String?)] = [
            ("院坝加装休闲座椅", "3栋前院坝没有座椅，老人休息不便，建议加装六张防腐木座椅。", "3栋前院坝", 1_200_000, .open, 7, nil),
            ("增设电动自行车充电棚", "楼道飞线充电隐患大，建议在北门空地增设带智能断电的充电棚。", "北门空地", 8_500_000, .onAgenda, 26, nil),
            ("修缮 5 栋漏水屋面", "5栋顶层多户雨季漏水，建议整体做防水。", "5栋屋面", 15_000_000, .accepted, 31, "列入本年度院落改造，由社区基金支出。"),
            ("小区内设置收费停车", "建议对外来车辆收费。", "小区道路", 300_000, .rejected, 22, "小区道路属业主共有，收费需业主大会表决，议事会无权决定。"),
        ]
        var accepted: String?
        for (title, body, place, cost, status, supports, reason) in entries {
            let proposal = Proposal(
                id: SortableID.make(), communityCode: community, title: title, body: body, place: place, costFen: cost,
                supportThreshold: ProposalService.defaultSupportThreshold, status: .open, supports: 0,
                answerReason: nil, mergedInto: nil, createdAt: now - 20 * 86_400)
            try await repository.insert(proposal, author: "demo-resident-author")
            try await self.platform.database.transaction { sql in
                for n in 0..<supports {
                    try await repository.support(proposal.id, account: "demo-supporter-\(n)", at: now, on: sql)
                }
                try await repository.promoteIfReached(proposal.id, on: sql)
                if status == .accepted || status == .rejected {
                    _ = try await repository.answer(
                        proposal.id, status: status, reason: reason, mergedInto: nil, by: "demo-seed", at: now, on: sql)
                }
            }
            if status == .accepted { accepted = proposal.id }
        }
        guard let accepted else { return }
        let merged = Proposal(
            id: SortableID.make(), communityCode: community, title: "5 栋顶楼防水", body: "顶楼渗水，希望尽快处理防水层。",
            place: "5栋", costFen: 9_000_000, supportThreshold: ProposalService.defaultSupportThreshold, status: .open,
            supports: 0, answerReason: nil, mergedInto: nil, createdAt: now - 15 * 86_400)
        try await repository.insert(merged, author: "demo-resident-author-2")
        try await self.platform.database.transaction { sql in
            _ = try await repository.answer(
                merged.id, status: .merged, reason: "与“修缮 5 栋漏水屋面”相同，已合并。", mergedInto: accepted, by: "demo-seed",
                at: now, on: sql)
        }
    }
}
