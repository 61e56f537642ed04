import Foundation
import Platform
import Population

/// Demo participation for the first community under 春熙路街道: a council and a supervisory committee, proposals
/// in every state, a finished and certified vote whose ballots went through the real blind-signature protocol
/// (register residents as voters), an open vote, a consent campaign in progress, a council meeting held last week
/// with its decisions and minutes and one called for next week. Runs once per community.
struct ParticipationDemoSeeder: Sendable {
    let platform: PlatformServices
    let votes: VoteService
    let campaigns: CampaignService
    let register: RegisterRepository

    func seed(community: String, seed: UInt64) async throws {
        guard try await self.votes.votes.votes(community: community, limit: 1).isEmpty else { return }
        let households = try await self.register.households(inside: community, limit: 400)
        guard !households.isEmpty else { return }
        let now = CityClock.now()
        let official = Principal(subject: "demo-seed", role: .platformAdmin, scope: "510100", level: 3)
        try await self.bodies(community: community, now: now)
        try await self.proposals(community: community, now: now)
        try await self.meetings(community: community, now: now, by: official)

        // A finished vote: every third household's residents vote, through tokens blinded and signed as in real use.
        let opened = now - 10 * 86_400
        let finished = try await self.votes.create(
            community: community,
            request: .init(
                titleZh: "老旧院落改造方案选择", titleEn: "Choosing the old-courtyard renovation plan",
                description: "三个方案由居民议事会提出，详见社区公告栏。", kind: .single,
                options: [
                    LocalizedText(zh: "方案一：整体翻新", en: "Plan 1: full renovation"),
                    LocalizedText(zh: "方案二：加装电梯优先", en: "Plan 2: lifts first"),
                    LocalizedText(zh: "方案三：微更新与绿化", en: "Plan 3: small works and greenery"),
                ], maxChoices: nil, unit: .person, eligibility: nil, opensAt: CityClock.rfc3339(opened),
                closesAt: CityClock.rfc3339(now - 3 * 86_400), quorumPercent: 10, threshold: .simpleMajority),
            by: official)
        let during = VoteService(
            platform: self.platform, eligibility: self.votes.eligibility, register: self.register,
            now: { opened + 3600 })
        var random = SplitMix64(seed: seed)
        for (index, household) in households.enumerated() where index % 3 == 0 {
            for resident in household.residentIDs.prefix(2) {
                let request = try BallotClient.TokenRequest(voteID: finished.id, publicKeyPEM: finished.publicKeyPEM)
                guard
                    try await during.ballots.issue(
                        voteID: finished.id, voterKey: "r:\(resident)",
                        blindedHash: VoteKeys.tokenHash(request.blindedMessage)) == .issued
                else { continue }
                let signature = try await during.keys.blindSign(
                    voteID: finished.id, blindedMessage: request.blindedMessage)
                let token = try request.finalize(blindSignature: signature)
                let choice = [0, 1, 1, 2, 1][Int(random.next() % 5)]
                _ = try await during.cast(
                    voteID: finished.id,
                    ballot: .init(
                        message: Base64URL.encode(token.message), signature: Base64URL.encode(token.signature),
                        choices: [choice]))
            }
        }
        _ = try await self.votes.certify(voteID: finished.id, by: official)

        _ = try await self.votes.create(
            community: community,
            request: .init(
                titleZh: "是否为 3 栋加装电梯", titleEn: "Add a lift to building 3?",
                description: "一户一票，由户内任一已实名居民投票。", kind: .yesNoAbstain, options: nil, maxChoices: nil,
                unit: .household, eligibility: nil, opensAt: CityClock.rfc3339(now - 86_400),
                closesAt: CityClock.rfc3339(now + 7 * 86_400), quorumPercent: 50, threshold: .twoThirdsCast),
            by: official)

        // A consent campaign over the first two buildings, a little over half signed.
        let buildings = try await self.register.households(community: community, buildings: [])
            .compactMap { $0.building }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.prefix(2)
        guard !buildings.isEmpty else { return }
        let campaign = try await self.campaigns.create(
            community: community,
            request: .init(
                titleZh: "\(buildings.joined(separator: "、"))棚户改造模拟搬迁", titleEn: "Consent for the shanty renovation",
                description: "签约户数达到 95% 才启动改造。", buildings: Array(buildings), thresholdPercent: 95,
                opensAt: CityClock.rfc3339(now - 2 * 86_400), deadline: CityClock.rfc3339(now + 14 * 86_400)),
            by: official)
        let listed = try await self.register.households(community: community, buildings: Array(buildings))
        try await self.platform.database.transaction { sql in
            _ = try await self.campaigns.campaigns.touchIfRunning(campaign.id, now: now, on: sql)
            for household in listed.prefix(listed.count * 3 / 5) {
                _ = try await self.campaigns.campaigns.setSigned(
                    campaign.id, household: household.id, signed: true, by: "demo-seed", at: now, on: sql)
            }
        }
    }
}

/// A small deterministic generator for demo choices.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { self.state = seed }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
