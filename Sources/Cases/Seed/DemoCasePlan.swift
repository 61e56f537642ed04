import Platform
import Territory

/// SplitMix64 for the demo cases.
struct DemoRandomCases {
    var state: UInt64

    init(seed: UInt64) { self.state = seed ^ 0xCA5E_5EED }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// How far one demo case goes through the workflow, and its history.
struct DemoCasePlan {
    let final: CaseStatus
    let escalate: Int
    let rating: Int?

    static let descriptions: [String: String] = [
        "gas-leak": "楼道里有明显的燃气味，请尽快处理",
        "water-leak": "小区门口供水管道漏水，路面积水",
        "street-light": "小区东门路灯连续三晚不亮，夜间出行不便",
        "road-damage": "人行道地砖破损松动，老人容易绊倒",
        "garbage": "垃圾桶满溢两天无人清运，气味很大",
        "noise": "夜间施工噪声扰民，晚上十一点后仍在作业",
        "illegal-parking": "消防通道长期被车辆占用",
        "property-management": "物业未按约定维修电梯，多次反映无果",
        "policy-question": "咨询老旧小区加装电梯的补贴政策",
    ]

    init(random: inout DemoRandomCases, recent: Bool, escalate: Int) {
        let roll = random.next() % 100
        if recent {
            self.final = [.received, .accepted, .inProgress][Int(roll % 3)]
        } else {
            self.final = roll < 8 ? .resolved : roll < 14 ? .confirmed : .closed
        }
        self.escalate = escalate
        self.rating = self.final == .closed && roll % 3 != 0 ? [5, 5, 5, 4, 4, 3, 2][Int(random.next() % 7)] : nil
    }

    /// The history from the report to the planned status, escalating `escalate` levels after acceptance.
    func events(
        community: Division, parents: [String], start: Int64, now: Int64, department: String,
        random: inout DemoRandomCases
    ) -> [CaseEvent] {
        var events: [CaseEvent] = []
        var at = start
        var status = CaseStatus.received
        var owner = community.code
        func add(_ command: String, _ to: CaseStatus, _ actor: String, _ note: String) {
            at = min(at + 3600 + Int64(random.next() % 86_400), now - 60)
            events.append(
                CaseEvent(
                    seq: events.count + 1, command: command, fromStatus: events.isEmpty ? nil : status, toStatus: to,
                    ownerCode: owner, departmentId: department, actorKind: actor, note: note, createdAt: at))
            status = to
        }
        at = start - 3600
        add("report", .received, "reporter", "routed by rule to \(department)")
        let order: [CaseStatus] = [.received, .accepted, .inProgress, .resolved, .confirmed, .closed]
        let target = order.firstIndex(of: self.final)!
        if target >= 1 { add("accept", .accepted, "official", "") }
        for level in 0..<min(self.escalate, parents.count) where target >= 1 {
            owner = parents[level]
            add("escalate", .received, "official", "社区无法独立解决，提请上级协调")
            add("accept", .accepted, "official", "")
        }
        if target >= 2 { add("start", .inProgress, "official", "") }
        if target >= 3 { add("resolve", .resolved, "department", "已处理完毕，感谢您的反映") }
        if target >= 4 { add("confirm", .confirmed, "reporter", "") }
        if target >= 5 { add("close", .closed, "official", "") }
        if let rating, target >= 5 { add("rate", .closed, "reporter", "\(rating)") }
        return events
    }
}
