import Platform

extension ParticipationDemoSeeder {
    /// A meeting held a week ago (attendance, two decisions with their votes, published minutes) and one called for
    /// next week, each through the meeting service on a clock set to its day.
    func meetings(community: String, now: Int64, by official: Principal) async throws {
        let held = now - 7 * 86_400
        func service(at time: Int64) -> MeetingService {
            MeetingService(
                database: self.platform.database, eligibility: self.votes.eligibility, outbox: self.platform.outbox,
                now: { time })
        }
        let past = try await service(at: held - 5 * 86_400).call(
            community: community,
            .init(
                title: "十一月居民议事会", startsAt: CityClock.localDate(held) + " 19:30", place: "社区党群服务中心二楼",
                quorum: 15, items: [.init(title: "院坝照明改造的施工时间"), .init(title: "楼道堆放杂物的清理约定")]),
            by: official)
        let after = service(at: MeetingService.instant(CityClock.localDate(held) + " 21:00") ?? held)
        _ = try await after.recordAttendance(past.id, present: 23, by: official)
        _ = try await after.decide(
            past.id, position: 1,
            .init(decision: "避开晚间休息时间，施工安排在工作日白天", votesFor: 19, votesAgainst: 2, votesAbstain: 2), by: official)
        _ = try await after.decide(
            past.id, position: 2,
            .init(decision: "由楼栋长牵头每月第一个周六集中清理", votesFor: 21, votesAgainst: 0, votesAbstain: 2), by: official)
        _ = try await after.publish(
            past.id,
            minutes: "出席 23 人，达到法定人数 15 人。议题一：照明改造避开晚间施工，19 票赞成通过。议题二：楼道杂物每月集中清理，21 票赞成通过。",
            by: official)
        _ = try await service(at: now).call(
            community: community,
            .init(
                title: "十二月居民议事会", startsAt: CityClock.localDate(now + 7 * 86_400) + " 19:30",
                place: "社区党群服务中心二楼", quorum: 15, items: [.init(title: "春节邻里活动安排")]),
            by: official)
    }
}
