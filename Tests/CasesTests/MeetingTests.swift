import Cases
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import Platform
import TestSupport
import Testing

/// Joint meetings: the agenda from escalated cases, decisions with department and deadline, published minutes;
/// routing rules edited by the city; statistics and the public list.
@Suite struct MeetingTests {
    @Test(arguments: TestBackend.available)
    func meetingDecidesAndPublishes(_ backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: CasesFixture.standard) { client in
            let resident = try await client.token(CasesFixture.phone(1))
            let worker = try await client.token("worker.a")
            let street = try await client.token("street")
            // Nothing escalated yet: no agenda.
            let empty = try await client.send(
                .post, "/api/v1/cases/meetings", json: #"{"title":"街道联席会议","heldOn":"2026-12-10"}"#, token: street)
            #expect(empty.problemCode == "empty_agenda")
            let report = try await client.send(.post, "/api/v1/cases", json: CasesFixture.report(), token: resident)
                .json(CaseView.self)
            #expect(try await client.transition(report.id, "escalate", note: "需协调", token: worker).status == .ok)
            // Community workers do not hold joint meetings.
            let refused = try await client.send(
                .post, "/api/v1/cases/meetings", json: #"{"title":"社区会议","heldOn":"2026-12-10"}"#, token: worker)
            #expect(refused.status == .forbidden)
            let called = try await client.send(
                .post, "/api/v1/cases/meetings", json: #"{"title":"街道联席会议","heldOn":"2026-12-10"}"#, token: street)
            #expect(called.status == .created, "\(String(buffer: called.body))")
            let meeting = try called.json(JointMeeting.self)
            #expect(meeting.items.map(\.caseId) == [report.id])
            // Another district's officer may not decide.
            let other = try await client.token("district.c")
            let deadline = CityClock.localDate(CityClock.now() + 7 * 86_400)
            let decision =
                #"{"caseId":"\#(report.id)","departmentId":"cd-water","deadline":"\#(deadline)","decision":"由水务牵头处理"}"#
            #expect(
                try await client.send(
                    .post, "/api/v1/cases/meetings/\(meeting.id)/decisions", json: decision, token: other
                )
                .status == .notFound)
            let past =
                #"{"caseId":"\#(report.id)","departmentId":"cd-water","deadline":"2020-01-01","decision":"由水务牵头处理"}"#
            #expect(
                try await client.send(
                    .post, "/api/v1/cases/meetings/\(meeting.id)/decisions", json: past, token: street
                )
                .problemCode == "invalid_case")
            let decided = try await client.send(
                .post, "/api/v1/cases/meetings/\(meeting.id)/decisions", json: decision, token: street)
            #expect(decided.status == .ok, "\(String(buffer: decided.body))")
            #expect(try decided.json(JointMeeting.self).items.first?.departmentId == "cd-water")
            let detail = try await client.send(.get, "/api/v1/cases/\(report.id)", token: street).json(CaseView.self)
            #expect(detail.departmentId == "cd-water")
            #expect(detail.dueAt.hasPrefix(CityClock.localDate(CityClock.now() + 8 * 86_400)))
            #expect(detail.history?.last?.command == "decide")
            // Not yet public.
            #expect(try await client.send(.get, "/api/v1/cases/meetings/\(meeting.id)").status == .notFound)
            let published = try await client.send(
                .post, "/api/v1/cases/meetings/\(meeting.id)/minutes",
                json: #"{"minutes":"会议研究了路灯问题，明确由水务部门牵头限期办结。"}"#, token: street)
            #expect(published.status == .ok)
            #expect(try await client.send(.get, "/api/v1/cases/meetings/\(meeting.id)").status == .ok)
            let list = try await client.send(.get, "/api/v1/cases/meetings").json(MeetingListView.self)
            #expect(list.items.map(\.id) == [meeting.id])
            let late = try await client.send(
                .post, "/api/v1/cases/meetings/\(meeting.id)/decisions", json: decision, token: street)
            #expect(late.problemCode == "meeting_published")
        }
    }

    @Test(arguments: TestBackend.available)
    func routingRulesStatisticsAndPublicList(_ backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: CasesFixture.standard) { client in
            let city = try await client.token("city")
            let street = try await client.token("street")
            let rule =
                #"{"category":"street-light","divisionPrefix":"510104003","departmentId":"cd-power","note":"春熙路路灯由供电公司维护"}"#
            #expect(
                try await client.send(.post, "/api/v1/cases/routing-rules", json: rule, token: street).status
                    == .forbidden)
            let saved = try await client.send(.post, "/api/v1/cases/routing-rules", json: rule, token: city)
            #expect(saved.status == .ok, "\(String(buffer: saved.body))")
            let bad = #"{"category":"street-light","divisionPrefix":"51x","departmentId":"cd-power"}"#
            #expect(
                try await client.send(.post, "/api/v1/cases/routing-rules", json: bad, token: city).problemCode
                    == "invalid_case")
            let resident = try await client.token(CasesFixture.phone(1))
            let report = try await client.send(.post, "/api/v1/cases", json: CasesFixture.report(), token: resident)
                .json(CaseView.self)
            #expect(report.departmentId == "cd-power")
            #expect(report.routingRule != "default-street-light")
            // Public list: no description beyond the summary, no address, rounded point.
            let open = try await client.send(.get, "/api/v1/open/cases").json(PageOf<PublicCaseView>.self)
            #expect(open.items.map(\.id) == [report.id])
            let raw = String(buffer: try await client.send(.get, "/api/v1/open/cases").body)
            #expect(!raw.contains("resident-1") && !raw.contains("address"))
            let stats = try await client.send(.get, "/api/v1/open/cases/statistics?groupBy=district")
            #expect(stats.status == .ok)
            #expect(String(buffer: stats.body).contains(#""key":"510104""#))
            let page = try await client.execute(uri: "/open/cases/statistics?groupBy=department", method: .get)
            #expect(String(buffer: page.body).contains("id='chart-volume'"))
            let map = try await client.execute(uri: "/open/cases", method: .get)
            #expect(String(buffer: map.body).contains("id='case-map'"))
        }
    }
}

/// Meetings as listed.
struct MeetingListView: Decodable {
    let items: [JointMeeting]
}
